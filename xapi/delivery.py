"""Statements leave through the background queue in batches, and wait in the outbox while the
learning record store cannot take them.

``record`` writes a statement to the outbox in the transaction that records the event and,
once that commits, queues ``deliver_statements`` on the database queue (``manage.py db_worker
--backend background``). The task posts what is due, oldest first, in batches. When the LRS
cannot be reached, or answers that it cannot take them now, the batch stays pending and is tried
again later and later (a day apart at most, for ever), or as soon as the LRS takes another
statement; statement ids make a repeated post harmless, since an LRS stores a statement id once.
A statement the LRS refuses as invalid is kept, marked refused, with the LRS's answer.

Nothing is stored or sent while no LRS is configured (``XAPI_LRS_ENDPOINT``).
"""

import datetime
import logging

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Statement
from .statements import XAPI_VERSION

logger = logging.getLogger(__name__)

BACKGROUND = "background"
BATCH_SIZE = 50
# The pause before each new try, in seconds: a minute, five, half an hour, two hours, six, then
# a day between tries for as long as the LRS stays away.
RETRY_PAUSES = [60, 300, 1800, 7200, 21600, 86400]
# Answers that say the statements themselves are wrong; any other failure is the LRS's or the
# network's and passes.
REFUSALS = {400, 409, 413, 422}
TIMEOUT = 10


def is_configured():
    return bool(settings.XAPI_LRS_ENDPOINT)


def record(user, statement):
    """Keep ``statement`` for ``user`` in the outbox, in the current transaction."""
    if not is_configured():
        return
    # A statement already kept (the same id) is kept once.
    Statement.objects.bulk_create(
        [Statement(id=statement["id"], user=user, data=statement)], ignore_conflicts=True
    )
    transaction.on_commit(deliver_statements.enqueue)


def pause_after(attempts):
    return datetime.timedelta(seconds=RETRY_PAUSES[min(attempts, len(RETRY_PAUSES)) - 1])


class Unreachable(Exception):
    """The LRS did not take the batch, for a reason that may pass."""


def post(statements):
    """POST ``statements`` to the LRS; return None when stored, or the LRS's refusal."""
    try:
        response = requests.post(
            settings.XAPI_LRS_ENDPOINT.rstrip("/") + "/statements",
            json=[row.data for row in statements],
            auth=(settings.XAPI_LRS_KEY, settings.XAPI_LRS_SECRET),
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=TIMEOUT,
        )
    except requests.RequestException as error:
        raise Unreachable(str(error)) from error
    if response.ok:
        return None
    if response.status_code in REFUSALS:
        return f"{response.status_code} {response.text[:1000]}"
    raise Unreachable(f"{response.status_code} {response.text[:1000]}")


@task(backend=BACKGROUND)
def deliver_statements():
    """Send every statement that is due, a batch at a time, until none is left or the LRS
    stops taking them."""
    if not is_configured():
        return
    if not deliver_a_batch():
        return
    # The LRS takes statements again: those waiting for a later try go now too.
    now = timezone.now()
    Statement.objects.filter(status=Statement.Status.PENDING, next_try__gt=now).update(next_try=now)
    while deliver_a_batch():
        pass


def deliver_a_batch():
    """Send the oldest due statements; return whether the LRS took them (or refused them)."""
    with transaction.atomic():
        due = Statement.objects.filter(
            status=Statement.Status.PENDING, next_try__lte=timezone.now()
        ).order_by("created_at")
        batch = list(due.select_for_update(skip_locked=True)[:BATCH_SIZE])
        if not batch:
            return False
        groups = [batch]
        while groups:
            group = groups.pop(0)
            try:
                refusal = post(group)
            except Unreachable as error:
                postpone([row for rows in [group, *groups] for row in rows], str(error))
                return False
            if refusal is None:
                mark(group, Statement.Status.SENT)
            elif len(group) == 1:
                mark(group, Statement.Status.REFUSED, refusal)
            else:
                # One bad statement refuses its batch: send each alone to find it.
                groups = [[row] for row in group] + groups
    return True


def mark(rows, status, error=""):
    now = timezone.now()
    for row in rows:
        row.status, row.attempts, row.last_error = status, row.attempts + 1, error
        row.sent_at = now if status == Statement.Status.SENT else None
    Statement.objects.bulk_update(rows, ["status", "attempts", "last_error", "sent_at"])


def postpone(rows, error):
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.next_try = now + pause_after(row.attempts)
        row.last_error = error
    Statement.objects.bulk_update(rows, ["attempts", "next_try", "last_error"])
    logger.warning("%s xAPI statements not sent (%s); trying again later", len(rows), error)
    later = min(row.next_try for row in rows)
    transaction.on_commit(lambda: deliver_statements.using(run_after=later).enqueue())
