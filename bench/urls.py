"""The site's URLs plus the bare Django view the throughput bench compares pages against."""

from django.http import HttpResponse
from django.urls import path

from ecourse.urls import urlpatterns as site_urlpatterns


def hello(request):
    return HttpResponse("Hello")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]
