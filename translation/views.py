"""Translating a whole module as one PO file: download its strings, upload them translated."""

import tempfile

import polib
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from modules.languages import source_language, target_locales
from modules.models import ModulePage

from .availability import unavailable_paths
from .catalogues import WrongCatalogue, import_module_catalogue, module_catalogue
from .models import TranslationGap

MAX_CATALOGUE_BYTES = 2 * 1024 * 1024
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


class CatalogueForm(forms.Form):
    catalogue = forms.FileField(
        label=_("Translated PO file"),
        help_text=_("The file you downloaded for this module and language, translated."),
    )

    def clean_catalogue(self):
        upload = self.cleaned_data["catalogue"]
        if upload.size > MAX_CATALOGUE_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; is it the right one?"))
        # polib reads a path when given one, so the upload goes through a file of our own.
        with tempfile.NamedTemporaryFile(suffix=".po") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
            copy.flush()
            try:
                return polib.pofile(copy.name, wrapwidth=0)
            except (OSError, UnicodeDecodeError, ValueError) as error:
                raise forms.ValidationError(
                    _("This is not a readable PO file (%(error)s)."), params={"error": error}
                ) from error


def translation_target(module, locale):
    """The deepest page of the module's line that exists in ``locale`` (the module itself once
    translated), or the root: where a translator's permissions are checked."""
    keys = [page.translation_key for page in module.get_ancestors(inclusive=True) if page.depth > 1]
    target = Page.objects.filter(translation_key__in=keys, locale=locale).order_by("-depth")
    return target.first() or Page.get_first_root_node()


def can_translate(user, module, locale):
    return user.has_perm(SUBMIT_TRANSLATION) and (
        translation_target(module, locale).permissions_for_user(user).can_publish_subpage()
    )


class ModuleTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """A module's state in each language, with its PO file to download and an upload form."""

    template_name = "translation/module_translation.html"
    page_title = _("Translate as a PO file")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, module_id, language_code=None):
        if not request.user.has_perm(SUBMIT_TRANSLATION):
            raise PermissionDenied
        self.module = get_object_or_404(
            ModulePage, pk=module_id, locale__language_code=source_language()
        )
        self.locale = None
        if language_code is not None:
            self.locale = get_object_or_404(target_locales(), language_code=language_code)
            if not can_translate(request.user, self.module, self.locale):
                raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.module.title

    def get_context_data(self, form=None, **kwargs):
        rows = []
        for locale in target_locales():
            translated = self.module.get_translation_or_none(locale)
            rows.append(
                {
                    "locale": locale,
                    "page": translated,
                    "gap": translated is not None
                    and TranslationGap.objects.filter(page=translated).exists(),
                    "hidden": translated is not None
                    and translated.live
                    and translated.path in unavailable_paths([translated]),
                    "can_translate": can_translate(self.request.user, self.module, locale),
                    "form": form if form and locale == self.locale else CatalogueForm(),
                }
            )
        return super().get_context_data(module=self.module, rows=rows, **kwargs)


class DownloadCatalogueView(ModuleTranslationView):
    def get(self, request):
        catalogue = module_catalogue(self.module, self.locale)
        response = HttpResponse(str(catalogue), content_type="text/x-gettext-translation")
        filename = f"{self.module.slug}-{self.locale.language_code}.po"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class UploadCatalogueView(ModuleTranslationView):
    http_method_names = ["post"]

    def post(self, request):
        form = CatalogueForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            result = import_module_catalogue(
                self.module, self.locale, form.cleaned_data["catalogue"], user=request.user
            )
        except WrongCatalogue:
            form.add_error(
                "catalogue",
                gettext("This file belongs to another module or language: download this one's."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=400)
        self.report(result)
        return redirect(reverse("module_translation", args=[self.module.pk]))

    def report(self, result):
        language = self.locale.get_display_name()
        if result.published:
            messages.success(
                self.request,
                ngettext(
                    "%(count)d page published in %(language)s.",
                    "%(count)d pages published in %(language)s.",
                    len(result.published),
                )
                % {"count": len(result.published), "language": language},
            )
        for page, missing in result.incomplete.items():
            messages.warning(
                self.request,
                ngettext(
                    "“%(title)s” still has %(count)d untranslated string; it was not published.",
                    "“%(title)s” still has %(count)d untranslated strings; it was not published.",
                    missing,
                )
                % {"title": page.title, "count": missing},
            )
        if result.ignored:
            messages.warning(
                self.request,
                ngettext(
                    "%(count)d entry did not match this module's current text and was ignored.",
                    "%(count)d entries did not match this module's current text and were ignored.",
                    result.ignored,
                )
                % {"count": result.ignored},
            )
