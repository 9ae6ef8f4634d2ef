from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import TranslatableMixin

from modules.languages import source_language
from modules.models import ModulePage

from .availability import send_readers_to_the_course
from .dashboard import TranslationStatusPanel, sees_translation_status
from .teams import can_edit_source
from .views import (
    SUBMIT_TRANSLATION,
    DownloadCatalogueView,
    ModuleTranslationView,
    UploadCatalogueView,
)

hooks.register("before_serve_page", send_readers_to_the_course)


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
        and page.locale.language_code == source_language()
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


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if sees_translation_status(request.user):
        panels.append(TranslationStatusPanel())


def in_source_language(instance):
    return isinstance(instance, TranslatableMixin) and (
        instance.locale.language_code == source_language()
    )


@hooks.register("before_edit_snippet")
def keep_translators_off_source_snippets(request, instance):
    """Translators change snippets only in their languages, as with pages."""
    if in_source_language(instance) and not can_edit_source(request.user):
        raise PermissionDenied


@hooks.register("before_delete_snippet")
def keep_translators_from_deleting_source_snippets(request, instances):
    if any(in_source_language(each) for each in instances) and not can_edit_source(request.user):
        raise PermissionDenied


@hooks.register("before_create_snippet")
def keep_translators_from_creating_source_snippets(request, model):
    language = request.GET.get("locale", source_language())
    if (
        issubclass(model, TranslatableMixin)
        and language == source_language()
        and not can_edit_source(request.user)
    ):
        raise PermissionDenied
