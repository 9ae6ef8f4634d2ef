"""What a facilitator does for their class: an extra attempt, reminders, removing a member,
extending the class."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Membership
from learners.factories import LearnerProfileFactory
from learners.models import Role
from modules.models import LessonPage
from quizzes.models import ExtraAttempt, QuizPage
from tests.certificates.helpers import complete_module
from tests.concurrency import THREADS, all_at_once
from tests.quizzes.helpers import answers, start, start_attempt, submit

pytestmark = pytest.mark.django_db


def member(client, cohort, role=Role.POLICE, language="en"):
    profile = LearnerProfileFactory(role=role, preferred_language=language)
    client.force_login(profile.user)
    client.post(reverse("join_cohort", args=[cohort.join_code]))
    return profile.user


def test_a_facilitator_grants_a_member_who_used_up_a_quiz_another_attempt(
    client, cohort, facilitator, path_course
):
    learner = member(client, cohort)
    quiz = QuizPage.objects.descendant_of(path_course).filter(title="Foundations quiz").get()
    for lesson in LessonPage.objects.child_of(quiz.get_parent()):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    for _ in range(quiz.max_attempts):
        submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    assert start(client, quiz).status_code == 403

    client.force_login(facilitator)
    grant_url = reverse("cohorts:grant_attempt", args=[cohort.pk, learner.pk])
    page = client.get(reverse("cohorts:class", args=[cohort.pk])).content.decode()
    assert grant_url in page
    grant_form = page[page.index(grant_url) :].split("</form>")[0]
    assert 'name="csrfmiddlewaretoken"' in grant_form
    refused = client.post(grant_url, {"quiz_key": str(quiz.translation_key), "reason": ""})
    assert refused.status_code == 302 and not ExtraAttempt.objects.exists()
    client.post(grant_url, {"quiz_key": str(quiz.translation_key), "reason": "Ill on exam day."})

    grant = ExtraAttempt.objects.get()
    assert (grant.user, grant.granted_by, grant.reason) == (
        learner,
        facilitator,
        "Ill on exam day.",
    )
    client.post(grant_url, {"quiz_key": str(quiz.translation_key), "reason": "Again."})
    assert ExtraAttempt.objects.count() == 1  # they have an attempt left now
    client.force_login(learner)
    assert start(client, quiz).status_code == 302


def test_reminders_go_only_to_inactive_members_and_at_most_once_a_week(
    client, cohort, facilitator, path_course
):
    joined = timezone.now() - datetime.timedelta(days=30)
    with time_machine.travel(joined):
        idle = member(client, cohort, language="es")
        busy = member(client, cohort)
    client.force_login(busy)
    complete_module(client, path_course, "Foundations")  # busy, today
    client.force_login(facilitator)
    remind = reverse("cohorts:remind", args=[cohort.pk])

    client.post(remind, {"days": 7})
    assert [message.to for message in mail.outbox] == [[idle.email]]
    assert "Clase 2027-A" in mail.outbox[0].subject
    client.post(remind, {"days": 7})
    assert len(mail.outbox) == 1
    assert Membership.objects.get(user=busy).reminded_at is None
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        client.force_login(facilitator)
        client.post(remind, {"days": 7})
    # A week on, the first is due again, and the other has now been quiet for eight days.
    assert sorted(message.to[0] for message in mail.outbox[1:]) == sorted([idle.email, busy.email])


def test_a_facilitator_removes_a_member_and_extends_the_class(client, cohort, facilitator):
    learner = member(client, cohort)
    client.force_login(facilitator)

    client.post(reverse("cohorts:remove_member", args=[cohort.pk, learner.pk]))
    assert not Membership.objects.filter(user=learner).exists()
    client.post(reverse("cohorts:extend", args=[cohort.pk]), {"ends_on": "2030-12-31"})
    cohort.refresh_from_db()
    assert cohort.ends_on == datetime.date(2030, 12, 31)
    client.post(reverse("cohorts:extend", args=[cohort.pk]), {"ends_on": "1999-01-01"})
    cohort.refresh_from_db()
    assert cohort.ends_on == datetime.date(2030, 12, 31)


def test_a_cohort_path_is_the_path_its_members_follow(client, cohort, facilitator):
    cohort.path = Role.POLICE
    cohort.save()
    teacher = member(client, cohort, role=Role.TEACHERS)
    client.force_login(facilitator)

    (row,) = client.get(reverse("cohorts:class", args=[cohort.pk])).context["object_list"]

    assert row.membership.user == teacher
    assert row.path_label == "Path for police officers"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)")
def test_twenty_grants_at_once_give_one_extra_attempt(client, cohort, facilitator, path_course):
    learner = member(client, cohort)
    quiz = QuizPage.objects.descendant_of(path_course).filter(title="Foundations quiz").get()
    for lesson in LessonPage.objects.child_of(quiz.get_parent()):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    for _ in range(quiz.max_attempts):
        submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    grant_url = reverse("cohorts:grant_attempt", args=[cohort.pk, learner.pk])

    statuses = all_at_once(
        facilitator,
        lambda client: client.post(
            grant_url, {"quiz_key": str(quiz.translation_key), "reason": "Ill on exam day."}
        ),
    )

    assert statuses == {302: THREADS}
    assert ExtraAttempt.objects.filter(user=learner).count() == 1
