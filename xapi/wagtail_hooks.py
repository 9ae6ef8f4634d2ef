from wagtail import hooks

from modules.models import LessonPage
from quizzes.models import QuizPage

from . import statements
from .delivery import is_configured, record

KINDS = {LessonPage: "lesson", QuizPage: "quiz"}


@hooks.register("before_serve_page")
def launched(page, request, serve_args, serve_kwargs):
    """A learner opening a lesson or a quiz launches it (an anonymous reader sends nothing)."""
    kind = KINDS.get(page.specific_class)
    if kind and request.method == "GET" and request.user.is_authenticated and is_configured():
        record(request.user, statements.page_launched(request.user, page, kind))
