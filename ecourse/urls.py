from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from modules import page_cache
from modules import views as module_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", module_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("", include("learners.urls")),
    path("", include("quizzes.urls")),
    path("", include("certificates.urls")),
    # Wagtail's page serving comes last: it claims every path the patterns above do not. Its own
    # view is wrapped to remember routes (modules/page_cache.py).
    *wagtail_urls.urlpatterns[:-1],
    re_path(wagtail_urls.serve_pattern, page_cache.serve_page, name="wagtail_serve"),
)
