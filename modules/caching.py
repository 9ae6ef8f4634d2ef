"""Everything the site keeps in a cache, and how it is forgotten. The cache is wired here only.

Every key carries the *content generation*, a number in the shared cache that any content change
moves on (a page published, unpublished, moved or deleted; a snippet, image, document, setting,
site, language or view restriction saved or deleted), so nothing cached outlives the content it
shows. Each process trusts the generation it last read for a second (``GenerationMemo``): a
change reaches every reader within that bound, and a cache hit needs no network round trip.
Three things are kept under it:

- whole pages for readers without a session, in the shared cache and in each process's own
  memory, served before sessions, routing or templates run (``AnonymousPageCacheMiddleware``);
- the way from a path to its page, in each process's own memory (``serve_page``);
- fragments of learners' pages (lesson body, pager, breadcrumbs, language links), in each
  process's own memory, through Django's ``{% cache %}`` keyed on ``content_generation``
  (``fragment_cache``).

When Redis cannot be reached the shared cache behaves as an empty one (``ForgivingRedisCache``):
pages are built uncached, sessions come from the database, and nothing fails.
"""

import hashlib
import logging
import re
import threading
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.urls import re_path
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError
from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
TIMEOUT = 60 * 60
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")
PAGE_VIEW_NAME = "serve_page"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding


class GenerationMemo:
    """The generation as this process last read it from the shared cache, trusted for
    ``bound`` seconds, so a cache hit costs no network round trip. A change made in this process
    is seen at once; one made in another process reaches this one's readers within ``bound``."""

    bound = 1.0

    def __init__(self):
        self.reading = (None, 0.0)  # one tuple, replaced whole: threads never see half of it

    def current(self):
        value, read_at = self.reading
        return value if time.monotonic() - read_at < self.bound else None

    def remember(self, value):
        self.reading = (value, time.monotonic())

    def forget(self):
        self.reading = (None, 0.0)


generation_memo = GenerationMemo()


def generation(request=None):
    """The current generation, read once per request when given the request."""
    if request is not None and hasattr(request, "content_generation"):
        return request.content_generation
    value = generation_memo.current()
    if value is None:
        # Starting from the clock, not from 1: after the shared cache is emptied, keys kept in a
        # process's own memory under an old generation can never be mistaken for current ones.
        value = cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
        generation_memo.remember(value)
    if request is not None:
        request.content_generation = value
    return value


def start_new_generation(**kwargs):
    """Forget every cached page. Once now and once more when the change is committed: a request
    that read the new generation before the commit may have cached the old content under it."""
    move_generation_on()
    transaction.on_commit(move_generation_on)


def move_generation_on():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    generation_memo.forget()


CONTENT_BASES = (Page, Site, Locale, AbstractImage, AbstractDocument, PageViewRestriction)
CONTENT_BASES += (BaseSiteSetting, BaseGenericSetting, TranslatableMixin)
# The layers below the learners hold nothing but content (glossary terms, translation gaps...).
CONTENT_APPS = ("resources", "modules", "translation")


def content_models():
    """Every model whose rows readers see in pages. Each is connected by name: a receiver for
    every model would cost Django its fast bulk deletes everywhere."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, CONTENT_BASES) or model._meta.app_label in CONTENT_APPS
    ]


def connect_invalidation():
    """Called once from ModulesConfig.ready(), when every app's models are loaded."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(start_new_generation, dispatch_uid="content-generation")
    for model in content_models():
        post_save.connect(start_new_generation, sender=model, dispatch_uid="content-generation")
        post_delete.connect(start_new_generation, sender=model, dispatch_uid="content-generation")


def cache_key(kind, request, *parts):
    """A key of the current generation for this host and ``parts`` (hashed: paths may hold any
    character and be long)."""
    digest = hashlib.sha256("\n".join([request.get_host(), *parts]).encode()).hexdigest()
    return f"{kind}:{generation(request)}:{digest}"


class ContentMemory:
    """Values read from content alone, kept in this process's memory as they are: unlike Django's
    local-memory cache, which unpickles a copy on every read, every request gets the same objects,
    so callers must never change them. Only the current generation's values are kept, at most
    ``max_entries`` of them."""

    max_entries = 2_000

    def __init__(self):
        self.clear()

    def get(self, key, compute):
        current = generation()
        kept_generation, values = self.kept  # one tuple, replaced whole, as in GenerationMemo
        if kept_generation != current or len(values) >= self.max_entries:
            values = {}
            self.kept = (current, values)
        if key not in values:
            values[key] = compute()
        return values[key]

    def clear(self):
        self.kept = (None, {})


content_memory = ContentMemory()


def remembered_content(kind, parts, compute):
    """``compute()``, kept in this process's memory under the current generation
    (``ContentMemory``: read-only to the caller): for what is read from content alone (a
    course's modules and lessons), never from one person's data."""
    return content_memory.get((kind, *map(str, parts)), compute)


