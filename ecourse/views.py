"""Error pages that must not need the database, and the favicon browsers ask for at the root."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import get_language
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django's 500 page, except when the database could not be reached or had no connection
    to spare: then a 503 that asks the reader, in their language, to try again shortly. It is
    drawn without the request's context, so nothing on it asks the database."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        html = loader.get_template("503.html").render({"LANGUAGE_CODE": get_language()})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the site's mark."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
