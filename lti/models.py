"""The platforms (Moodle, Canvas…) that launch the course, the accounts they launch as, and where
each learner's scores go back to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Platform(models.Model):
    """One registration of the tool in one platform: what the platform told us, and what it
    needs to hear back."""

    name = models.CharField(_("name"), max_length=150)
    issuer = models.CharField(
        _("issuer"), max_length=255, help_text=_("The platform's address, as its messages name it.")
    )
    client_id = models.CharField(_("client ID"), max_length=255)
    deployment_ids = models.TextField(
        _("deployment IDs"),
        blank=True,
        help_text=_(
            "One a line: the deployments of the tool to accept. Launches from any other "
            "deployment are refused."
        ),
    )
    auth_login_url = models.URLField(_("authentication request URL"), max_length=500)
    auth_token_url = models.URLField(_("access token URL"), max_length=500)
    key_set_url = models.URLField(_("public keyset URL"), max_length=500)
    audience = models.CharField(
        _("token audience"),
        max_length=255,
        blank=True,
        help_text=_("Only if the platform asks for one; the access token URL otherwise."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("issuer"),
        FieldPanel("client_id"),
        FieldPanel("deployment_ids"),
        FieldPanel("auth_login_url"),
        FieldPanel("auth_token_url"),
        FieldPanel("key_set_url"),
        FieldPanel("audience"),
    ]

    class Meta:
        verbose_name = _("LTI platform")
        verbose_name_plural = _("LTI platforms")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "client_id"], name="lti_platform_unique")
        ]

    def __str__(self):
        return self.name

    def deployments(self):
        return [line.strip() for line in self.deployment_ids.splitlines() if line.strip()]


class PlatformAccount(models.Model):
    """A platform's user (``sub``) is always the same learner here."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="accounts")
    sub = models.CharField(_("user ID on the platform"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_accounts"
    )
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("platform account")
        verbose_name_plural = _("platform accounts")
        constraints = [
            models.UniqueConstraint(fields=["platform", "sub"], name="lti_account_unique")
        ]

    def __str__(self):
        return f"{self.platform} · {self.sub}"


class GradeLink(models.Model):
    """A learner launched a quiz or a path from a platform's gradebook column (line item): their
    results there are sent to it."""

    class Kind(models.TextChoices):
        QUIZ = "quiz", _("Quiz")
        PATH = "path", _("Path")

    account = models.ForeignKey(PlatformAccount, on_delete=models.CASCADE, related_name="grades")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    page_key = models.UUIDField(_("quiz or course translation key"), db_index=True)
    path = models.CharField(_("path"), max_length=20, blank=True)
    lineitem_url = models.URLField(_("line item URL"), max_length=500)
    posted_at = models.DateTimeField(_("last score sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("grade link")
        verbose_name_plural = _("grade links")
        constraints = [
            models.UniqueConstraint(
                fields=["account", "lineitem_url"], name="lti_grade_link_unique"
            )
        ]

    def __str__(self):
        return self.lineitem_url


class PlatformClass(models.Model):
    """A platform's course (its context) whose class list fills a cohort."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="classes")
    context_id = models.CharField(_("course ID on the platform"), max_length=255)
    cohort = models.OneToOneField(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="platform_class"
    )

    class Meta:
        verbose_name = _("platform class")
        verbose_name_plural = _("platform classes")
        constraints = [
            models.UniqueConstraint(fields=["platform", "context_id"], name="lti_class_unique")
        ]

    def __str__(self):
        return f"{self.platform} · {self.context_id}"
