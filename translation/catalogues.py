"""A module translated as one PO file: its page, lessons and quiz, downloaded and uploaded back."""

from dataclasses import dataclass, field

import polib
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from .localize import publish_translation

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
