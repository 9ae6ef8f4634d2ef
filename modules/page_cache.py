"""Whole pages kept in the cache for readers who have no session.

A reader without a session cookie sees exactly what every other such reader sees: no progress, no
name, no CSRF token. Their GET responses are kept whole and served again before sessions, routing
or templates run. Any change to content (a page published, unpublished, moved or deleted; a
snippet, image, document, setting, site or language saved) starts a new generation of keys, so no
reader is served a page older than the content it shows.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site

GENERATION_KEY = "anonymous-pages:generation"
TIMEOUT = 60 * 60
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def start_new_generation(**kwargs):
    """Forget every cached page (a signal receiver: wired in ModulesConfig.ready)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def content_changed(sender, instance, **kwargs):
    """post_save/post_delete receiver: a new generation when what readers see has changed."""
    from .models import GlossaryTerm, SupportOrganisation, TranslationGap

    content = (Page, Site, Locale, AbstractImage, AbstractDocument, BaseSiteSetting)
    content += (BaseGenericSetting, GlossaryTerm, SupportOrganisation, TranslationGap)
    if isinstance(instance, content):
        start_new_generation()


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def is_cacheable_response(request, response):
    """A page with a CSRF token belongs to one visitor, whether or not it sets the cookie."""
    return (
        response.status_code == 200
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
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
        key = f"anonymous-pages:{generation()}:{request.get_host()}:{request.path}"
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, response, TIMEOUT)
        return response
