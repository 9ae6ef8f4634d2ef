import re

import pytest
from django.test import Client
from wagtail.models import Locale

from learners.factories import LearnerProfileFactory
from quizzes.forms import field_name
from quizzes.models import QuizAttempt, QuizPage
from quizzes.scoring import score
from tests.conftest import build_tree, built_once_per_module, english_home, translate

from .helpers import answers, start_attempt, submit, url

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es", "pt", "fr")


def translate_a_quiz():
    """A quiz in all four languages, translated through wagtail-localize."""
    home = english_home()
    course = build_tree(home, modules=2, lessons=2, quiz=True)
    for language in LANGUAGES[1:]:
        translate(home, course, language)
    quiz = QuizPage.objects.descendant_of(course).order_by("path").first()
    return {
        language: quiz.get_translation(Locale.objects.get(language_code=language))
        for language in LANGUAGES
    }


translated_quizzes = built_once_per_module(translate_a_quiz)


def half_right(quiz):
    """Right on the single-choice and scenario questions, one of two right options on the
    partial-credit one, wrong on true/false: 1 + 1 + 1 + 0 of 5 points."""
    data = answers(quiz)
    for question in quiz.question_list():
        if question.kind == "multiple_choice":
            data[field_name(question.id)] = sorted(question.correct_ids)[:1]
        if question.kind == "true_false":
            data[field_name(question.id)] = "true"
    return data


def test_translations_keep_the_question_and_option_ids_and_the_key(translated_quizzes):
    english = translated_quizzes["en"].question_list()
    for language in LANGUAGES[1:]:
        translated = translated_quizzes[language].question_list()
        assert [q.id for q in translated] == [q.id for q in english]
        assert [q.correct_ids for q in translated] == [q.correct_ids for q in english]
        assert [q.points for q in translated] == [q.points for q in english]
        assert translated[0].text == f"{english[0].text} [{language}]"


def test_the_same_answers_score_the_same_in_every_language(translated_quizzes):
    english = translated_quizzes["en"]
    data = half_right(english)
    chosen = {key.removeprefix("answer-"): value for key, value in data.items()}
    chosen = {key: value if isinstance(value, list) else [value] for key, value in chosen.items()}
    expected = score(english.question_list(), chosen)
    assert expected.percent == 60

    for language, quiz in translated_quizzes.items():
        assert score(quiz.question_list(), chosen) == expected
        learner = Client()
        learner.force_login(LearnerProfileFactory().user)
        attempt = start_attempt(learner, quiz, language)
        assert submit(learner, attempt, data, language=language).status_code == 302
        attempt.refresh_from_db()
        assert (attempt.score, attempt.passed, attempt.language_code) == (60, False, language)


def test_an_attempt_started_in_spanish_can_be_finished_in_portuguese(
    client, learner, translated_quizzes
):
    attempt = start_attempt(client, translated_quizzes["es"], "es")
    assert attempt.language_code == "es"

    portuguese = translated_quizzes["pt"]
    page = client.get(url("quiz_attempt", attempt.pk, language="pt")).content.decode()
    assert portuguese.question_list()[0].text.replace("'", "&#x27;") in page
    assert 'lang="pt"' in page

    response = submit(client, attempt, answers(portuguese), language="pt")
    assert response.url == url("quiz_attempt", attempt.pk, language="pt")
    attempt.refresh_from_db()
    assert (attempt.passed, attempt.language_code, attempt.number) == (True, "pt", 1)
    assert QuizAttempt.objects.count() == 1
    # The Spanish quiz page knows the quiz is passed too.
    spanish_page = client.get(translated_quizzes["es"].url).content.decode()
    assert "100\u00a0%" in spanish_page  # Spanish puts a non-breaking space before %


def test_the_language_switcher_on_an_attempt_stays_on_the_attempt(
    client, learner, translated_quizzes
):
    attempt = start_attempt(client, translated_quizzes["es"], "es")
    html = client.get(url("quiz_attempt", attempt.pk, language="es")).content.decode()
    assert f'href="{url("quiz_attempt", attempt.pk, language="fr")}"' in html


def test_a_pool_draws_the_same_questions_for_an_attempt_in_every_language(
    client, learner, translated_quizzes
):
    quizzes = {}
    for language, quiz in translated_quizzes.items():
        quiz.questions_per_attempt = 3  # synchronised from English, as wagtail-localize does
        quiz.save_revision().publish()
        quizzes[language] = QuizPage.objects.get(pk=quiz.pk)
    attempt = start_attempt(client, quizzes["en"])

    asked = {
        language: set(re.findall(r'name="(answer-[^"]+)"', page_of(client, attempt, language)))
        for language in LANGUAGES
    }
    drawn = quizzes["en"].questions_for(attempt)
    right = {
        field_name(q.id): sorted(q.correct_ids) if q.accepts_several else min(q.correct_ids)
        for q in drawn
    }

    assert len(asked["en"]) == 3
    assert all(fields == asked["en"] for fields in asked.values())
    reloaded = set(re.findall(r'name="(answer-[^"]+)"', page_of(client, attempt, "en")))
    assert reloaded == asked["en"]
    assert set(right) == asked["en"]
    response = submit(client, attempt, right, language="pt")
    assert response.status_code == 302, re.findall(r'class="error[^>]*>([^<]+)', response.text)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed, sorted(attempt.answers)) == (
        100,
        True,
        sorted(q.id for q in drawn),
    )


def page_of(client, attempt, language):
    return client.get(url("quiz_attempt", attempt.pk, language=language)).content.decode()
