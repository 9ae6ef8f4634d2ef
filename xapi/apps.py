from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "xapi"
    label = "xapi"
    verbose_name = _("Learning records (xAPI)")

    def ready(self):
        from . import privacy, receivers

        receivers.connect()
        privacy.register()
