from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    label = "modules"
    verbose_name = _("Courses and lessons")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .models import HomePage
        from .teams import open_new_translated_tree
        from .translation import record_translation_gap

        post_save.connect(open_new_translated_tree, sender=HomePage)
        page_published.connect(record_translation_gap)
