import pytest
from django.contrib.auth.signals import user_logged_in
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from certificates.issuing import reissue, revoke
from certificates.models import Certificate
from learners import receivers
from learners.factories import LearnerProfileFactory, UserFactory
from learners.models import LearnerProfile
from modules.models import LessonPage
from quizzes.models import QuizPage
from tests.quizzes.helpers import answers, start_attempt, submit

from .helpers import complete_course, complete_lessons

pytestmark = pytest.mark.django_db


def test_completing_the_last_lesson_issues_one_certificate(
    client, learner, build_course, django_capture_on_commit_callbacks
):
    course = build_course(modules=2, lessons=2)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons[:-1]:
            client.post(reverse("complete_lesson", args=[lesson.pk]))
        assert not Certificate.objects.exists()
        client.post(reverse("complete_lesson", args=[lessons[-1].pk]))
        client.post(reverse("complete_lesson", args=[lessons[-1].pk]))
        client.force_login(learner)  # logging in again checks every course

    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.course_key) == (learner, course.translation_key)
    assert (certificate.full_name, certificate.language_code) == ("José Ñúñez", "es")
    assert len(mail.outbox) == 1


def test_passing_the_last_quiz_issues_the_certificate(client, learner, course):
    quiz = QuizPage.objects.descendant_of(course).get()
    complete_lessons(client, course)
    assert not Certificate.objects.exists()

    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    assert not Certificate.objects.exists()
    submit(client, start_attempt(client, quiz), answers(quiz))
    assert Certificate.objects.filter(user=learner).count() == 1


def test_the_email_is_sent_once_in_the_learners_language(
    client, learner, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(client, course)
    certificate = Certificate.objects.get()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert message.subject.startswith("Su certificado")
    assert f"/es/certificates/{certificate.code}/" in message.body
    assert f"/es/certificates/verify/{certificate.code}/" in message.body
    assert certificate.grouped_code in message.body
    assert "José Ñúñez" in message.body


def test_a_last_lesson_read_after_passing_the_quiz_issues_the_certificate(client, learner, course):
    quiz = QuizPage.objects.descendant_of(course).get()
    first, last = LessonPage.objects.descendant_of(course).order_by("path")
    client.post(reverse("complete_lesson", args=[first.pk]))
    submit(client, start_attempt(client, quiz), answers(quiz))
    assert not Certificate.objects.exists()

    client.post(reverse("complete_lesson", args=[last.pk]))

    assert Certificate.objects.filter(user=learner).count() == 1


def test_lessons_read_in_a_translation_complete_the_course(
    client, learner, build_course, locales, translate_tree
):
    course = build_course(modules=2, lessons=2)
    translate_tree(course, "es")
    spanish = LessonPage.objects.descendant_of(course.get_translation(locales["es"]))

    for lesson in spanish.order_by("path"):
        assert not Certificate.objects.exists()
        client.post(reverse("complete_lesson", args=[lesson.pk]))

    certificate = Certificate.objects.get(user=learner)
    assert certificate.course_key == course.translation_key


def test_a_completion_that_leaves_its_module_unfinished_checks_no_certificate(
    client, learner, build_course, django_assert_max_num_queries
):
    course = build_course(modules=2, lessons=3)
    first, second, third = LessonPage.objects.descendant_of(course).order_by("path")[:3]
    client.post(reverse("complete_lesson", args=[first.pk]))  # warms the kept structure

    # The user, the lesson, the completion and its enrolment in one transaction, then the
    # learner's completions: the module is not finished, so no course is checked.
    with django_assert_max_num_queries(8):
        response = client.post(reverse("complete_lesson", args=[second.pk]))

    assert response.url == third.url


def test_a_learner_who_has_not_finished_gets_nothing(client, learner, course):
    complete_lessons(client, course)
    client.force_login(learner)
    assert not Certificate.objects.exists()


def test_a_revoked_certificate_is_not_issued_again_by_itself(client, learner, course):
    complete_course(client, course)
    revoke(Certificate.objects.get(), "Completed by someone else.")
    client.force_login(learner)
    assert Certificate.objects.count() == 1
    assert Certificate.objects.valid().count() == 0


def test_reissuing_revokes_the_old_code_and_keeps_the_date(client, learner, course):
    complete_course(client, course)
    old = Certificate.objects.get()
    new = reissue(old, "José Núñez Pérez")
    old.refresh_from_db()
    assert old.is_revoked and not new.is_revoked
    assert new.code != old.code
    assert (new.full_name, new.issued_at) == ("José Núñez Pérez", old.issued_at)


def test_a_replaced_code_says_so_without_the_old_name(client, learner, course):
    complete_course(client, course)
    old = Certificate.objects.get()
    new = reissue(old, "José Núñez Pérez")

    html = Client().get(reverse("verify_certificate", args=[old.code])).content.decode()

    assert "replaced on" in html and "by a corrected one" in html
    assert old.full_name not in html
    assert Certificate.objects.get(pk=old.pk).replaced_by == new
    assert "José Núñez Pérez" in Client().get(reverse("verify_certificate", args=[new.code])).text


def test_the_certificate_waits_for_the_name_to_print(client, course):
    user = UserFactory()
    client.force_login(user)
    complete_course(client, course)
    assert not Certificate.objects.exists()

    LearnerProfileFactory(user=user, full_name="Łukasz Wójcik")
    assert Certificate.objects.get().full_name == "Łukasz Wójcik"


def test_lessons_read_before_logging_in_count_towards_the_certificate(build_course):
    course = build_course(modules=1, lessons=2)
    profile = LearnerProfileFactory()
    reader = Client()
    complete_lessons(reader, course)
    assert not Certificate.objects.exists()

    reader.post(
        reverse("account_login"), {"login": profile.user.email, "password": "a-long-test-password"}
    )
    assert Certificate.objects.get().user == profile.user


def test_lessons_read_before_logging_in_count_whatever_order_log_in_receivers_run_in(
    build_course,
):
    """Every other log-in receiver now runs before the one that merges the session's lessons."""
    course = build_course(modules=1, lessons=2)
    profile = LearnerProfileFactory()
    reader = Client()
    complete_lessons(reader, course)
    merge = receivers.keep_what_was_done_before_logging_in
    user_logged_in.disconnect(dispatch_uid="merge_session")
    user_logged_in.connect(merge, dispatch_uid="merge_session")
    try:
        reader.post(
            reverse("account_login"),
            {"login": profile.user.email, "password": "a-long-test-password"},
        )
    finally:
        user_logged_in.disconnect(dispatch_uid="merge_session")
        receivers.connect()

    assert Certificate.objects.get().user == profile.user


def test_one_valid_certificate_per_learner_and_course_is_a_database_rule(client, learner, course):
    complete_course(client, course)
    certificate = Certificate.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            user=learner,
            course_key=certificate.course_key,
            full_name="Someone",
            language_code="en",
        )


def test_the_profile_name_is_only_read_at_issue(client, learner, course):
    complete_course(client, course)
    LearnerProfile.objects.filter(user=learner).update(full_name="Another Name")
    assert Certificate.objects.get().full_name == "José Ñúñez"
