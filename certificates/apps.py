from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from . import checks, privacy, receivers  # noqa: F401  (checks registers itself)

        receivers.connect()
        privacy.register()
