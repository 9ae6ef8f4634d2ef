"""A learner taking a course through the real views, for the statements it makes."""

from django.urls import reverse
from wagtail.models import Locale

from modules.models import LessonPage
from quizzes.models import QuizPage
from tests.quizzes.helpers import answers, start_attempt, submit

VERB = "http://adlnet.gov/expapi/verbs/"
# What taking the course in ``take_the_course`` says, in order.
COURSE_VERBS = [
    *("launched", "completed", "completed"),
    *("attempted", "failed", "attempted", "passed"),
    "completed",
]


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def take_the_course(client, course, languages=("en", "en")):
    """Open the first lesson and complete it (in the first language), complete the second (in
    the other), fail the quiz once, then pass it: the course is complete."""
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    quiz = QuizPage.objects.descendant_of(course).get()
    first, second = in_language(first, languages[0]), in_language(second, languages[1])
    assert client.get(first.url).status_code == 200
    client.post(reverse("complete_lesson", args=[first.pk]))
    client.post(reverse("complete_lesson", args=[second.pk]))
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    submit(client, start_attempt(client, quiz), answers(quiz))


def verbs(statements):
    return [statement["verb"]["id"].removeprefix(VERB) for statement in statements]


def by_time(statements):
    return sorted(statements, key=lambda statement: statement["timestamp"])
