"""The learner's offline pack of a module and the lessons read in it, and the SCORM export in
the Wagtail admin."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from modules.caching import TIMEOUT, cache_key
from modules.models import ModulePage
from quizzes.models import QuizPage

from .contents import translations_of
from .offline import offline_pack, pack_filename
from .reading import ReadingRefused, lessons_read, record_reading
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
    with translation.override(module.locale.language_code):
        return serve_as_page(module, request, serve_offline_pack)


def serve_as_page(module, request, view):
    """``view(module, request, args, kwargs)`` behind the hooks Wagtail runs to serve a page."""
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(module, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    serve = view
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    return serve(module, request, (), {})


def serve_offline_pack(module, request, args, kwargs):
    """The pack, kept in the cache for the content generation."""
    key = cache_key("offline-pack", request, str(module.pk))
    content = cache.get(key)
    if content is None:
        content = offline_pack(module, request)
        cache.set(key, content, TIMEOUT)
    return attachment(content, "text/html; charset=utf-8", pack_filename(module))


@require_http_methods(["GET", "POST"])
def record_offline_reading(request, module_id):
    """The lessons ticked as read in a module's offline pack: shown (GET, the pack's form),
    then recorded once the reader confirms (POST)."""
    module = get_object_or_404(ModulePage.objects.live().select_related("locale"), pk=module_id)
    with translation.override(module.locale.language_code):
        return serve_as_page(module, request, offline_reading)


def offline_reading(module, request, args, kwargs):
    data = request.POST if request.method == "POST" else request.GET
    try:
        lessons = lessons_read(module, data.getlist("lesson"))
    except ReadingRefused as refusal:
        context = {"page": module, "module": module, "refusal": refusal}
        return TemplateResponse(request, "packages/offline_reading.html", context, status=400)
    if request.method != "POST":
        context = {"page": module, "module": module, "lessons": lessons}
        return TemplateResponse(request, "packages/offline_reading.html", context)
    added = record_reading(request, lessons)
    messages.success(
        request,
        ngettext(
            "%(count)d lesson read offline is now marked as complete.",
            "%(count)d lessons read offline are now marked as complete.",
            added,
        )
        % {"count": added},
    )
    return redirect(module.get_url(request))


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
