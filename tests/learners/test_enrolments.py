"""A learner's enrolment in a course is written with the activity that starts or completes it."""

import ast

import pytest
from django.urls import reverse
from wagtail.models import Locale

from learners.models import Enrolment
from modules.models import LessonPage
from quizzes import attempts
from quizzes.models import QuestionResponse, QuizPage
from quizzes.signals import attempt_started
from tests.certificates.helpers import complete_course
from tests.quizzes.helpers import answers, start_attempt, submit
from tests.test_layers import project_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(build_course):
    return build_course(modules=1, lessons=2, quiz=True)


def test_the_first_lesson_enrols_the_learner_in_the_language_read(
    client, learner, course, translate_tree
):
    translate_tree(course, "pt")
    lessons = LessonPage.objects.descendant_of(course).order_by("path")
    portuguese = lessons[0].get_translation(Locale.objects.get(language_code="pt"))
    client.post(reverse("complete_lesson", args=[portuguese.pk]))
    client.post(reverse("complete_lesson", args=[lessons[1].pk]))
    enrolment = Enrolment.objects.get(user=learner)
    assert (enrolment.course_key, enrolment.language_code) == (course.translation_key, "pt")
    assert enrolment.completed_at is None


def test_starting_a_quiz_enrols_too(client, learner, course):
    start_attempt(client, QuizPage.objects.descendant_of(course).get())
    assert Enrolment.objects.filter(user=learner, course_key=course.translation_key).exists()


def test_the_certificate_marks_the_enrolment_completed_at_its_issue(client, learner, course):
    complete_course(client, course)
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at == learner.certificates.get().issued_at
    assert enrolment.started_at < enrolment.completed_at


def test_lessons_read_before_signing_up_enrol_the_new_account(client, course, mailoutbox):
    lesson = LessonPage.objects.descendant_of(course).first()
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    client.post(
        reverse("account_signup"),
        {
            "email": "reader@example.com",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
        },
    )
    confirmation_url = next(
        word for word in mailoutbox[0].body.split() if "/accounts/confirm-email/" in word
    )
    client.post(confirmation_url)  # confirming logs the reader in
    assert Enrolment.objects.filter(
        user__email="reader@example.com", course_key=course.translation_key
    ).exists()


def test_a_submitted_attempt_leaves_one_response_per_question_with_the_options_ticked(
    client, learner, course
):
    quiz = QuizPage.objects.descendant_of(course).get()
    attempt = start_attempt(client, quiz)
    submit(client, attempt, answers(quiz, right=False))
    attempt.refresh_from_db()
    responses = QuestionResponse.objects.filter(attempt=attempt)
    assert {response.question_id: response.chosen_ids for response in responses} == {
        key: sorted(ids) for key, ids in attempt.answers.items()
    }
    assert {response.credit for response in responses} == {0}
    assert {response.language_code for response in responses} == {"en"}


def enrolment_writers():
    """``(module, function)`` of every place in the project that writes Enrolment rows."""
    writes = {"create", "bulk_create", "get_or_create", "update_or_create"}
    found = set()
    for name, path in project_files().items():
        if ".migrations." in name:
            continue
        for function in ast.walk(ast.parse(path.read_text())):
            if isinstance(function, ast.FunctionDef):
                for node in ast.walk(function):
                    if (
                        isinstance(node, ast.Attribute)
                        and node.attr in writes
                        and ast.unparse(node.value) == "Enrolment.objects"
                    ):
                        found.add((name, function.name))
    return found


def test_enrolment_rows_are_written_in_one_function_only():
    assert enrolment_writers() == {("learners.enrolments", "save_enrolments")}


def test_a_failed_attempt_start_leaves_no_enrolment_behind(learner, course):
    quiz = QuizPage.objects.descendant_of(course).get()

    def refuse(**kwargs):
        raise RuntimeError("the attempt could not be saved")

    attempt_started.connect(refuse, dispatch_uid="refuse")
    try:
        with pytest.raises(RuntimeError):
            attempts.start_attempt(learner, quiz, "en")
    finally:
        attempt_started.disconnect(dispatch_uid="refuse")

    assert not Enrolment.objects.exists()
