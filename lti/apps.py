from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lti"
    label = "lti"
    verbose_name = _("LTI")

    def ready(self):
        from . import privacy, receivers

        receivers.connect()
        privacy.register()
