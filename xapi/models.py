"""The outbox: every statement is kept here from the moment its event is recorded until the
learning record store has taken it, so an LRS that is down delays statements, never loses them."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        REFUSED = "refused", _("refused by the record store")

    # The statement's own id, sent with it: a statement posted twice is stored once.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="xapi_statements",
        verbose_name=_("learner"),
    )
    data = models.JSONField(_("statement"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("tries"), default=0)
    next_try = models.DateTimeField(_("next try"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    # The admin shows the outbox; Wagtail's reference index need not follow every row written.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [models.Index(fields=["status", "next_try"])]

    def __str__(self):
        return f"{self.data['verb']['display']['en']} {self.data['object']['id']}"
