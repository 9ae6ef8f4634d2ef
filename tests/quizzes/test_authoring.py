"""Authors build quizzes in the Wagtail admin, which refuses a quiz that cannot be answered."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from modules.models import ModulePage
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("author", "author@example.com", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def module(build_course):
    return ModulePage.objects.child_of(build_course(lessons=1)).get()


def options(*flags):
    return streamfield(
        [
            ("item", {"text": f"Option {n}", "correct": "on" if flag else "", "feedback": ""})
            for n, flag in enumerate(flags)
        ]
    )


def choice(kind, *flags, **extra):
    return (
        kind,
        {
            "question": "A question?",
            "options": options(*flags),
            "explanation": "",
            "points": "1",
            **extra,
        },
    )


def create_quiz(client, module, questions, pass_mark="70", questions_per_attempt="0"):
    data = nested_form_data(
        {
            "title": "Quiz: foundations",
            "slug": "quiz",
            "intro": rich_text("<p>Check what you learned.</p>"),
            "pass_mark": pass_mark,
            "max_attempts": "3",
            "questions_per_attempt": questions_per_attempt,
            "feedback": "review",
            "questions": streamfield(questions),
            "action-publish": "action-publish",
        }
    )
    return client.post(
        reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", module.pk]), data
    )


def test_an_author_creates_a_quiz_with_every_kind_of_question(client, editor, module):
    response = create_quiz(
        client,
        module,
        [
            choice("single_choice", True, False),
            choice("multiple_choice", True, True, False, partial_credit="on"),
            (
                "true_false",
                {
                    "statement": "A statement.",
                    "is_true": "on",
                    "feedback_if_true": "",
                    "feedback_if_false": "",
                    "explanation": "",
                    "points": "1",
                },
            ),
            choice("scenario", False, True, situation="A situation."),
        ],
    )
    assert response.status_code == 302
    quiz = QuizPage.objects.child_of(module).live().get()
    kinds = [question.kind for question in quiz.question_list()]
    assert kinds == ["single_choice", "multiple_choice", "true_false", "scenario"]
    assert quiz.question_list()[1].partial_credit


@pytest.mark.parametrize(
    "question, message",
    [
        (
            choice("single_choice", True, True),
            "Mark exactly one answer option as correct (2 are marked).",
        ),
        (
            choice("scenario", False, False, situation="A situation."),
            "Mark exactly one answer option as correct (0 are marked).",
        ),
        (choice("multiple_choice", False, False), "Mark at least one answer option as correct."),
        (choice("single_choice", True), "Give at least two answer options."),
    ],
)
def test_the_admin_refuses_a_question_that_cannot_be_answered(
    client, editor, module, question, message
):
    response = create_quiz(client, module, [question])
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not QuizPage.objects.exists()


@pytest.mark.parametrize("pass_mark", ["0", "101"])
def test_the_admin_refuses_a_pass_mark_outside_1_to_100(client, editor, module, pass_mark):
    response = create_quiz(client, module, [choice("single_choice", True, False)], pass_mark)
    assert response.status_code == 200
    assert "pass_mark" in response.context["form"].errors
    assert not QuizPage.objects.exists()


def test_the_admin_refuses_to_draw_more_questions_than_the_quiz_has(client, editor, module):
    questions = [choice("single_choice", True, False), choice("single_choice", True, False)]

    response = create_quiz(client, module, questions, questions_per_attempt="3")

    assert response.status_code == 200
    assert "only 2 questions to draw from" in response.content.decode()
    assert not QuizPage.objects.exists()


def test_a_quiz_needs_at_least_one_question(client, editor, module):
    response = create_quiz(client, module, [])
    assert response.status_code == 200
    assert not QuizPage.objects.exists()


def test_a_quiz_belongs_in_a_module_only(module):
    assert QuizPage.can_create_at(module)
    assert not QuizPage.can_create_at(module.get_parent())
