from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    label = "modules"
    verbose_name = _("Courses and lessons")

    def ready(self):
        from .caching import connect_invalidation

        connect_invalidation()
