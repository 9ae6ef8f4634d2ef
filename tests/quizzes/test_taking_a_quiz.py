import re

import pytest
from django.test import Client
from django.utils.html import escape

from learners.factories import LearnerProfileFactory
from quizzes.factories import SAMPLE_QUESTIONS, question_stream
from quizzes.forms import field_name
from quizzes.models import Feedback, QuizAttempt
from quizzes.scoring import presentation_order
from quizzes.signals import attempt_submitted

from .helpers import answers, attempt_rows, start, start_attempt, submit, url

pytestmark = pytest.mark.django_db


def test_an_anonymous_reader_sees_the_quiz_and_is_asked_to_log_in(client, quiz):
    html = client.get(quiz.url).content.decode()
    assert "Log in to take the quiz" in html
    assert "4 questions" in html
    response = start(client, quiz)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not QuizAttempt.objects.exists()


def test_a_learner_starts_answers_and_passes(client, learner, quiz):
    response = start(client, quiz)
    attempt = QuizAttempt.objects.get()
    assert response.url == url("quiz_attempt", attempt.pk)
    assert (attempt.number, attempt.language_code, attempt.submitted_at) == (1, "en", None)

    page = client.get(response.url).content.decode()
    for question in quiz.question_list():
        assert escape(question.text) in page

    response = submit(client, attempt, answers(quiz))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.score, attempt.pass_mark, attempt.passed) == (100, 70, True)
    assert attempt.submitted_at is not None
    assert set(attempt.answers) == {question.id for question in quiz.question_list()}

    result = client.get(response.url).content.decode()
    assert "You passed" in result
    assert "Your score: 100% (pass mark 70%)" in result
    assert "You passed this quiz with 100%." in client.get(quiz.url).content.decode()


def test_a_failed_attempt_offers_another_with_the_attempts_left(client, learner, quiz):
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed) == (0, False)
    result = client.get(url("quiz_attempt", attempt.pk)).content.decode()
    assert "Not passed this time" in result
    assert "2 attempts left." in result
    assert "Try again" in result

    second = start_attempt(client, quiz)
    assert second.number == 2


def test_starting_again_while_an_attempt_is_open_continues_it(client, learner, quiz):
    first = start_attempt(client, quiz)
    response = start(client, quiz)
    assert response.url == url("quiz_attempt", first.pk)
    assert QuizAttempt.objects.count() == 1


def test_a_reload_shows_the_shuffled_questions_in_the_same_order(client, learner, quiz):
    quiz.shuffle_questions = quiz.shuffle_options = True
    quiz.save_revision().publish()
    attempt = start_attempt(client, quiz)
    expected = [
        option.id
        for question in presentation_order(quiz.question_list(), attempt.seed, True, True)
        for option in question.options
    ]
    for _ in range(2):
        html = client.get(url("quiz_attempt", attempt.pk)).content.decode()
        assert re.findall(r'name="answer-[^"]+" value="([^"]+)"', html) == expected


def test_passing_submits_one_signal_for_the_apps_that_issue_certificates(
    client, learner, quiz, django_capture_on_commit_callbacks
):
    received = []

    def receiver(**kwargs):
        received.append(kwargs["attempt"].pk)

    attempt_submitted.connect(receiver)
    try:
        attempt = start_attempt(client, quiz)
        with django_capture_on_commit_callbacks(execute=True):
            submit(client, attempt, answers(quiz))
            submit(client, attempt, answers(quiz))
    finally:
        attempt_submitted.disconnect(receiver)
    assert received == [attempt.pk]


@pytest.mark.parametrize(
    "feedback, shown, hidden",
    [
        (Feedback.SCORE, [], ["Which treaty", "Explanation A.", "Feedback A1.", "Not right"]),
        (Feedback.WRONG, ["Which treaty", "✓ Right", "✗ Not right"], ["Explanation", "Feedback"]),
        (
            Feedback.REVIEW,
            ["Which treaty", "Explanation A.", "Feedback A1.", "a right answer", "Feedback C1."],
            ["Feedback A2.", "Feedback C2."],
        ),
    ],
)
def test_the_result_shows_what_the_feedback_setting_allows(
    client, learner, quiz, feedback, shown, hidden
):
    quiz.feedback = feedback
    quiz.save_revision().publish()
    data = answers(quiz)
    true_false = next(q for q in quiz.question_list() if q.kind == "true_false")
    data[field_name(true_false.id)] = "true"  # the statement is false: this one is wrong
    attempt = start_attempt(client, quiz)
    submit(client, attempt, data)

    result = client.get(url("quiz_attempt", attempt.pk)).content.decode()
    assert "Your score: 80%" in result  # 4 of 5 points
    for text in shown:
        assert text in result
    for text in hidden:
        assert text not in result


