"""The site as the browser tests in tests/e2e/ serve it: test settings, a database file and an
address given by the test run, e-mail written to files the tests read."""

import os

from .test import *  # noqa: F403

WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"]
# Straight to files the browser tests read (no worker runs beside their server).
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = os.environ["MEDIA_ROOT"]
