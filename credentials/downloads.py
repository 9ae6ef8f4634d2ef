"""The certificate page's links to the credential, in the language the page is read in, and
to LinkedIn's "Add to profile" with the certificate's fields."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from certificates.issuing import absolute_url
from certificates.links import Link
from certificates.rendering import details_for

from . import keys
from .linkedin import add_to_profile_url


def certificate_links(certificate, request):
    if not keys.has_key():
        return []
    language = get_language()
    query = f"?language={language}"
    details = details_for(certificate, language, request=request)
    return [
        Link(
            _("Open Badge (JSON)"),
            reverse("credential_json", args=[certificate.code]) + query,
            download=True,
        ),
        Link(
            _("Open Badge (image)"),
            reverse("credential_png", args=[certificate.code]) + query,
            download=True,
        ),
        Link(
            _("Add to LinkedIn"),
            add_to_profile_url(
                details.course_title,
                details.wording.organisation,
                certificate.issued_at,
                absolute_url("verify_certificate", certificate.code, language, request),
                certificate.grouped_code,
            ),
        ),
    ]
