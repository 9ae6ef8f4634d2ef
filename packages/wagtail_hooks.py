from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from modules.models import ModulePage

from .views import ScormExportView


@hooks.register("register_admin_urls")
def register_scorm_export_url():
    return [path("modules/<int:module_id>/scorm/", ScormExportView.as_view(), name="scorm_export")]


def scorm_export_button(page, user, view_name=None, next_url=None):
    """On a module's header and listing menus, for staff who may edit it."""
    if page.specific_class is ModulePage and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Export as a SCORM package"),
            reverse("scorm_export", args=[page.pk]),
            priority=67,
            icon_name="download",
        )


hooks.register("register_page_header_buttons", scorm_export_button)
hooks.register("register_page_listing_more_buttons", scorm_export_button)
