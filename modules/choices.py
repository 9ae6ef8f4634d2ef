from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """The professions a course or a lesson note is written for."""

    TEACHERS = "teachers", _("Teachers and school staff")
    POLICE = "police", _("Police")
    JUDGES = "judges", _("Judges and prosecutors")
    FRONT_LINE = "front_line", _("Front-line and social workers")
