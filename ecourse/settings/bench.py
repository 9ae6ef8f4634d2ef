"""The site as the load and throughput benches in bench/ serve it: production's choices (no
debug, PostgreSQL, Redis when REDIS_URL is set) on loopback, without TLS, plus a bare Django view
at /bench/hello/ to measure against."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-key-9c8b7a6f5e4d3c2b1a0918273645546372819aabbccddeeff"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
