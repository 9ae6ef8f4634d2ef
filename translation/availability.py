"""Whether a module reaches readers of a language: only once it is wholly translated there."""

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail.models import Page

from modules.languages import UNTRANSLATED_PARAMETER, source_language
from modules.models import ModulePage

from .models import TranslationGap


def unavailable_paths(modules):
    """The paths of those of ``modules`` that learners in their language cannot see yet: a
    page of theirs went live with untranslated strings, or a lesson or quiz of the source
    module has no live translation in it. Source modules are always available. Three queries,
    however many modules, once their locales are loaded."""
    source = source_language()
    translated = [module for module in modules if module.locale.language_code != source]
    if not translated:
        return set()
    inside = Q()
    for module in translated:
        inside |= Q(path__startswith=module.path)
    pages = list(
        Page.objects.live()
        .filter(inside)
        .annotate(gap=Exists(TranslationGap.objects.filter(page=OuterRef("pk"))))
        .values_list("path", "translation_key", "gap")
    )
    keys = [module.translation_key for module in translated]
    source_paths = dict(
        Page.objects.live()
        .filter(locale__language_code=source, translation_key__in=keys)
        .values_list("translation_key", "path")
    )
    source_children = Q(pk__in=[])
    for path in source_paths.values():
        source_children |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    needed = {}
    for path, key in (
        Page.objects.live().filter(source_children).values_list("path", "translation_key")
    ):
        needed.setdefault(path[: -Page.steplen], set()).add(key)

    unavailable = set()
    for module in translated:
        own = [(path, key, gap) for path, key, gap in pages if path.startswith(module.path)]
        children = {key for path, key, _ in own if len(path) > len(module.path)}
        missing = needed.get(source_paths.get(module.translation_key), set()) - children
        if missing or any(gap for _, _, gap in own):
            unavailable.add(module.path)
    return unavailable


def is_available(module):
    return module.path not in unavailable_paths([module])


def module_of(page):
    """The module of a module page, or of a page that lives only under modules (a lesson, a
    quiz); None for any other page."""
    if isinstance(page, ModulePage):
        return page
    if page.specific_class.allowed_parent_page_models() == [ModulePage]:
        return page.get_parent()
    return None


def send_readers_to_the_course(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: a module, or a lesson or quiz in it, that is not wholly
    translated in its language sends the reader to the course with a notice."""
    if get_language() == source_language():
        return None
    module = module_of(page)
    if module is None or is_available(module):
        return None
    course = module.get_parent()
    return redirect(f"{course.url}?{UNTRANSLATED_PARAMETER}=1")
