"""Pages and their links as a running site keeps them: found once per content generation, in
this process's memory (``remembered_content``), instead of on every request, where Wagtail's
``{% pageurl %}`` looks up the request's site and the tree is asked for a page's neighbours."""

from wagtail.models import Page

from .caching import remembered_content


def with_links(pages):
    """``pages`` in tree order, each with ``href``, its URL as ``{% pageurl %}`` writes it on a
    one-site installation (with several sites, the full URL), and ``key``, its translation key
    as a string, as learners' records hold it."""
    pages = sorted(pages, key=lambda page: page.path)
    for page in pages:
        page.href = page.get_url()
        page.key = str(page.translation_key)
    return pages


def live_children(parent_path):
    """The live children of the page at tree ``parent_path``, in order, with their links (as
    Wagtail's base pages: titles and places in the tree). Read-only, shared by every request."""
    depth = len(parent_path) // Page.steplen + 1
    children = Page.objects.live().filter(path__startswith=parent_path, depth=depth)
    return remembered_content("live-children", [parent_path], lambda: with_links(children))


def page_at(path):
    """The live page at tree ``path`` with its link, or None."""
    siblings = live_children(path[: -Page.steplen])
    return next((page for page in siblings if page.path == path), None)


def page_after(path):
    """The live page that follows the one at tree ``path`` among its siblings, or None."""
    siblings = live_children(path[: -Page.steplen])
    return next((page for page in siblings if page.path > path), None)
