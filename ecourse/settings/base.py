"""Settings shared by every environment.

Nothing secret lives here: dev and test set a throwaway key, production reads it from the
environment. The database and cache default to embedded ones (SQLite, local memory) and switch to
PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set.
"""

import operator
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The project's apps, bottom layer first (docs/architecture.md).
# Nothing leaves for another host: no Gravatar avatars (they send a hash of the e-mail) and no
# check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

INSTALLED_APPS = [
    "resources",
    "modules",
    "translation",
    "quizzes",
    "learners",
    "packages",
    "cohorts",
    "certificates",
    "credentials",
    "lti",
    "reports",
    "xapi",
    "ecourse",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "django_countries",
]

MIDDLEWARE = [
    # First of all: pages for readers without a session come whole from the cache, headers and
    # compression included, before anything else runs (modules/caching.py).
    "modules.caching.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outermost of what writes bodies: HTML (cached pages too) travels compressed to slow phones.
    # Django's GZip pads each response against BREACH; WhiteNoise sends its own precompressed files.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: sees the session and CSRF cookies they set, for LTI sessions in a frame.
    "lti.sessions.LtiCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the session's language), before CommonMiddleware (which
    # needs the language to resolve i18n_patterns URLs when it appends slashes).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After XFrameOptionsMiddleware: lets the platform of an LTI session frame its pages.
    "lti.sessions.LtiFrameMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "ecourse.urls"
WSGI_APPLICATION = "ecourse.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "modules.caching.fragment_cache",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so concurrent requests queue instead of
    # failing with "database is locked" (PostgreSQL gets row locks from select_for_update).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler spends ~100 ms compiling each large report query, more than it
    # saves on queries that run in a few hundred milliseconds (measured by bench/reports.py).
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "fragments" is each process's own memory, for entries that never change once written: page
# fragments and routes keyed by the content generation (modules/caching.py).
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis cache, serving as an empty one while Redis is unreachable.
            "BACKEND": "modules.caching.ForgivingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
        "fragments": FRAGMENT_CACHE,
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": FRAGMENT_CACHE,
    }

# Sessions are read from the cache (Redis in production) and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): e-mail and password, verified e-mail, throttled log-in.
AUTHENTICATION_BACKENDS = [
    "learners.backends.ModelBackendWithProfile",
    "learners.backends.EmailBackendWithProfile",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Learners log in with their e-mail: messages and e-mails name them by it, never by the username
# allauth generates for them.
ACCOUNT_USER_DISPLAY = operator.attrgetter("email")
# After 5 failed log-ins to one account within 5 minutes (or 10 a minute from one address) the
# form refuses further attempts for a while, in the learner's language.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# How many proxies of ours stand in front of the site: allauth then takes the client's address
# from that far back in X-Forwarded-For, so throttling by address limits one client, not everyone
# behind the proxy. 0 in development; production sets it (TRUSTED_PROXY_COUNT, default 1).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_SIGNUP_REDIRECT_URL = "profile"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
# Mail goes through the background queue (ecourse/mail.py); the worker delivers it with this.
EMAIL_BACKEND = "ecourse.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Background work waits in the database until `manage.py db_worker --backend background` runs
# it. Wagtail's own small tasks (index updates) stay immediate, as Wagtail expects by default.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# The key the LTI tool signs with (lti/keys.py): a file, never the database.
LTI_TOOL_KEY_FILE = os.environ.get("LTI_TOOL_KEY_FILE", str(BASE_DIR / "var" / "lti-tool-key.pem"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CIP e-course <no-reply@localhost>")

# Learning records (xapi/): statements go to this learning record store's xAPI endpoint (e.g.
# https://lrs.example.org/xAPI/), signed in with the key and secret; without an endpoint
# nothing is stored or sent. Learners are named by an opaque id (an HMAC of their user id with
# XAPI_ACTOR_SECRET, else SECRET_KEY); XAPI_ACTOR_EMAIL=true sends their e-mail address instead.
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "")
XAPI_LRS_KEY = os.environ.get("XAPI_LRS_KEY", "")
XAPI_LRS_SECRET = os.environ.get("XAPI_LRS_SECRET", "")
XAPI_ACTOR_SECRET = os.environ.get("XAPI_ACTOR_SECRET", "")
XAPI_ACTOR_EMAIL = os.environ.get("XAPI_ACTOR_EMAIL", "").lower() in {"1", "true", "yes"}

# Languages: English is the source; every interface string and every page exists in all four.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A page sent for translation starts as a draft in the other language, not as a live copy of the
# English text; it goes live when a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Ours first, then allauth's Portuguese filed as "pt" (see locale_allauth/README.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_allauth"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "ecourse.staticfiles.MinifiedManifestStaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1000 fields on a long lesson.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "CIP e-course"
# The site's public address, e.g. https://courses.example.org: certificates' links and QR codes
# point there. Empty in development, where they follow the address a request came in on.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", PUBLIC_BASE_URL or "http://127.0.0.1:8000"
)
# The key that signs Open Badges credentials (``manage.py issuer_key`` makes it): a folder outside
# the database, readable by the web processes only.
CREDENTIALS_KEY_DIR = Path(os.environ.get("CREDENTIALS_KEY_DIR", BASE_DIR / "keys"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's responsive embeds carry an inline style, which the CSP below refuses; the site's
# stylesheet keeps embedded players at 16:9 instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# Content-Security-Policy (django-csp): the public site runs no script and no inline style at all,
# so a script or style injected into a page cannot run. Wagtail's admin is left out: its editor
# relies on inline styles and is open only to the course team.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
