"""Translating pages through wagtail-localize, the same machinery authors use in the admin.

Demo content and tests both go through here, so their translated pages carry real translation
sources: a later change to the English page shows up as an out-of-date translation.
"""

from collections.abc import Mapping

from wagtail_localize.models import StringSegment, Translation, TranslationSource

from .models import TranslationGap


class MissingTranslations(Exception):
    """Some of a page's strings had no translation; nothing was published."""

    def __init__(self, page, locale, missing):
        self.missing = missing
        super().__init__(
            f"{len(missing)} untranslated string(s) for {page.title!r} in {locale.language_code}: "
            + "; ".join(repr(text[:60]) for text in missing[:3])
        )


def translate_page(page, locale, strings: Mapping[str, str], user=None):
    """Publish ``page`` in ``locale``, taking each segment's text from ``strings``.

    ``strings`` maps source text to translated text, as a PO catalogue does. Every segment must be
    covered: a half-translated page would show English inside a Spanish course.
    """
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = [entry.msgid for entry in po if not entry.obsolete and entry.msgid not in strings]
    if missing:
        raise MissingTranslations(page, locale, missing)
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po, user=user)
    # wagtail-localize publishes on commit, from a copy of the page taken before any child was
    # added; publishing the draft here keeps the tree intact when a whole tree is translated in
    # one transaction.
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale)
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
