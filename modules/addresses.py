"""The site's own address, for links that leave it: e-mails, PDFs, QR codes."""

from django.conf import settings


def public_base_url(request=None):
    """Where links that leave the site send people: the site's public address
    (``PUBLIC_BASE_URL``, which production requires), else the address the request came in on,
    else, for an e-mail sent without a request in development, ``WAGTAILADMIN_BASE_URL``."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
