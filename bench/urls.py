"""The site's URLs plus the bare Django view the throughput bench compares pages against."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from ecourse.urls import urlpatterns as site_urlpatterns


@never_cache
def hello(request):
    """Run on every request: never kept by the anonymous page cache."""
    return HttpResponse("Hello")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]
