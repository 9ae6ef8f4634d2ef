"""Translating pages through wagtail-localize, the same machinery authors use in the admin.

Demo content and tests both go through here, so their translated pages carry real translation
sources: a later change to the English page shows up as an out-of-date translation.
"""

from collections.abc import Mapping

from wagtail_localize.models import StringSegment, Translation, TranslationSource


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
