from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    label = "credentials"
    verbose_name = _("Open Badges credentials")

    def ready(self):
        from certificates.links import register_links

        from . import downloads, receivers

        receivers.connect()
        register_links(downloads.certificate_links)
