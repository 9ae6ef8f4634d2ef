"""How every page type of the site lays out its editor, shared from the bottom layer up."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def tabs(content, details=None):
    """The editor's tabs: content first, then the page's own details, then Wagtail's."""
    panels = [ObjectList(content, heading=_("Content"))]
    if details:
        panels.append(ObjectList(details, heading=_("Details")))
    panels += [
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ]
    return TabbedInterface(panels)


def title_panel(help_text):
    return FieldPanel("title", help_text=help_text)