def test_a_failed_attempt_with_attempts_left_reveals_no_right_answer_until_the_last_one(
    client, learner, quiz
):
    wrong = answers(quiz, right=False)
    secrets = ["a right answer", "Why:", "Explanation A.", "Feedback A1.", "Feedback C1."]
    first = start_attempt(client, quiz)
    submit(client, first, wrong)
    held_back = client.get(url("quiz_attempt", first.pk)).content.decode()

    for _ in range(quiz.max_attempts - 1):
        attempt = start_attempt(client, quiz)
        submit(client, attempt, wrong)
    last = client.get(url("quiz_attempt", attempt.pk)).content.decode()

    assert "Not passed this time" in held_back
    assert not [text for text in secrets if text in held_back]
    assert "shown once you pass, or once you have no attempts left" in held_back
    assert "a right answer" in last and "Why:" in last


def test_the_quiz_and_its_questions_never_carry_the_answer_key(
    client, learner, course, quiz, locales, translate_tree
):
    secrets = [
        text
        for question in quiz.question_list()
        for text in [question.explanation, *(option.feedback for option in question.options)]
    ]
    for language in ("es", "pt", "fr"):
        translate_tree(course, language)
    for language in ("en", "es", "pt", "fr"):
        page = quiz.get_translation(locales[language])
        attempt = start_attempt(client, page, language)
        for response in (
            client.get(page.url),
            client.get(url("quiz_attempt", attempt.pk, language=language)),
        ):
            html = response.content.decode()
            assert response.status_code == 200
            assert "correct" not in html.lower()
            assert "Feedback" not in html and "Explanation" not in html
            for secret in secrets:
                assert secret not in html


def test_the_wagtail_api_is_not_exposed(client, quiz, settings):
    assert "wagtail.api.v2" not in settings.INSTALLED_APPS
    assert client.get("/api/v2/pages/", follow=True).status_code == 404


def test_editors_preview_the_questions_without_the_answers(client, quiz, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    response = quiz.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Which treaty sets out the best interests of the child?" in html
    assert "Explanation A." not in html and "Feedback A1." not in html
    anonymous = Client().get(f"/admin/pages/{quiz.pk}/edit/preview/")
    assert anonymous.status_code == 302


def test_a_second_learner_cannot_reach_anothers_attempt(client, learner, quiz):
    attempt = start_attempt(client, quiz)
    other = Client()
    other.force_login(LearnerProfileFactory().user)
    before = attempt_rows()
    assert other.get(url("quiz_attempt", attempt.pk)).status_code == 404
    assert submit(other, attempt, answers(quiz)).status_code == 404
    assert attempt_rows() == before


@pytest.mark.parametrize("question_count", [4, 40])
def test_quiz_pages_use_the_same_queries_for_4_or_40_questions(
    client, learner, quiz, question_count, django_assert_max_num_queries
):
    quiz.questions = question_stream(*SAMPLE_QUESTIONS * (question_count // 4))
    quiz.save_revision().publish()
    attempt = start_attempt(client, quiz)
    client.get(quiz.url)  # warm the site-root cache, as any running server has
    with django_assert_max_num_queries(8):
        assert client.get(url("quiz_attempt", attempt.pk)).status_code == 200
    # A pass also writes the response rows the reports count, and checks whether the course
    # is now complete and a certificate due.
    with django_assert_max_num_queries(20):
        assert submit(client, attempt, answers(quiz)).status_code == 302
    with django_assert_max_num_queries(11):
        assert client.get(url("quiz_attempt", attempt.pk)).status_code == 200
    # Seen again, as a running site serves it: the module links and breadcrumbs are kept, and
    # what is left is the learner's own (the user, the attempt, their attempts) and the quiz.
    with django_assert_max_num_queries(4):
        assert client.get(url("quiz_attempt", attempt.pk)).status_code == 200


def test_an_attempt_opened_in_a_language_the_quiz_lacks_goes_to_one_it_has(client, learner, quiz):
    attempt = start_attempt(client, quiz)
    response = client.get(url("quiz_attempt", attempt.pk, language="fr"))
    assert response.status_code == 302
    assert response.url == url("quiz_attempt", attempt.pk, language="en")
