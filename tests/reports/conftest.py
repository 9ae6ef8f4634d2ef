"""A small course and three learners whose figures are worked out by hand in the tests.

| learner | role, country | language | what they did |
|---|---|---|---|
| Ana | teachers, UY | es | 10 Jan: lesson 1; 12 Jan: lesson 2; 14 Jan: quiz passed (certificate) |
| Bruno | police, BR | pt | 1 Feb: lesson 1; 2 Feb: quiz failed |
| Chloé | teachers, FR | fr | 3 Feb: both lessons; 5 Feb: quiz failed; 13 Feb: quiz passed |
| Dana | other, UY | – | signed up, did nothing |

Everything goes through the real views at those dates, so the enrolments, responses and
certificates the reports count are the ones the product writes. Ana's certificate is revoked on
2 March.
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from certificates.issuing import revoke
from certificates.models import Certificate
from learners.factories import LearnerProfileFactory, UserFactory
from learners.models import Role
from modules.models import HomePage, LessonPage
from quizzes.models import QuizPage
from tests.conftest import build_tree, translate
from tests.quizzes.helpers import answers, start_attempt, submit


def at(day):
    return time_machine.travel(
        datetime.datetime(2026, *day, 12, 0, tzinfo=datetime.UTC), tick=False
    )


def translated(page, language):
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


def complete_lesson(client, lesson, language):
    with translation.override(language):
        client.post(reverse("complete_lesson", args=[translated(lesson, language).pk]))


def take_quiz(client, quiz, language, right):
    page = translated(quiz, language)
    submit(client, start_attempt(client, page, language), answers(page, right), language)


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """Built once per test module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        data = build_dataset()
        yield data
        transaction.set_rollback(True)


def build_dataset():
    english_home = HomePage.objects.get(locale__language_code="en")
    course = build_tree(english_home, modules=1, lessons=2, quiz=True)
    for language in ("es", "pt", "fr"):
        translate(english_home, course, language)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    quiz = QuizPage.objects.descendant_of(course).get()

    def learner(name, role, country, language, joined):
        with at(joined):
            profile = LearnerProfileFactory(
                full_name=name,
                role=role,
                country=country,
                preferred_language=language,
                user=UserFactory(username=name.lower()),
            )
        client = Client()
        client.force_login(profile.user)
        return client

    ana = learner("Ana", Role.TEACHERS, "UY", "es", (1, 5))
    bruno = learner("Bruno", Role.POLICE, "BR", "pt", (1, 20))
    chloe = learner("Chloé", Role.TEACHERS, "FR", "fr", (2, 2))
    learner("Dana", Role.OTHER, "UY", "es", (2, 10))
    with at((1, 10)):
        complete_lesson(ana, lessons[0], "es")
    with at((1, 12)):
        complete_lesson(ana, lessons[1], "es")
    with at((1, 14)):
        take_quiz(ana, quiz, "es", right=True)
    with at((2, 1)):
        complete_lesson(bruno, lessons[0], "pt")
    with at((2, 2)):
        take_quiz(bruno, quiz, "pt", right=False)
    with at((2, 3)):
        complete_lesson(chloe, lessons[0], "fr")
        complete_lesson(chloe, lessons[1], "fr")
    with at((2, 5)):
        take_quiz(chloe, quiz, "fr", right=False)
    with at((2, 13)):
        take_quiz(chloe, quiz, "fr", right=True)
    with at((3, 2)):
        revoke(Certificate.objects.get(user__username="ana"), "Issued in error.")
    return {"course": course, "quiz": quiz, "lessons": lessons}


@pytest.fixture
def manager(db):
    user = UserFactory(username="manager")
    user.groups.add(Group.objects.get(name="Course managers"))
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client
