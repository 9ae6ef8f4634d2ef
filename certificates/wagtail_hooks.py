from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Certificate, CertificateWording
from .views_admin import CertificateViewSet, IssuedOnlyPolicy

register_permission_policy(Certificate, IssuedOnlyPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates")


class CertificateWordingViewSet(SnippetViewSet):
    """Under Settings, beside the certificate settings that choose one; translated from the
    snippet's Translate action like any wagtail-localize snippet."""

    model = CertificateWording
    icon = "doc-full"
    menu_label = _("Certificate wording")
    add_to_settings_menu = True
    list_display = ["organisation", "signatory_name", "signatory_title"]


register_snippet(CertificateWordingViewSet)
