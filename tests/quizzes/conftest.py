import pytest

from quizzes.models import QuizPage


@pytest.fixture
def course(build_course):
    return build_course(modules=2, lessons=2, quiz=True)


@pytest.fixture
def quiz(course):
    return QuizPage.objects.descendant_of(course).order_by("path").first()
