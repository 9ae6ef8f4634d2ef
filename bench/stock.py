"""A stock Django view and nothing else: no apps, no middleware, no database, no cache. The
throughput bench measures every page against it, served by the same gunicorn the same way.

    gunicorn bench.stock:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-stock-view",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def hello(request):
    return HttpResponse("Hello")


urlpatterns = [path("bench/hello/", hello)]
application = get_wsgi_application()
