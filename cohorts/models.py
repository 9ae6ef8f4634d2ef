"""A cohort is a class taking one course together, led by its facilitators.

Members point at users; progress stays in ``learners`` (completions, attempts, enrolments), so a
learner's record is the same in or out of a class. People not yet on the site are invited by
e-mail and become members when they sign up through the invitation's link.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learners.models import Role

from .codes import grouped, new_join_code


def new_token():
    return secrets.token_urlsafe(24)


class Cohort(models.Model):
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150)
    course_key = models.UUIDField(_("course translation key"), db_index=True)
    path = models.CharField(
        _("path"),
        max_length=20,
        blank=True,
        help_text=_("The path every member follows; empty for each member's own profession."),
    )
    language_code = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="facilitated_cohorts", verbose_name=_("facilitators")
    )
    join_code = models.CharField(_("join code"), max_length=8, unique=True, default=new_join_code)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]
        permissions = [("view_all_cohorts", "Can see and act on every cohort")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def grouped_join_code(self):
        return grouped(self.join_code)

    @property
    def is_over(self):
        return self.ends_on < timezone.localdate()


class Membership(models.Model):
    class Joined(models.TextChoices):
        LIST = "list", _("From the class list")
        CODE = "code", _("With the join code")
        INVITATION = "invitation", _("From an invitation")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    joined = models.CharField(_("joined"), max_length=12, choices=Joined.choices)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    shares_email = models.BooleanField(
        _("shares e-mail with the facilitators"),
        default=False,
        help_text=_("Members added from a list share the address the facilitator already had."),
    )
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort")
        ]

    def __str__(self):
        return f"{self.user} · {self.cohort}"


class Invitation(models.Model):
    """Someone on the class list who has no account yet."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("profession"), max_length=20, choices=Role.choices)
    language_code = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "email"], name="one_invitation_per_person")
        ]

    def __str__(self):
        return f"{self.email} · {self.cohort}"
