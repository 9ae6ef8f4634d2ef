import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.urls import reverse

from learners.factories import LearnerProfileFactory
from learners.models import Enrolment, LearnerProfile, LessonCompletion
from modules.models import LessonPage
from quizzes.factories import ExtraAttemptFactory
from quizzes.models import ExtraAttempt, QuizAttempt, QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_with_progress(client, build_course):
    profile = LearnerProfileFactory(full_name="José Ñúñez")
    client.force_login(profile.user)
    course = build_course(lessons=2, quiz=True)
    for lesson in LessonPage.objects.descendant_of(course):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    client.post(reverse("quiz_start", args=[QuizPage.objects.descendant_of(course).get().pk]))
    return profile.user


def test_the_exported_json_holds_every_row_the_learner_owns(client, learner_with_progress):
    other = LearnerProfileFactory().user
    LessonCompletion.objects.create(
        user=other, lesson_key=LessonPage.objects.first().translation_key, language_code="en"
    )

    response = client.get(reverse("download_data"))
    data = json.loads(response.content)

    assert response["Content-Disposition"].startswith("attachment")
    assert data["profile"]["full_name"] == "José Ñúñez"
    assert data["account"]["email"] == learner_with_progress.email
    assert {row["lesson_key"] for row in data["lesson_completions"]} == {
        str(key)
        for key in LessonCompletion.objects.filter(user=learner_with_progress).values_list(
            "lesson_key", flat=True
        )
    }
    assert len(data["lesson_completions"]) == 2
    assert [attempt["number"] for attempt in data["quiz_attempts"]] == [1]
    assert [course["completed_at"] for course in data["courses"]] == [None]


def test_deleting_the_account_leaves_no_personal_data(client, learner_with_progress):
    response = client.post(reverse("delete_account"), {"password": "a-long-test-password"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=learner_with_progress.pk).exists()
    assert not LearnerProfile.objects.exists()
    assert not LessonCompletion.objects.exists()
    assert not QuizAttempt.objects.exists()
    assert not Enrolment.objects.exists()
    assert not EmailAddress.objects.filter(email=learner_with_progress.email).exists()
    assert not any(
        session.get_decoded().get("_auth_user_id") == str(learner_with_progress.pk)
        for session in Session.objects.all()
    )


def test_a_wrong_password_deletes_nothing(client, learner_with_progress):
    response = client.post(reverse("delete_account"), {"password": "not-it"})

    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert LessonCompletion.objects.filter(user=learner_with_progress).count() == 2


def test_privacy_pages_need_a_log_in(client):
    for name in ("download_data", "delete_account", "dashboard", "profile"):
        assert client.get(reverse(name)).status_code == 302


def test_extra_attempts_granted_are_exported_and_erased_with_the_account(
    client, learner_with_progress
):
    manager = LearnerProfileFactory().user
    quiz = QuizPage.objects.get()
    ExtraAttemptFactory(
        user=learner_with_progress, quiz_key=quiz.translation_key, granted_by=manager
    )
    ExtraAttemptFactory(user=manager, quiz_key=quiz.translation_key)

    data = json.loads(client.get(reverse("download_data")).content)
    assert data["extra_attempts"] == [
        {
            "quiz_key": str(quiz.translation_key),
            "reason": "Was ill on the day of the last attempt.",
            "granted_at": ExtraAttempt.objects.get(
                user=learner_with_progress
            ).granted_at.isoformat(),
        }
    ]

    client.post(reverse("delete_account"), {"password": "a-long-test-password"})
    assert list(ExtraAttempt.objects.values_list("user", flat=True)) == [manager.pk]
