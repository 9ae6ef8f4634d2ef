from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from learners.names import register_name_check

        from . import checks, fonts, privacy, receivers  # noqa: F401  (checks registers itself)

        receivers.connect()
        privacy.register()
        # A name the certificate fonts cannot draw is refused at the profile, never printed blank.
        register_name_check(fonts.check_name)
