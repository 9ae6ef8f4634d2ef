from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    label = "modules"
    verbose_name = _("Courses and lessons")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .models import HomePage
        from .page_cache import content_models, start_new_generation
        from .teams import open_new_translated_tree
        from .translation import record_translation_gap

        post_save.connect(open_new_translated_tree, sender=HomePage)
        page_published.connect(record_translation_gap)
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(start_new_generation)
        for model in content_models():
            post_save.connect(start_new_generation, sender=model)
            post_delete.connect(start_new_generation, sender=model)