def is_page_view(request):
    """Only Wagtail pages keep fragments; other views' keys would grow with every query string."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == PAGE_VIEW_NAME


def content_fragments(request):
    """For a view other than a page whose fragments are keyed on everything they show (the
    dashboard's course cards): its context keeps them under the generation like a page's."""
    return {"content_generation": generation(request), "fragment_timeout": TIMEOUT}


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


class RemembersViewRestrictions:
    """Page mixin: Wagtail looks up view restrictions on every request (two queries). When the
    remembered route knows a page has none, ``serve_page`` says so here and nothing is asked."""

    known_view_restrictions = None

    def get_view_restrictions(self):
        if self.known_view_restrictions is not None:
            return self.known_view_restrictions
        return super().get_view_restrictions()


def page_route(request, path):
    """Where ``path`` leads, as Wagtail routes it, remembered per generation with the page
    itself: Wagtail walks the tree one query per level, a remembered route asks nothing. The
    page cannot change under a generation, and each request unpickles a copy of its own."""
    key = cache_key("page-routes", request, get_language(), path)
    remembered = caches["fragments"].get(key)
    if remembered is not None:
        page, args, kwargs = remembered
        return RouteResult(page, args, kwargs)
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, args, kwargs = route
    page.known_view_restrictions = list(page.get_view_restrictions())  # Wagtail's check next
    caches["fragments"].set(key, (page, args, kwargs), TIMEOUT)
    return route


def page_url():
    """The URL pattern of pages: Wagtail's own, leaving its "_util/" views (the password and
    log-in forms of restricted pages) to Wagtail's URLs, included after it."""
    from wagtail import urls as wagtail_urls

    pattern = r"^(?!_util/)" + wagtail_urls.serve_pattern.removeprefix("^")
    return re_path(pattern, serve_page, name=PAGE_VIEW_NAME)


def serve_page(request, path):
    """Wagtail's page view, through the same hooks in the same order, on a remembered route."""
    from wagtail import views as wagtail_views

    route = page_route(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route
    serve = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return serve(page, request, args, kwargs)


# Pages that show one person's data: never kept by the browser's cache, a proxy's or ours.
personal = cache_control(private=True, no_store=True)


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
    """Whole pages for readers without a session: a reader without a session cookie sees exactly
    what every other such reader sees (no progress, no name, no CSRF token)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        # Outermost of the middleware, the page is kept as it left the others: with the security
        # and CSP headers, and compressed for a reader who accepts it. A plain-HTTP request is
        # its own key, so the redirect to HTTPS still happens.
        encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else ""
        key = cache_key("anonymous-pages", request, request.scheme, encoding, request.path)
        response = caches["fragments"].get(key)
        if response is not None:
            return response
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if not is_cacheable_response(response):
                return response
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, response, TIMEOUT)
        # Kept in this process too: its next reader costs no round trip to the shared cache.
        caches["fragments"].set(key, response, TIMEOUT)
        return response


class RedisOutage:
    """Whether Redis was found unreachable in the last few seconds, shared by the threads of a
    process, so a request does not wait for a connection that is known to fail."""

    pause = 5  # seconds before Redis is tried again

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.was_down = False

    def is_on(self):
        return time.monotonic() < self.down_until

    def begin(self, error):
        with self.lock:
            if not self.was_down:
                logger.warning("Redis is unreachable (%s): serving without the shared cache", error)
            self.down_until = time.monotonic() + self.pause
            self.was_down = True

    def end(self, forget_everything):
        """After an outage, call ``forget_everything`` before the outage counts as over, so no
        thread of this process reads what Redis kept from before it."""
        if not self.was_down:
            return
        with self.lock:
            if self.was_down:
                forget_everything()
                self.was_down = False


redis_outage = RedisOutage()
# Unreachable, or refusing writes while it fails over or runs out of memory.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, ReadOnlyError, OutOfMemoryError)


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache, except that while Redis is unreachable it acts as a cache that
    forgets at once: it finds nothing and every write succeeds. When Redis answers again it is
    emptied first: whatever was written or deleted meanwhile (a new content generation, a
    logged-out session) never reached it, so what it holds may be stale. Sessions are written
    through to the database and survive."""

    def call(self, method, fallback, *args, **kwargs):
        if redis_outage.is_on():
            return fallback
        try:
            redis_outage.end(self.forget_everything)
            return getattr(super(), method)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            redis_outage.begin(error)
            return fallback

    def forget_everything(self):
        logger.warning("Redis answers again: emptying it of what may be stale")
        super().clear()

    def get(self, key, default=None, version=None):
        return self.call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self.call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self.call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # As an empty cache would: the key was not there, so it is "added" (allauth takes its
        # rate-limit lock this way, and would otherwise refuse every log-in).
        return self.call("add", True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("touch", False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self.call("incr", 0, key, delta, version)

    def delete(self, key, version=None):
        return self.call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self.call("delete_many", None, keys, version)

    def clear(self):
        return self.call("clear", False)
