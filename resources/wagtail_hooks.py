from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm, SupportOrganisation


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["term", "definition"]
    search_fields = ["term", "definition"]


class SupportOrganisationViewSet(SnippetViewSet):
    model = SupportOrganisation
    icon = "site"
    menu_label = _("Support directory")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "country", "website"]
    list_filter = ["country"]
    search_fields = ["name", "offers"]


register_snippet(GlossaryTermViewSet)
register_snippet(SupportOrganisationViewSet)
