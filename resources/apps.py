from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    label = "resources"
    verbose_name = _("Glossary and support directory")
