import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from .models import CoursePage, LessonPage, ModulePage

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# SQLite's full-text index reads quotes, brackets and operators as query syntax and fails on a
# stray one; the words are all a learner's search needs.
NOT_A_WORD = re.compile(r"[^\w\s]+")


def search(request):
    """Lessons, modules and courses in the language of the URL that match the query."""
    search_query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    words = " ".join(NOT_A_WORD.sub(" ", search_query).split())
    results = Page.objects.none()
    if words:
        results = (
            Page.objects.live()
            .type(CoursePage, ModulePage, LessonPage)
            .filter(locale=Locale.get_active())
            .search(words)
        )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": search_query, "results": page}
    )
