"""Pages, routes and page fragments kept in the cache.

Whole pages are kept for readers who have no session.

A reader without a session cookie sees exactly what every other such reader sees: no progress, no
name, no CSRF token. Their GET responses are kept whole and served again before sessions, routing
or templates run. Any change to content (a page published, unpublished, moved or deleted; a
snippet, image, document, setting, site or language saved) starts a new generation of keys, so no
reader is served a page older than the content it shows. Learners' pages are built fresh around
fragments (lesson body, breadcrumbs, language links) cached under the same generation, and
Wagtail's walk from a path to its page is remembered the same way.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.db import transaction
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

GENERATION_KEY = "content-generation"
TIMEOUT = 60 * 60
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


def generation(request=None):
    """The current generation, read once per request when given the request."""
    if request is not None and hasattr(request, "_content_generation"):
        return request._content_generation
    # Starting from the clock, not from 1: after the shared cache is emptied, keys kept in a
    # process's own memory under an old generation can never be mistaken for current ones.
    value = cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
    if request is not None:
        request._content_generation = value
    return value


def start_new_generation(**kwargs):
    """Forget every cached page (a signal receiver: wired in ModulesConfig.ready). Once now and
    once more when the change is committed: a request that read the new generation before the
    commit may have cached the old content under it."""
    move_generation_on()
    transaction.on_commit(move_generation_on)


def move_generation_on():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def content_models():
    """Every model whose rows readers see in pages (connected one by one: a receiver for every
    model would cost Django its fast bulk deletes everywhere)."""
    from .models import GlossaryTerm, SupportOrganisation, TranslationGap

    content = (Page, Site, Locale, AbstractImage, AbstractDocument, BaseSiteSetting)
    content += (BaseGenericSetting, PageViewRestriction)
    content += (GlossaryTerm, SupportOrganisation, TranslationGap)
    return [model for model in apps.get_models() if issubclass(model, content)]


def cache_key(kind, request, *parts):
    """A key of the current generation for this host and ``parts`` (hashed: paths may hold any
    character and be long)."""
    digest = hashlib.sha256("\n".join([request.get_host(), *parts]).encode()).hexdigest()
    return f"{kind}:{generation(request)}:{digest}"


def is_page_view(request):
    """Only Wagtail pages keep fragments; other views' keys would grow with every query string."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


def fragment_cache(request):
    """Context processor: what templates key their {% cache %} fragments on. A preview shows
    unsaved content, and views other than pages vary with their query strings: their keys are
    their own and nothing they render is kept (a timeout of 0)."""
    if getattr(request, "is_preview", False) or not is_page_view(request):
        return {"content_generation": "uncached", "fragment_timeout": 0}
    return {
        "content_generation": SimpleLazyObject(lambda: generation(request)),
        "fragment_timeout": TIMEOUT,
    }


def serve_page(request, path):
    """Wagtail's page view, with the way from a path to its page remembered per generation:
    Wagtail walks the tree one query per level and looks up view restrictions on every request;
    a remembered route takes one query, and none for restrictions when the page has none."""
    key = cache_key("page-routes", request, get_language(), path)
    remembered = caches["fragments"].get(key)
    if remembered is not None:
        model, pk, args, kwargs, restricted = remembered
        page = apps.get_model(model).objects.live().filter(pk=pk).first()
        if page is not None:
            if not restricted:
                page.get_view_restrictions = PageViewRestriction.objects.none
            request._wagtail_route_for_request = RouteResult(page, args, kwargs)
    elif route := Page.route_for_request(request, path):
        page, args, kwargs = route
        restrictions = list(page.get_view_restrictions())
        page.get_view_restrictions = lambda: restrictions  # Wagtail's check reads them next
        entry = (page._meta.label, page.pk, args, kwargs, bool(restrictions))
        caches["fragments"].set(key, entry, TIMEOUT)
    return wagtail_views.serve(request, path)


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def is_cacheable_response(response):
    """Nothing that sets a cookie is kept: a page whose form carries a CSRF token always (re)sends
    the token's cookie, and messages travel in one."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key("anonymous-pages", request, request.path)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, response, TIMEOUT)
        return response
