"""Races only show on a real database server: these run when DATABASE_URL points at PostgreSQL."""

from collections import Counter

import pytest
from django.db import connection

from quizzes.factories import option, question_stream
from quizzes.models import QuizAttempt
from quizzes.signals import attempt_submitted
from tests.concurrency import THREADS, all_at_once

from .helpers import answers, start, start_attempt, submit

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
    ),
]


@pytest.fixture
def last_attempt(client, learner, quiz):
    """The learner has failed once and opened the second and last allowed attempt. The quiz is
    long, so that scoring keeps each submission busy long enough for the others to collide."""
    quiz.max_attempts = 2
    quiz.questions = question_stream(
        *[
            (
                "single_choice",
                {"question": f"Question {n}?", "options": [option("Yes", True), option("No")]},
            )
            for n in range(200)
        ]
    )
    quiz.save_revision().publish()
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    return start_attempt(client, quiz)


def test_twenty_simultaneous_submits_of_the_last_attempt_record_one_result(
    learner, quiz, last_attempt
):
    recorded = []

    def count(attempt, **kwargs):
        recorded.append(attempt.pk)

    attempt_submitted.connect(count)
    try:
        statuses = all_at_once(learner, lambda client: submit(client, last_attempt, answers(quiz)))
    finally:
        attempt_submitted.disconnect(count)

    assert statuses == Counter({302: 1, 409: THREADS - 1})
    assert recorded == [last_attempt.pk]
    last_attempt.refresh_from_db()
    assert last_attempt.passed and last_attempt.score == 100
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_twenty_simultaneous_starts_and_submits_never_exceed_the_maximum(
    learner, quiz, last_attempt
):
    def submit_then_start_again(client):
        submit(client, last_attempt, answers(quiz, right=False))
        return start(client, quiz)

    statuses = all_at_once(learner, submit_then_start_again)

    assert statuses == Counter({403: THREADS})
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    assert QuizAttempt.objects.filter(user=learner, submitted_at=None).count() == 0


def test_twenty_simultaneous_first_starts_open_one_attempt(learner, quiz):
    statuses = all_at_once(learner, lambda client: start(client, quiz))
    assert statuses == Counter({302: THREADS})
    attempt = QuizAttempt.objects.get(user=learner)
    assert attempt.number == 1
