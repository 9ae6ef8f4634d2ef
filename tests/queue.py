"""The background queue's worker, run the way `make run` runs it, for tests of queued work."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

# The worker takes tasks in transactions of its own, as in production: these tests commit.
worker_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_the_worker():
    """The queue's own worker, as `make run` starts it, until nothing is left to do now."""
    while DBTaskResult.objects.ready().exists():
        call_command(
            "db_worker",
            "--batch",
            "--max-tasks=1",
            "--backend=background",
            "--no-startup-delay",
            verbosity=0,
        )
