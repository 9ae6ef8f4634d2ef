"""The site's URLs plus two bare views for the throughput bench: one that does nothing, and one
that reads the visitor (the floor under every logged-in page: middleware, session, user)."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from ecourse.urls import urlpatterns as site_urlpatterns


@never_cache
def hello(request):
    """Run on every request: never kept by the anonymous page cache."""
    return HttpResponse("Hello")


@never_cache
def visitor(request):
    return HttpResponse(request.user.get_username())


urlpatterns = [
    path("bench/hello/", hello),
    path("bench/visitor/", visitor),
    *site_urlpatterns,
]
