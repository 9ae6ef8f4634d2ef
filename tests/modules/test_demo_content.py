from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, Translation

from modules.models import LessonPage, ModulePage
from quizzes.models import QuizPage
from quizzes.scoring import score

pytestmark = pytest.mark.django_db


def load():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_the_starter_course_exists_in_english_and_spanish_with_the_same_pages():
    load()

    english = set(
        Page.objects.filter(depth__gt=1, locale__language_code="en").values_list("translation_key")
    )
    spanish = set(
        Page.objects.filter(depth__gt=1, locale__language_code="es").values_list("translation_key")
    )

    assert len(english) == 11
    assert spanish == english
    assert not Page.objects.filter(depth__gt=1, live=False).exists()


def test_every_block_type_appears_in_the_starter_lessons():
    load()

    used = {
        block.block_type
        for lesson in LessonPage.objects.filter(locale__language_code="en")
        for block in lesson.body
    }

    assert used == set(LessonPage.body.field.stream_block.child_blocks)


def test_every_module_ends_with_a_quiz_using_every_kind_of_question():
    load()

    modules = ModulePage.objects.filter(locale__language_code="en")
    quizzes = [QuizPage.objects.child_of(module).get() for module in modules]
    assert all(quiz.get_prev_siblings().type(LessonPage).exists() for quiz in quizzes)
    assert not any(quiz.get_next_siblings().exists() for quiz in quizzes)
    kinds = {question.kind for quiz in quizzes for question in quiz.question_list()}
    assert kinds == set(QuizPage.questions.field.stream_block.child_blocks)


def test_the_demo_quiz_scores_the_same_in_spanish():
    load()

    english = QuizPage.objects.get(locale__language_code="en", slug="quiz-foundations")
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    right = {question.id: question.correct_ids for question in english.question_list()}
    assert score(spanish.question_list(), right).percent == 100
    assert spanish.question_list()[0].text.startswith("¿Aproximadamente cuántos")


def test_every_spanish_segment_is_translated():
    load()

    for translation in Translation.objects.select_related("source", "target_locale"):
        total, translated = translation.get_progress()
        assert translated == total, translation.source.object_repr
    assert StringSegment.objects.exists()


def test_a_second_run_creates_no_page_revision_or_translation():
    load()
    before = counts()

    output = load()

    assert counts() == before
    assert "0 new item(s)" in output


def test_the_spanish_lesson_is_served_under_es_and_in_spanish(client):
    load()
    lesson = LessonPage.objects.get(locale__language_code="es", slug="reconocer-sin-etiquetar")

    response = client.get(lesson.url)

    assert lesson.url.startswith("/es/")
    assert response.status_code == 200
    assert "Reconocer sin etiquetar" in response.content.decode()
