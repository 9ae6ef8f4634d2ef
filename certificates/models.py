"""Certificates are records: the row is the truth, the PDF and the web page are drawn from it.

A certificate points at the course's translation_key, so it holds whatever language the learner
took the course in, and keeps the learner's name as it stood at issue.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from modules import durations
from modules.paths import WHOLE_COURSE, path_label

from .codes import grouped, new_code


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        help_text=_("Empty once the holder has deleted their account."),
    )
    course_key = models.UUIDField(_("course translation key"), db_index=True)
    path = models.CharField(
        _("path"),
        max_length=20,
        default=WHOLE_COURSE,
        help_text=_("The profession's path the certificate is for, or the whole course."),
    )
    minutes = models.PositiveIntegerField(
        _("minutes of study"),
        null=True,
        blank=True,
        help_text=_(
            "The path's duration computed from its content at issue. Empty on certificates "
            "issued before durations were computed: they print the course's stated hours."
        ),
    )
    full_name = models.CharField(_("name on the certificate"), max_length=150)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    language_code = models.CharField(_("language"), max_length=8)
    code = models.CharField(_("code"), max_length=28, unique=True, default=new_code)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=255, blank=True)
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
        help_text=_("The certificate re-issued in its place after a name correction."),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            # Re-issuing after a name correction revokes the old certificate first, so a learner
            # can hold several rows for a course and path but never two valid ones.
            models.UniqueConstraint(
                fields=["user", "course_key", "path"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_course_and_path",
            )
        ]

    def __str__(self):
        return f"{self.full_name} · {self.grouped_code}"

    @property
    def grouped_code(self):
        return grouped(self.code)

    @property
    def path_label(self):
        return path_label(self.path)

    def printed_title(self, course):
        """The course as the certificate names it, in the active language: its certificate
        title, and for a profession's path "… — Path for police officers"."""
        title = course.certificate_title if course else ""
        if self.path == WHOLE_COURSE or not title:
            return title
        return f"{title} — {self.path_label}"

    def hours(self, course):
        """The hours the certificate states, to the half hour: the path's minutes at issue, or,
        on a certificate from before minutes were kept, the whole course's duration now."""
        if self.minutes is not None:
            return durations.hours(self.minutes)
        return durations.hours(course.duration_minutes()) if course else None

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class CertificateWording(TranslatableMixin, models.Model):
    """What a certificate says about who awards it, in one language: a snippet translated with
    wagtail-localize like the glossary (Wagtail's settings cannot be translated), chosen in the
    certificate settings. A certificate reads it in its own language, or in the default one
    while no translation exists."""

    organisation = models.CharField(
        _("issuing organisation"),
        max_length=150,
        help_text=_("The organisation that awards the certificates."),
    )
    signatory_name = models.CharField(
        _("signatory's name"),
        max_length=150,
        blank=True,
        help_text=_("Who signs: a person's name stays as it is, a team's is translated."),
    )
    signatory_title = models.CharField(
        _("signatory's title"),
        max_length=150,
        blank=True,
        help_text=_("Their role, e.g. “Director of training”."),
    )

    override_translatable_fields = [
        TranslatableField("organisation"),
        TranslatableField("signatory_name"),
        TranslatableField("signatory_title"),
    ]
    panels = [
        FieldPanel("organisation"),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate wording")
        verbose_name_plural = _("certificate wording")

    def __str__(self):
        return self.organisation


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """The images every certificate prints, and which wording it prints in each language."""

    wording = models.ForeignKey(
        CertificateWording,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("wording"),
        help_text=_(
            "The organisation and signatory, translated under Settings → Certificate wording. "
            "Empty: the certificate names the site's home page in its language."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Optional; printed at the top. A PNG or JPEG, ideally wider than tall."),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature"),
        help_text=_("Optional scan of the signature, a PNG with a transparent background."),
    )

    panels = [
        FieldPanel("wording"),
        FieldPanel("logo"),
        FieldPanel("signature"),
    ]

    class Meta:
        verbose_name = _("certificate settings")
