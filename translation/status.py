"""Where each course and module stands in each language, from wagtail-localize's own records.

A page is *up to date* in a locale when a live translation exists, the English page has not
been published since wagtail-localize last took its text, and every string of that text is
translated; *out of date* when a live translation exists but one of those does not hold;
*missing* when no live translation exists. A course or module row sums up the page and every
page below it, so a stale lesson shows on its module.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from modules.languages import source_language
from modules.models import CoursePage, ModulePage

UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"
MISSING = "missing"
STATE_LABELS = {
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Missing"),
}


@dataclass
class LocaleStatus:
    """One row's state in one locale; ``counts`` holds how many of its pages are in each."""

    language_code: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATE_LABELS, 0))
    edit_url: str = ""
    translate_url: str = ""

    @property
    def state(self):
        for state in (MISSING, OUT_OF_DATE):
            if self.counts[state]:
                return state
        return UP_TO_DATE

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def pages(self):
        return sum(self.counts.values())

    @property
    def summary(self):
        """The cell's text in a spreadsheet."""
        if self.state == UP_TO_DATE:
            return str(self.label)
        details = ", ".join(
            f"{count} {STATE_LABELS[state].lower()}"
            for state, count in self.counts.items()
            if count and state != UP_TO_DATE
        )
        return f"{self.label} ({details} / {self.pages})"


@dataclass
class StatusRow:
    page: Page
    kind: str
    locales: dict

    @property
    def title(self):
        return self.page.title


def page_states(source_pages, locales):
    """``{(page id, language code): state}`` for every source page in every locale, in three
    queries whatever the number of pages."""
    if not source_pages:
        return {}
    pages = {page.translation_key: page for page in source_pages}
    published = {
        (key, code): last_published_at
        for key, code, last_published_at in Page.objects.live()
        .filter(translation_key__in=pages, locale__in=locales)
        .values_list("translation_key", "locale__language_code", "last_published_at")
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=pages, locale=source_pages[0].locale_id
        )
    }
    untranslated = strings_left(sources.values(), locales)
    states = {}
    for key, page in pages.items():
        # Without a wagtail-localize source (a page translated by hand as a copy), the
        # translation's own publication date is what the English page is compared with.
        source = sources.get(key)
        for locale in locales:
            code = locale.language_code
            if (key, code) not in published:
                state = MISSING
            elif changed_since(page, source.last_updated_at if source else published[key, code]):
                state = OUT_OF_DATE
            elif source is not None and untranslated.get((source.pk, code)):
                state = OUT_OF_DATE
            else:
                state = UP_TO_DATE
            states[page.pk, code] = state
    return states


def changed_since(page, moment):
    return bool(page.last_published_at and moment and page.last_published_at > moment)


def strings_left(sources, locales):
    """``{(source id, language code): strings not yet translated}``, in one query."""
    sources = list(sources)
    if not sources:
        return {}
    translated = {
        locale.language_code: Count(
            "id",
            filter=Q(
                Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale=locale,
                        has_error=False,
                    )
                )
            ),
        )
        for locale in locales
    }
    counts = (
        StringSegment.objects.filter(source__in=sources)
        .values("source_id")
        .annotate(
            total=Count("id"), **{f"done_{code}": count for code, count in translated.items()}
        )
        .order_by()
    )
    return {
        (row["source_id"], code): row["total"] - row[f"done_{code}"]
        for row in counts
        for code in translated
    }


def translation_status(course_pages, tree_pages, locales):
    """One row per course and module in ``course_pages``; ``tree_pages`` holds them and every
    page below them, all in the source locale."""
    states = page_states(tree_pages, locales)
    translated_ids = translated_page_ids(course_pages, locales)
    rows = []
    for row_page in course_pages:
        statuses = {}
        for locale in locales:
            status = LocaleStatus(locale.language_code)
            for page in tree_pages:
                if page.path.startswith(row_page.path):
                    status.counts[states[page.pk, locale.language_code]] += 1
            translated_id = translated_ids.get((row_page.translation_key, locale.language_code))
            if translated_id:
                status.edit_url = reverse("wagtailadmin_pages:edit", args=[translated_id])
            else:
                status.translate_url = reverse(
                    "wagtail_localize:submit_page_translation", args=[row_page.pk]
                )
            statuses[locale.language_code] = status
        kind = row_page.specific_class._meta.verbose_name if row_page.specific_class else ""
        rows.append(StatusRow(row_page, kind, statuses))
    return rows


def translated_page_ids(pages, locales):
    """``{(translation key, language code): page id}`` of existing translations, live or not."""
    return {
        (key, code): pk
        for pk, key, code in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages], locale__in=locales
        ).values_list("pk", "translation_key", "locale__language_code")
    }


def course_status(courses, locales, modules=True):
    """Rows for each English course of ``courses`` and, if ``modules``, each of its modules."""
    courses = list(courses.filter(locale__language_code=source_language()).order_by("path"))
    if not courses:
        return []
    under_courses = Q()
    for course in courses:
        under_courses |= Q(path__startswith=course.path)
    tree_pages = list(Page.objects.filter(under_courses).order_by("path"))
    row_types = (CoursePage, ModulePage) if modules else (CoursePage,)
    row_pages = [page for page in tree_pages if page.specific_class in row_types]
    return translation_status(row_pages, tree_pages, locales)
