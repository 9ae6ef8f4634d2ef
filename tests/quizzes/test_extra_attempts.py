"""A learner who used up a quiz's attempts gets another one when a course manager grants it from
the admin, with a reason."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from learners.factories import LearnerProfileFactory, UserFactory
from quizzes.factories import ExtraAttemptFactory
from quizzes.models import ExtraAttempt, QuizAttempt, QuizState

from .helpers import answers, start, start_attempt, submit, url

pytestmark = pytest.mark.django_db

GRANTED = "Your course manager has granted you an extra attempt at this quiz."
SECRETS = ["a right answer", "Why:", "Explanation A.", "Feedback A1."]


@pytest.fixture
def manager(django_user_model):
    """A member of the "Course managers" group the migrations create, logged in to the admin."""
    user = UserFactory(username="manager", first_name="Marta", last_name="Gómez")
    user.groups.add(Group.objects.get(name="Course managers"))
    browser = Client()
    browser.force_login(user)
    browser.user = user
    return browser


@pytest.fixture
def used_up(client, learner, quiz):
    """The learner has failed every allowed attempt; returns the last one."""
    for _ in range(quiz.max_attempts):
        attempt = start_attempt(client, quiz)
        submit(client, attempt, answers(quiz, right=False))
    return attempt


def grant(browser, learner, quiz, reason="Was ill on the day of the last attempt."):
    return browser.post(
        reverse("extra_attempts:add"),
        {"learner": learner, "quiz": str(quiz.translation_key), "reason": reason},
    )


@pytest.mark.parametrize(
    "max_attempts, granted, used, left, may_see_answers",
    [
        (3, 0, 3, 0, True),
        (3, 1, 3, 1, False),
        (3, 1, 4, 0, True),
        (3, 2, 4, 1, False),
        (1, 1, 1, 1, False),
        (0, 0, 5, None, False),
    ],
)
def test_attempts_left_count_the_granted_ones(max_attempts, granted, used, left, may_see_answers):
    attempts = [
        QuizAttempt(number=n, submitted_at="2026-01-01", passed=False, score=0)
        for n in range(1, used + 1)
    ]
    for attempt in attempts:
        attempt.extra_attempts = granted  # as QuizAttempt.objects.with_extra_attempts() reads it
    state = QuizState(attempts, max_attempts)
    assert state.attempts_left == left
    assert state.may_see_answers is may_see_answers
    assert state.can_start is bool(left is None or left)


def test_a_learner_who_used_up_their_attempts_is_refused_another(client, quiz, used_up):
    response = start(client, quiz)
    assert response.status_code == 403
    html = response.content.decode()
    assert "You have used all 3 attempts at this quiz." in html
    assert "ask your course manager if you need another attempt" in html
    assert QuizAttempt.objects.count() == 3


def test_a_course_manager_grants_an_attempt_and_the_learner_takes_it(
    client, learner, quiz, used_up, manager
):
    assert manager.get(reverse("extra_attempts:add")).status_code == 200
    response = grant(manager, learner.email.upper(), quiz)
    assert response.status_code == 302
    extra = ExtraAttempt.objects.get()
    assert (extra.user, extra.quiz_key, extra.granted_by) == (
        learner,
        quiz.translation_key,
        manager.user,
    )

    page = client.get(quiz.url).content.decode()
    assert GRANTED in page and "1 attempt left." in page
    assert "1 attempt left" in client.get(quiz.get_parent().url).content.decode()

    attempt = start_attempt(client, quiz)
    assert attempt.number == 4
    assert submit(client, attempt, answers(quiz)).status_code == 302
    attempt.refresh_from_db()
    assert attempt.passed
    assert "You passed this quiz with 100%." in client.get(quiz.url).content.decode()

    listing = manager.get(reverse("extra_attempts:index")).content.decode()
    for text in (learner.email, quiz.title, extra.reason, "Marta Gómez"):
        assert text in listing
    exported = json.loads(client.get(reverse("download_data")).content)["extra_attempts"]
    assert [grant["reason"] for grant in exported] == [extra.reason]


def test_a_granters_account_can_go_and_the_grant_stays(learner, quiz, used_up, manager):
    grant(manager, learner.email, quiz)
    manager.user.delete()
    extra = ExtraAttempt.objects.get()
    assert (extra.user, extra.granted_by) == (learner, None)


def test_a_granted_attempt_is_used_once(client, learner, quiz, used_up):
    ExtraAttemptFactory(user=learner, quiz_key=quiz.translation_key)
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))

    response = start(client, quiz)
    assert response.status_code == 403
    assert "You have used all 4 attempts at this quiz." in response.content.decode()
    assert GRANTED not in client.get(quiz.url).content.decode()


def test_the_learner_is_found_by_username_too(learner, quiz, used_up, manager):
    assert grant(manager, learner.username, quiz).status_code == 302
    assert ExtraAttempt.objects.get().user == learner


def test_answers_stay_hidden_while_the_granted_attempt_remains(
    client, learner, quiz, used_up, manager
):
    last = url("quiz_attempt", used_up.pk)
    assert "a right answer" in client.get(last).content.decode()

    grant(manager, learner.email, quiz)
    held_back = client.get(last).content.decode()
    assert not [text for text in SECRETS if text in held_back]
    assert "shown once you pass, or once you have no attempts left" in held_back

    granted = start_attempt(client, quiz)
    submit(client, granted, answers(quiz, right=False))
    assert "a right answer" in client.get(url("quiz_attempt", granted.pk)).content.decode()


@pytest.mark.parametrize(
    "field, message",
    [
        ({"reason": ""}, "This field is required."),
        ({"reason": "   "}, "This field is required."),
        ({"learner": "nobody@example.com"}, "No learner has this username or e-mail address."),
        ({"learner": ""}, "This field is required."),
        ({"quiz": "00000000-0000-0000-0000-000000000000"}, "Select a valid choice."),
    ],
)
def test_an_invalid_grant_is_refused_with_a_clear_error(
    learner, quiz, used_up, manager, field, message
):
    data = {"learner": learner.email, "quiz": str(quiz.translation_key), "reason": "Ill."}
    response = manager.post(reverse("extra_attempts:add"), {**data, **field})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExtraAttempt.objects.exists()


def test_a_learner_with_attempts_left_or_a_pass_is_not_granted_one(client, learner, quiz, manager):
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    response = grant(manager, learner.email, quiz)
    assert response.status_code == 400
    assert "This learner still has attempts left at this quiz." in response.content.decode()

    submit(client, start_attempt(client, quiz), answers(quiz))
    response = grant(manager, learner.email, quiz)
    assert response.status_code == 400
    assert "This learner has already passed this quiz." in response.content.decode()
    assert not ExtraAttempt.objects.exists()


def test_a_quiz_without_a_limit_needs_no_grant(client, learner, quiz, manager):
    quiz.max_attempts = 0
    quiz.save_revision().publish()
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    response = grant(manager, learner.email, quiz)
    assert response.status_code == 400
    assert "This quiz has no limit on attempts." in response.content.decode()


def test_staff_without_the_permission_are_refused(learner, quiz, used_up, django_user_model):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    browser = Client()
    browser.force_login(editor)
    assert browser.get(reverse("extra_attempts:index")).status_code == 403
    assert browser.get(reverse("extra_attempts:add")).status_code == 403
    assert grant(browser, learner.email, quiz).status_code == 403

    other_learner = Client()
    other_learner.force_login(LearnerProfileFactory().user)
    assert grant(other_learner, learner.email, quiz).status_code == 302  # to the admin's log-in
    assert not ExtraAttempt.objects.exists()


def test_grants_are_a_record_never_edited(learner, quiz, used_up, manager):
    grant(manager, learner.email, quiz)
    extra = ExtraAttempt.objects.get()
    edit = reverse("extra_attempts:edit", args=[extra.pk])
    assert manager.post(edit, {"reason": "Changed."}).status_code == 403
    assert manager.post(reverse("extra_attempts:delete", args=[extra.pk])).status_code == 403
    extra.refresh_from_db()
    assert extra.reason == "Was ill on the day of the last attempt."
