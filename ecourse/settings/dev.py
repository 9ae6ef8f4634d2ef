from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-key-never-used-in-production-7c1f0e2a9b6d4e3f8a5c2b1d0e9f8a7b"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Queued as in production; the worker `make run` starts prints each message to its console.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
