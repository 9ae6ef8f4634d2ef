import pytest
from django.urls import reverse

from learners.progress import LearnerRecord, course_progress, module_progress
from modules.models import LessonPage, ModulePage
from quizzes.models import QuizPage

from .helpers import answers, start_attempt, submit

pytestmark = pytest.mark.django_db


def record_for(user):
    return LearnerRecord(user)


def complete_lessons(client, module):
    for lesson in LessonPage.objects.child_of(module):
        client.post(reverse("complete_lesson", args=[lesson.pk]))


def test_a_module_is_complete_only_once_its_quiz_is_passed(client, learner, course, quiz):
    module = quiz.get_parent().specific
    complete_lessons(client, module)
    progress = module_progress(module, record_for(learner))
    assert (progress.done, progress.total, progress.steps_done, progress.steps) == (2, 2, 2, 3)
    assert not progress.is_complete
    assert progress.next_step.pk == quiz.pk

    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    assert not module_progress(module, record_for(learner)).is_complete

    submit(client, start_attempt(client, quiz), answers(quiz))
    progress = module_progress(module, record_for(learner))
    assert progress.is_complete and progress.percent == 100
    assert progress.next_step is None


def test_a_course_is_complete_when_every_module_quiz_is_passed(client, learner, course):
    for module in ModulePage.objects.child_of(course):
        complete_lessons(client, module)
    progress = course_progress(course, record_for(learner))
    assert (progress.steps_done, progress.steps, progress.is_complete) == (4, 6, False)
    for quiz in QuizPage.objects.descendant_of(course):
        submit(client, start_attempt(client, quiz), answers(quiz))
    assert course_progress(course, record_for(learner)).is_complete


def test_module_course_and_dashboard_show_the_quiz_state(client, learner, course, quiz):
    module = quiz.get_parent()
    assert "not started" in client.get(module.url).content.decode()

    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    failed = "not passed yet (best 0%), 2 attempts left"
    assert failed in client.get(module.url).content.decode()
    assert failed in client.get(course.url).content.decode()
    assert failed in client.get(reverse("dashboard")).content.decode()

    submit(client, start_attempt(client, quiz), answers(quiz))
    for page_url in (module.url, course.url, reverse("dashboard")):
        assert "passed with 100%" in client.get(page_url).content.decode()


def test_the_course_resumes_at_the_quiz_once_the_lessons_are_read(client, learner, course, quiz):
    complete_lessons(client, quiz.get_parent())
    html = client.get(course.url).content.decode()
    assert f'<a class="button button--large" href="{quiz.url}">' in html
