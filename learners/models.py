"""What a learner is and what they have done. Progress points at a lesson's translation_key, never
at a page id, so it follows the learner into every language."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from modules.choices import Audience


class Role(models.TextChoices):
    """A learner's profession: the course audiences, or something else."""

    TEACHERS = Audience.TEACHERS.value, Audience.TEACHERS.label
    POLICE = Audience.POLICE.value, Audience.POLICE.label
    JUDGES = Audience.JUDGES.value, Audience.JUDGES.label
    FRONT_LINE = Audience.FRONT_LINE.value, Audience.FRONT_LINE.label
    OTHER = "other", _("Other")


class LearnerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        help_text=_("Exactly as it should appear on your certificates."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.full_name


class LessonCompletion(models.Model):
    """One learner finished one lesson, in whichever language they read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson_key = models.UUIDField(_("lesson translation key"), db_index=True)
    language_code = models.CharField(_("language read in"), max_length=8)
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_completion_per_lesson")
        ]

    def __str__(self):
        return f"{self.user} · {self.lesson_key} · {self.language_code}"


class Enrolment(models.Model):
    """A learner's journey through one course: when they first did something in it, in which
    language, and when they completed it.

    The activity rows (lesson completions, quiz attempts) stay the record; this row summarises
    them per course so the reports count learners without reading every completion.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course_key = models.UUIDField(_("course translation key"))
    language_code = models.CharField(_("language started in"), max_length=8)
    path = models.CharField(
        _("chosen path"),
        max_length=20,
        blank=True,
        help_text=_("The path the learner chose; empty to follow their profession."),
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]
        indexes = [
            models.Index(fields=["course_key", "started_at"]),
            models.Index(fields=["completed_at"]),
        ]

    def __str__(self):
        return f"{self.user} · {self.course_key}"


# Enrolments in a completed course: ``completed_at`` is set when the certificate is issued, which
# happens exactly when ``learners.progress.is_course_complete`` holds. Reports count these.
COMPLETED = models.Q(completed_at__isnull=False)
