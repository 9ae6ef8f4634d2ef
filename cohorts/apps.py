from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    label = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from . import panels, privacy, receivers

        panels.register()
        privacy.register()
        receivers.connect()
