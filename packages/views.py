"""The learner's offline pack of a module, and the SCORM export in the Wagtail admin."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from modules.caching import TIMEOUT, cache_key
from modules.models import ModulePage
from quizzes.models import QuizPage

from .contents import translations_of
from .offline import offline_pack, pack_filename
from .scorm import scorm_package


def attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def download_offline_pack(request, module_id):
    """The module as one HTML file, for whoever may read the module page: Wagtail's own
    checks before serving a page (view restrictions, a language not wholly translated yet)
    run as they would for the page, in the module's language."""
    module = get_object_or_404(ModulePage.objects.live().select_related("locale"), pk=module_id)
    serve = serve_offline_pack
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    with translation.override(module.locale.language_code):
        for hook in hooks.get_hooks("before_serve_page"):
            result = hook(module, request, (), {})
            if isinstance(result, HttpResponse):
                return result
        return serve(module, request, (), {})


def serve_offline_pack(module, request, args, kwargs):
    """The pack, kept in the cache for the content generation."""
    key = cache_key("offline-pack", request, str(module.pk))
    content = cache.get(key)
    if content is None:
        content = offline_pack(module, request)
        cache.set(key, content, TIMEOUT)
    return attachment(content, "text/html; charset=utf-8", pack_filename(module))


class ScormExportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), help_text=_("The language of the lessons and the quiz.")
    )

    def __init__(self, languages, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages


class ScormExportView(WagtailAdminTemplateMixin, TemplateView):
    """Export a module as a SCORM 1.2 package, for staff who may edit the module."""

    template_name = "packages/scorm_export.html"
    page_title = _("SCORM 1.2 package")
    header_icon = "download"

    def dispatch(self, request, module_id, **kwargs):
        self.module = get_object_or_404(ModulePage, pk=module_id)
        if not self.module.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.translations = translations_of(self.module)
        return super().dispatch(request, **kwargs)

    def get_page_subtitle(self):
        return self.module.title

    def languages(self):
        return [(code, name) for code, name in settings.LANGUAGES if code in self.translations]

    def get(self, request):
        if "language" not in request.GET:
            form = ScormExportForm(
                self.languages(), initial={"language": self.module.locale.language_code}
            )
            return self.render_to_response(self.get_context_data(form=form))
        form = ScormExportForm(self.languages(), request.GET)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        package = scorm_package(self.translations[form.cleaned_data["language"]], request)
        return attachment(package.content, "application/zip", package.filename)

    def get_context_data(self, **kwargs):
        return super().get_context_data(module=self.module, has_quiz=self.has_quiz(), **kwargs)

    def has_quiz(self):
        return QuizPage.objects.live().child_of(self.module).exists()
