"""A deployment is refused a certificate address that would lead nowhere."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def public_address_is_set(app_configs, **kwargs):
    address = settings.PUBLIC_BASE_URL
    if address.startswith("https://") and len(address) > len("https://"):
        return []
    return [
        Error(
            "PUBLIC_BASE_URL must be the site's public https address, e.g. "
            "https://courses.example.org: every certificate prints it as its verification "
            "address and QR code.",
            id="certificates.E001",
        )
    ]
