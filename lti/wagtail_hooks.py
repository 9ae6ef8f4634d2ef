from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Platform


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "link"
    menu_label = Platform._meta.verbose_name_plural
    add_to_admin_menu = True
    list_display = ["name", "issuer", "client_id"]


register_snippet(PlatformViewSet)
