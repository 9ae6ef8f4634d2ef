"""The reports read other apps' tables; this app only owns the permission to see them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """No table: a home for the permission that opens the course reports and their exports,
    which hold learners' personal data."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_report", _("Can see and export the course reports"))]

    def __str__(self):
        return str(self._meta.verbose_name)
