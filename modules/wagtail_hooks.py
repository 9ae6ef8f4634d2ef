from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .models import ModulePage
from .views_admin import (
    SUBMIT_TRANSLATION,
    DownloadCatalogueView,
    ModuleTranslationView,
    UploadCatalogueView,
)


@hooks.register("register_admin_urls")
def register_module_translation_urls():
    return [
        path(
            "module-translations/<int:module_id>/",
            ModuleTranslationView.as_view(),
            name="module_translation",
        ),
        path(
            "module-translations/<int:module_id>/<str:language_code>/download/",
            DownloadCatalogueView.as_view(),
            name="module_translation_download",
        ),
        path(
            "module-translations/<int:module_id>/<str:language_code>/upload/",
            UploadCatalogueView.as_view(),
            name="module_translation_upload",
        ),
    ]


def translate_as_file_button(page, user, view_name=None, next_url=None):
    if (
        page.specific_class is ModulePage
        and page.locale.language_code == ModulePage.source_language()
        and user.has_perm(SUBMIT_TRANSLATION)
    ):
        yield ListingButton(
            _("Translate as a PO file"),
            reverse("module_translation", args=[page.pk]),
            priority=65,
            icon_name="download",
        )


hooks.register("register_page_header_buttons", translate_as_file_button)
hooks.register("register_page_listing_more_buttons", translate_as_file_button)
