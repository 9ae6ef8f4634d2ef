from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lti"
    label = "lti"
    verbose_name = _("LTI")

    def ready(self):
        from . import checks, privacy, receivers  # noqa: F401 (checks registers itself)

        receivers.connect()
        privacy.register()
