"""Each site's organisation and signatory move from its certificate settings into a certificate
wording in the default language, which the settings then choose: certificates print what they
printed before, and it can now be translated."""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils.translation import get_supported_language_variant


def default_locale(Locale):
    try:
        code = get_supported_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        code = settings.LANGUAGE_CODE
    return Locale.objects.filter(language_code=code).first() or Locale.objects.first()


def settings_to_wording(apps, schema_editor):
    CertificateSettings = apps.get_model("certificates", "CertificateSettings")
    CertificateWording = apps.get_model("certificates", "CertificateWording")
    rows = CertificateSettings.objects.filter(wording__isnull=True)
    if not rows.exists():
        return
    locale = default_locale(apps.get_model("wagtailcore", "Locale"))
    for row in rows:
        row.wording = CertificateWording.objects.create(
            translation_key=uuid.uuid4(),
            locale=locale,
            organisation=row.organisation,
            signatory_name=row.signatory_name,
            signatory_title=row.signatory_title,
        )
        row.save(update_fields=["wording"])


def wording_to_settings(apps, schema_editor):
    CertificateSettings = apps.get_model("certificates", "CertificateSettings")
    for row in CertificateSettings.objects.filter(wording__isnull=False).select_related("wording"):
        row.organisation = row.wording.organisation
        row.signatory_name = row.wording.signatory_name
        row.signatory_title = row.wording.signatory_title
        row.save(update_fields=["organisation", "signatory_name", "signatory_title"])


class Migration(migrations.Migration):

    dependencies = [
        ("certificates", "0004_certificate_wording"),
    ]

    operations = [migrations.RunPython(settings_to_wording, wording_to_settings)]
