"""Delivery through the queue to a real LRS (ralph): down, it delays statements, never loses
them; a statement posted twice is stored once; one it refuses does not hold the others back."""

import datetime

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from modules.models import LessonPage
from tests.queue import run_the_worker, worker_commits
from xapi.delivery import deliver_statements
from xapi.models import Statement

from .helpers import COURSE_VERBS, take_the_course

EVERY = len(COURSE_VERBS)


@worker_commits
def test_with_the_lrs_down_statements_wait_and_arrive_once_when_it_is_back(
    lrs, course, learner_client
):
    lrs.stop()
    take_the_course(learner_client, course)

    run_the_worker()  # the LRS does not answer: every statement stays, another try is queued
    assert Statement.objects.filter(status="pending", attempts=1).count() == EVERY
    assert DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.ready().exists()  # …for later, not now

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_the_worker()  # still down: the next try waits longer
    assert Statement.objects.filter(status="pending", attempts=2).count() == EVERY

    lrs.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=10)):
        run_the_worker()

    stored = lrs.statements()
    assert sorted(statement["id"] for statement in stored) == sorted(
        str(pk) for pk in Statement.objects.values_list("pk", flat=True)
    )
    assert len(stored) == EVERY
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}


@worker_commits
def test_once_the_lrs_takes_a_new_statement_those_waiting_go_with_it(lrs, course, learner_client):
    lrs.stop()
    take_the_course(learner_client, course)
    run_the_worker()
    assert Statement.objects.filter(status="pending").count() == EVERY

    lrs.start()
    learner_client.get(LessonPage.objects.descendant_of(course).first().url)
    run_the_worker()

    assert len(lrs.statements()) == EVERY + 1
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}


@worker_commits
def test_a_statement_posted_again_is_stored_once(lrs, course, learner_client):
    """The LRS took a batch but the answer was lost on the way: the same statements go again."""
    take_the_course(learner_client, course)
    run_the_worker()
    Statement.objects.update(status="pending")

    deliver_statements.enqueue()
    run_the_worker()

    assert len(lrs.statements()) == EVERY
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}


@worker_commits
def test_a_statement_the_lrs_refuses_is_set_aside_and_the_others_still_go(
    lrs, course, learner_client, client, django_user_model
):
    take_the_course(learner_client, course)
    broken = Statement.objects.order_by("created_at").first()
    broken.data["actor"] = {"objectType": "Agent", "name": "nobody in particular"}
    broken.save()

    run_the_worker()

    broken.refresh_from_db()
    assert broken.status == "refused" and broken.last_error.startswith("422")
    assert lrs.invalid([broken.data]) != []  # ralph's models, asked directly, agree
    assert len(lrs.statements()) == EVERY - 1
    assert Statement.objects.filter(status="sent").count() == EVERY - 1

    # Administrators see it and why, and can change nothing.
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    listing = client.get(reverse("learning_records:index"), {"status": "refused"})
    inspected = client.get(reverse("learning_records:inspect", args=[broken.pk]))
    assert listing.status_code == 200 and broken.data["object"]["id"] in listing.text
    assert inspected.status_code == 200 and "422" in inspected.text
    assert client.get(reverse("learning_records:edit", args=[broken.pk])).status_code in {302, 403}
    assert learner_client.get(reverse("learning_records:index")).status_code == 302


@pytest.mark.django_db
def test_without_an_lrs_nothing_is_stored_or_queued(course, learner_client, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    take_the_course(learner_client, course)
    assert not Statement.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_statement_is_kept_only_if_its_action_is(course, learner_client, settings):
    """The completion and its statement are one transaction: a completion that fails to commit
    leaves no statement behind, and a second completion of the lesson makes none."""
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    lesson = LessonPage.objects.descendant_of(course).first()
    with pytest.raises(RuntimeError), transaction.atomic():
        learner_client.post(reverse("complete_lesson", args=[lesson.pk]))
        assert Statement.objects.count() == 1
        raise RuntimeError("the database gave up before the commit")
    assert not Statement.objects.exists()

    learner_client.post(reverse("complete_lesson", args=[lesson.pk]))
    learner_client.post(reverse("complete_lesson", args=[lesson.pk]))
    assert Statement.objects.count() == 1
