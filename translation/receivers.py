"""What the translation layer does when content below it changes."""

from django.db.models.signals import post_save
from wagtail.signals import page_published
from wagtail_localize.models import Translation

from modules.models import HomePage

from .models import TranslationGap
from .teams import open_translated_tree


def record_translation_gap(sender, instance, **kwargs):
    """page_published: remember whether a translated page went live with strings still
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


def open_new_translated_tree(sender, instance, created, raw=False, **kwargs):
    """post_save of a home page: one just created in another language opens to Translators."""
    if created and not raw:
        open_translated_tree(instance)


def connect():
    page_published.connect(record_translation_gap, dispatch_uid="record_translation_gap")
    post_save.connect(open_new_translated_tree, sender=HomePage, dispatch_uid="open_new_tree")
