"""Taking a quiz through the real views, as a browser would."""

from django.urls import reverse
from django.utils import translation

from quizzes.forms import field_name
from quizzes.models import QuizAttempt


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def start(client, quiz, language="en"):
    return client.post(url("quiz_start", quiz.pk, language=language))


def start_attempt(client, quiz, language="en"):
    start(client, quiz, language)
    return QuizAttempt.objects.filter(submitted_at=None).latest("pk")


def submit(client, attempt, data, language="en"):
    return client.post(url("quiz_submit", attempt.pk, language=language), data)


def answers(quiz, right=True):
    """Form data answering every question of ``quiz`` right (or wrong)."""
    data = {}
    for question in quiz.question_list():
        ids = question.correct_ids if right else question.option_ids - question.correct_ids
        data[field_name(question.id)] = sorted(ids) if question.accepts_several else min(ids)
    return data


def attempt_rows():
    return list(QuizAttempt.objects.order_by("pk").values())
