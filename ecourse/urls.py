from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from modules import caching
from modules import views as module_views

from . import views

urlpatterns = [
    path("favicon.ico", views.favicon),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("credentials.documents_urls")),
    # xAPI activity ids, the same in every language: each leads to the page in the reader's.
    path("", include("xapi.urls")),
    # The addresses platforms are configured with: the same in every language.
    path("lti/", include("lti.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", module_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("", include("learners.urls")),
    path("", include("quizzes.urls")),
    path("", include("packages.urls")),
    path("", include("cohorts.urls")),
    path("", include("certificates.urls")),
    path("", include("credentials.urls")),
    # Pages come last: they claim every path the patterns above do not. Wagtail's view on a
    # remembered route (modules/caching.py), then Wagtail's own URLs for everything else.
    caching.page_url(),
    path("", include(wagtail_urls)),
)

handler500 = "ecourse.views.server_error"
