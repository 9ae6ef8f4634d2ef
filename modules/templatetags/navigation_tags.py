from django import template
from django.utils.translation import get_language

from modules.languages import page_language_links, path_language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher's links for whatever the template is showing, page or plain view. A view
    whose URL only answers POST names the page to switch to in ``language_switch_path``."""
    request = context.get("request")
    page = context.get("page")
    if page is not None and page.pk:
        # The head's hreflang links and the header's switcher both ask: answer once a request.
        remembered = getattr(request, "_language_links", {})
        key = (page.pk, get_language())
        if key not in remembered:
            remembered[key] = page_language_links(page, get_language(), request)
            if request is not None:
                request._language_links = remembered
        return remembered[key]
    if request is not None:
        path = context.get("language_switch_path") or request.get_full_path()
        return path_language_links(path, get_language())
    return []


@register.simple_tag
def breadcrumbs(page):
    """The page's ancestors below the tree root (home › course › module), in one query."""
    if not page.pk:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path"))
