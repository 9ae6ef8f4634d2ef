from django.urls import reverse

from learners.factories import LearnerProfileFactory
from modules.models import LessonPage
from quizzes.models import QuizPage
from tests.quizzes.helpers import answers, start_attempt, submit


def complete_lessons(client, course):
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        client.post(reverse("complete_lesson", args=[lesson.pk]))


def pass_quizzes(client, course):
    for quiz in QuizPage.objects.descendant_of(course).order_by("path"):
        submit(client, start_attempt(client, quiz), answers(quiz))


def complete_course(client, course):
    complete_lessons(client, course)
    pass_quizzes(client, course)


def log_in(client, role):
    profile = LearnerProfileFactory(role=role, preferred_language="en")
    client.force_login(profile.user)
    return profile.user


def complete_module(client, course, title):
    module = course.get_children().get(title=title)
    for lesson in LessonPage.objects.child_of(module).order_by("path"):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    quiz = QuizPage.objects.child_of(module).get()
    submit(client, start_attempt(client, quiz), answers(quiz))
