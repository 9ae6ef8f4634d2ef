"""Every bad submission gets a clear answer and a 4xx (or the form back), and changes no row."""

import re

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.forms import field_name
from quizzes.models import QuestionResponse

from .helpers import answers, attempt_rows, start, start_attempt, submit, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(client, learner, quiz):
    return start_attempt(client, quiz)


def question_of_kind(quiz, kind):
    return next(question for question in quiz.question_list() if question.kind == kind)


def test_missing_answers_bring_the_form_back_with_the_learners_choices(client, quiz, attempt):
    data = answers(quiz)
    single = question_of_kind(quiz, "single_choice")
    scenario = question_of_kind(quiz, "scenario")
    del data[field_name(scenario.id)]
    before = attempt_rows()

    response = submit(client, attempt, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your answers were not submitted" in html
    assert "Choose an answer." in html
    chosen = data[field_name(single.id)]
    assert re.search(rf'value="{chosen}"[^>]*checked', html)
    assert attempt_rows() == before


def test_missing_answers_are_explained_in_the_learners_language(
    client, course, quiz, attempt, translate_tree
):
    translate_tree(course, "es")
    response = submit(client, attempt, {}, language="es")
    assert response.status_code == 400
    assert "Elija una respuesta." in response.content.decode()


@pytest.mark.parametrize(
    "tamper, message",
    [
        ("unknown question", "answers questions that are not in this quiz"),
        ("unknown option", "not one of this question"),
        ("two answers to a single-choice question", "Choose only one answer."),
    ],
)
def test_tampered_submissions_are_refused_and_record_nothing(
    client, quiz, attempt, tamper, message
):
    data = answers(quiz)
    single = question_of_kind(quiz, "single_choice")
    if tamper == "unknown question":
        data[field_name("00000000-0000-0000-0000-000000000000")] = "x"
    elif tamper == "unknown option":
        data[field_name(single.id)] = "not-an-option"
    else:
        data[field_name(single.id)] = sorted(single.option_ids)[:2]
    before = attempt_rows()

    response = submit(client, attempt, data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert attempt_rows() == before


def test_a_second_submission_shows_the_first_result_and_records_nothing(client, quiz, attempt):
    submit(client, attempt, answers(quiz, right=False))
    before = attempt_rows()
    response = submit(client, attempt, answers(quiz))
    html = response.content.decode()
    assert response.status_code == 409
    assert "You had already submitted this attempt" in html
    assert "Your score: 0%" in html
    assert attempt_rows() == before


def test_no_attempt_beyond_the_maximum(client, learner, quiz):
    for _ in range(quiz.max_attempts):
        submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    before = attempt_rows()
    response = start(client, quiz)
    assert response.status_code == 403
    assert "You have used all 3 attempts at this quiz." in response.content.decode()
    assert attempt_rows() == before


def test_no_new_attempt_after_passing(client, learner, quiz):
    submit(client, start_attempt(client, quiz), answers(quiz))
    before = attempt_rows()
    response = start(client, quiz)
    assert response.status_code == 403
    assert "You have already passed this quiz." in response.content.decode()
    assert attempt_rows() == before


def test_the_submit_url_only_answers_post(client, attempt):
    before = attempt_rows()
    assert client.get(url("quiz_submit", attempt.pk)).status_code == 405
    assert attempt_rows() == before


def test_a_submission_without_a_csrf_token_is_refused(quiz, attempt, learner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    before = attempt_rows()
    response = submit(browser, attempt, answers(quiz))
    assert response.status_code == 403
    assert "Nothing was saved." in response.content.decode()
    assert 'class="site-header"' in response.content.decode()  # the site's own page, not Django's
    assert attempt_rows() == before


def test_an_unknown_attempt_is_not_found(client, learner, quiz):
    assert client.get(url("quiz_attempt", 999999)).status_code == 404
    assert client.post(url("quiz_submit", 999999), answers(quiz)).status_code == 404


def fuzzed_submissions(quiz):
    """Form data mixing the quiz's real field names and option ids with arbitrary text."""
    questions = quiz.question_list()
    names = [field_name(question.id) for question in questions]
    option_ids = [option for question in questions for option in question.option_ids]
    name = st.sampled_from(names + [field_name("0" * 32), "csrfmiddlewaretoken"]) | st.text()
    value = st.sampled_from(option_ids) | st.text(max_size=300)
    return st.dictionaries(name, st.lists(value, max_size=4), max_size=len(names) + 3)


def test_the_submit_endpoint_survives_any_form_data_and_saves_all_or_nothing(client, quiz, attempt):
    """Hypothesis sends arbitrary submissions: never a 5xx; either the whole attempt is scored
    (one response per question) or no row changes."""
    question_count = len(quiz.question_list())

    @settings(max_examples=60, deadline=None)
    @given(data=fuzzed_submissions(quiz))
    def submit_anything(data):
        before = (attempt_rows(), QuestionResponse.objects.count())
        response = submit(client, attempt, data)
        assert response.status_code < 500
        attempt.refresh_from_db()
        if before[0][0]["submitted_at"] is None and attempt.is_submitted:
            assert response.status_code == 302
            assert QuestionResponse.objects.count() == before[1] + question_count
        else:
            assert (attempt_rows(), QuestionResponse.objects.count()) == before

    submit_anything()


def test_an_option_sent_fifty_times_is_stored_and_counted_once(client, quiz, attempt):
    data = answers(quiz)
    several = question_of_kind(quiz, "multiple_choice")
    chosen = sorted(several.correct_ids)[0]
    data[field_name(several.id)] = [chosen] * 50

    response = submit(client, attempt, data)

    assert response.status_code == 302  # to the result
    attempt.refresh_from_db()
    assert attempt.answers[several.id] == [chosen]
    response_row = QuestionResponse.objects.get(attempt=attempt, question_id=several.id)
    assert response_row.chosen_ids == [chosen]
