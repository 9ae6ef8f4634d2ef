"""Translating pages through wagtail-localize, the same machinery authors use in the admin.

Demo content and tests both go through here, so their translated pages carry real translation
sources: a later change to the English page shows up as an out-of-date translation.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

import polib
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from .models import TranslationGap


class MissingTranslations(Exception):
    """Some of a page's or snippet's strings had no translation; nothing was published."""

    def __init__(self, page, locale, missing):
        self.missing = missing
        super().__init__(
            f"{len(missing)} untranslated string(s) for {str(page)!r} in {locale.language_code}: "
            + "; ".join(repr(text[:60]) for text in missing[:3])
        )


def fill_translation(instance, locale, strings: Mapping[str, str], user=None):
    """Give wagtail-localize the translation of every string of ``instance`` (a page or a
    snippet) into ``locale``, taken from ``strings`` (source text → translated text, as a PO
    catalogue maps them), and return the Translation. Every string must be covered: a
    half-translated page would show English inside a Spanish course."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = [entry.msgid for entry in po if not entry.obsolete and entry.msgid not in strings]
    if missing:
        raise MissingTranslations(instance, locale, missing)
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po, user=user)
    return translation


def translate_page(page, locale, strings: Mapping[str, str], user=None):
    """Publish ``page`` in ``locale`` with its strings translated by ``strings``."""
    return publish_translation(fill_translation(page, locale, strings, user), page, user)


def translate_snippet(snippet, locale, strings: Mapping[str, str], user=None):
    """Save ``snippet`` in ``locale`` with its strings translated by ``strings`` (snippets have
    no drafts: the translation is saved straight away)."""
    fill_translation(snippet, locale, strings, user).save_target(user=user, publish=True)
    return snippet.get_translation(locale)


def publish_translation(translation, page, user=None):
    """Write ``translation``'s strings into ``page``'s translated twin and publish it.

    wagtail-localize publishes on commit, from a copy of the page taken before any child was
    added; publishing the draft here keeps the tree intact when a whole tree is translated in one
    transaction.
    """
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(translation.target_locale)
    translated.get_latest_revision().publish(user=user)
    return translated


def source_strings(page):
    """Every translatable string of ``page``, in order, as wagtail-localize extracts them."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).order_by("order")
    return list(segments.values_list("string__data", flat=True))


def record_translation_gap(sender, instance, **kwargs):
    """page_published receiver: remember whether a translated page went live with strings still
    untranslated (wagtail-localize lets a translator publish those in English), so that learners
    in that language do not see its module until the translation is complete."""
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).first()
    total, translated = translation.get_progress() if translation else (0, 0)
    if total > translated:
        TranslationGap.objects.update_or_create(
            page_id=instance.pk, defaults={"missing_strings": total - translated}
        )
    else:
        TranslationGap.objects.filter(page_id=instance.pk).delete()


MODULE_HEADER = "X-CIP-Module"
LANGUAGE_HEADER = "Language"


class WrongCatalogue(Exception):
    """The uploaded file is not this module's catalogue for this language."""


def module_pages(module):
    """The module and its live lessons and quiz, in course order: what a translator translates."""
    children = Page.objects.live().child_of(module).order_by("path").specific()
    return [module, *children]


def translations_for(pages, locale):
    """Each page's wagtail-localize translation into ``locale``, its source brought up to date
    with the live English page first."""
    translations = []
    for page in pages:
        source, _ = TranslationSource.update_or_create_from_instance(page)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translations.append(translation)
    return translations


def module_catalogue(module, locale):
    """One PO file with the strings of the module, its lessons and quiz, and the translations
    already made. Each entry's context starts with its page's translation key, so the file can
    be split back into pages; its comment names the page for the translator."""
    pages = module_pages(module)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": module.title,
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        LANGUAGE_HEADER: locale.language_code,
        MODULE_HEADER: str(module.translation_key),
    }
    for page, translation in zip(pages, translations_for(pages, locale), strict=True):
        for entry in translation.export_po():
            if not entry.obsolete:
                catalogue.append(
                    polib.POEntry(
                        msgid=entry.msgid,
                        msgstr=entry.msgstr,
                        msgctxt=f"{page.translation_key}:{entry.msgctxt}",
                        comment=f"{page.get_verbose_name()}: {page.title}",
                    )
                )
    return catalogue


@dataclass
class CatalogueImport:
    published: list = field(default_factory=list)
    incomplete: dict = field(default_factory=dict)
    ignored: int = 0


@transaction.atomic
def import_module_catalogue(module, locale, catalogue, user=None):
    """Take the translations from a module's PO file and publish every page whose strings are
    all translated; pages with strings still missing keep what was translated, unpublished.

    Raises WrongCatalogue, saving nothing, if the file belongs to another module or language.
    """
    if catalogue.metadata.get(MODULE_HEADER) != str(module.translation_key):
        raise WrongCatalogue("module")
    if catalogue.metadata.get(LANGUAGE_HEADER) != locale.language_code:
        raise WrongCatalogue("language")
    pages = module_pages(module)
    entries_by_page = {str(page.translation_key): [] for page in pages}
    result = CatalogueImport()
    for entry in catalogue:
        key, _, context = entry.msgctxt.partition(":") if entry.msgctxt else ("", "", "")
        if key not in entries_by_page or entry.obsolete:
            result.ignored += 1
            continue
        entries_by_page[key].append(
            polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=context)
        )

    for page, translation in zip(pages, translations_for(pages, locale), strict=True):
        part = polib.POFile()
        part.extend(entries_by_page[str(page.translation_key)])
        result.ignored += len(translation.import_po(part, user=user, tool_name="PO file"))
        total, translated = translation.get_progress()
        if translated < total:
            result.incomplete[page] = total - translated
        else:
            result.published.append(publish_translation(translation, page, user))
    return result
