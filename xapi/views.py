from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language_from_request

from modules.languages import live_translation, source_language
from modules.models import CoursePage, LessonPage, ModulePage
from quizzes.models import QuizPage

PAGE_TYPES = {
    "lesson": LessonPage,
    "quiz": QuizPage,
    "module": ModulePage,
    "course": CoursePage,
    "path": CoursePage,
}


def activity(request, kind, key, path=None):
    """An activity's id is an address: it leads to the page in the visitor's language."""
    page = live_translation(
        PAGE_TYPES[kind], key, get_language_from_request(request), source_language()
    )
    if page is None:
        raise Http404
    return redirect(page.url)
