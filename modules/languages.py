"""Where the language switcher sends a reader: the same page in another language, or, when that
page is not translated yet, its nearest translated ancestor."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Q, When
from django.urls import translate_url
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

UNTRANSLATED_PARAMETER = "untranslated"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translated: bool


def page_language_links(page, current_language, request=None):
    """One link per configured language for ``page``, in a single query.

    A language without a live translation of ``page`` links to the deepest live ancestor that has
    one, flagged so that the target shows a notice.
    """
    candidates = (
        Page.objects.live()
        .filter(
            Q(translation_key=page.translation_key)
            | Q(
                translation_key__in=page.get_ancestors()
                .filter(depth__gt=1)
                .values("translation_key")
            )
        )
        .select_related("locale")
        .only("id", "depth", "url_path", "translation_key", "locale__language_code")
        .order_by("-depth")
    )
    best_by_language = {}
    for candidate in candidates:
        best_by_language.setdefault(candidate.locale.language_code, candidate)

    links = []
    for code, name in settings.LANGUAGES:
        target = best_by_language.get(code)
        if target is None:
            continue
        is_translated = target.translation_key == page.translation_key
        url = target.get_url(request)
        if not is_translated:
            url = f"{url}?{UNTRANSLATED_PARAMETER}=1"
        links.append(LanguageLink(code, name, url, code == current_language, is_translated))
    return links


def path_language_links(path, current_language):
    """Links for views that are not pages: the same URL with another language prefix, or that
    language's home page when the URL does not resolve (a 404, say)."""
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current_language:
            url = f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current_language, True))
    return links


def live_translation(page_class, translation_key, *languages):
    """The published translation of a page in the first of ``languages`` it exists in, else in
    any language, else None. One query."""
    preference = Case(
        *(When(locale__language_code=code, then=rank) for rank, code in enumerate(languages)),
        default=len(languages),
    )
    pages = page_class.objects.live().filter(translation_key=translation_key)
    return pages.select_related("locale").order_by(preference, "locale_id").first()


def source_language():
    """The language authors write in, as Wagtail's content languages spell it, without a query.
    Everything that asks "is this the source?" asks here."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def source_locale():
    return Locale.objects.get(language_code=source_language())


def target_locales():
    """Every locale but the source, by language code: the languages translators work in."""
    return Locale.objects.exclude(language_code=source_language()).order_by("language_code")


def source_pages(page_class):
    """The ``page_class`` pages in the source language, in tree order."""
    return page_class.objects.filter(locale__language_code=source_language()).order_by("path")


def source_page_choices(page_class):
    """``(translation key, title)`` of each source page of ``page_class``: what reports and admin
    filters offer, one choice whatever the languages it is read in."""
    return [(str(page.translation_key), page.title) for page in source_pages(page_class)]
