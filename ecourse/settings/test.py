from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-1f2e3d4c5b6a79880716253443526170819a2b3c4d5e6f7a"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": FRAGMENT_CACHE,  # noqa: F405
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Django sends test mail straight to its outbox; the queue's own tests (tests/test_faults.py)
# switch to the queued backend and run the worker.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders: tests run without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# No issuer key unless a test makes one in a folder of its own (tests/credentials/conftest.py),
# whatever a developer's `make run` left in keys/.
CREDENTIALS_KEY_DIR = BASE_DIR / "test-output" / "no-issuer-key"  # noqa: F405
