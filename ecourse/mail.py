"""E-mail leaves through the background queue, so a learner's action never waits for the mail
server, nor fails when it is down.

``EMAIL_BACKEND`` is ``QueuedEmailBackend``: sending a message (allauth's confirmations and
password resets, certificate e-mails, Wagtail's notifications) stores it as a task in the
database; the worker (``manage.py db_worker --backend background``) hands it to
``EMAIL_DELIVERY_BACKEND``, the real one. A delivery that fails is tried again later, with
longer and longer pauses; the last failure stays in the queue's table for administrators.
The rows hold addresses and links: `manage.py prune_db_task_results` removes old ones, and a
learner's own go with their account.
"""

import base64
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

BACKGROUND = "background"
# The pause before each new try, in seconds: a minute, five, half an hour, two hours, a day.
RETRY_PAUSES = [60, 300, 1800, 7200, 86400]
DELIVERY_ERRORS = (OSError, smtplib.SMTPException)


def as_data(message):
    """A message as JSON-ready data the queue can store."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [
                name,
                base64.b64encode(
                    content if isinstance(content, bytes) else content.encode()
                ).decode(),
                mimetype,
            ]
            for name, content, mimetype in message.attachments
        ],
    }


def from_data(data, connection):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task(backend=BACKGROUND)
def deliver_email(data, attempt=1):
    """Hand one message to the real mail backend; if the mail server cannot take it, queue
    another try after a pause, until the pauses run out."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    try:
        from_data(data, connection).send()
    except DELIVERY_ERRORS as error:
        if attempt > len(RETRY_PAUSES):
            raise
        pause = RETRY_PAUSES[attempt - 1]
        logger.warning("E-mail to %s not sent (%s); trying again in %s s", data["to"], error, pause)
        later = timezone.now() + datetime.timedelta(seconds=pause)
        deliver_email.using(run_after=later).enqueue(data, attempt=attempt + 1)


class QueuedEmailBackend(BaseEmailBackend):
    """Puts each message in the queue instead of sending it."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(as_data(message))
        return len(email_messages)


def messages_to(user):
    """The queue's rows of the messages addressed to ``user``, pending, sent or failed."""
    rows = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
    return [row for row in rows if user.email in row.args_kwargs["args"][0]["to"]]


def export_messages(user):
    return [
        {
            "subject": row.args_kwargs["args"][0]["subject"],
            "queued_at": row.enqueued_at.isoformat(),
            "status": row.status,
        }
        for row in messages_to(user)
    ]


def erase_messages(user):
    """Mail for a learner who deletes their account is never sent, and nothing of it is kept."""
    DBTaskResult.objects.filter(pk__in=[row.pk for row in messages_to(user)]).delete()
