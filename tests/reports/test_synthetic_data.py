"""The scale data set: plausible learners whose rows agree with each other and the reports."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from certificates.issuing import issue_due_certificates
from certificates.models import Certificate
from learners import progress
from learners.models import COMPLETED, Enrolment, LessonCompletion
from learners.progress import LearnerRecord, progress_for_courses
from modules.models import LessonPage
from quizzes.models import QuestionResponse, QuizAttempt
from reports import synthetic
from tests.reports.helpers import rows

pytestmark = pytest.mark.django_db


def generate(**sizes):
    out = io.StringIO()
    call_command("generate_report_data", stdout=out, **sizes)
    return out.getvalue()


@pytest.fixture
def course(build_course):
    return build_course(modules=2, lessons=3, quiz=True)


def test_it_creates_the_learners_asked_for_with_consistent_rows(course, manager_client):
    output = generate(learners=300, completions=1200, attempts=250, seed=3)
    assert "300/300 learners" in output
    learners = get_user_model().objects.filter(username__startswith="synthetic-")
    assert learners.count() == 300
    completions = LessonCompletion.objects.filter(user__in=learners).count()
    assert 1000 < completions < 1400
    attempts = QuizAttempt.objects.filter(user__in=learners)
    assert 150 < attempts.count() <= 250
    # Every question of every attempt has a response row, with the options ticked.
    assert QuestionResponse.objects.count() == attempts.count() * 4
    for response in QuestionResponse.objects.select_related("attempt")[:50]:
        assert response.chosen_ids == sorted(response.attempt.answers[response.question_id])
    # A certificate for exactly the enrolments that completed, and those read every lesson.
    completed = Enrolment.objects.filter(completed_at__isnull=False)
    assert set(completed.values_list("user", flat=True)) == set(
        Certificate.objects.values_list("user", flat=True)
    )
    assert completed.exists()
    lessons = LessonPage.objects.descendant_of(course).count()
    for enrolment in completed[:20]:
        assert LessonCompletion.objects.filter(user=enrolment.user).count() == lessons
        assert attempts.filter(user=enrolment.user, passed=True).count() == 2
    (uptake,) = rows(manager_client, "uptake")
    assert (uptake.started, uptake.completed) == (Enrolment.objects.count(), completed.count())
    assert output.rstrip().endswith("s.")


def test_a_second_run_replaces_the_first(course):
    generate(learners=50, completions=150, attempts=40)
    generate(learners=50, completions=150, attempts=40)
    assert get_user_model().objects.filter(username__startswith="synthetic-").count() == 50


def test_it_needs_a_published_course(db):
    with pytest.raises(CommandError, match="load_demo_content"):
        generate(learners=10, completions=10, attempts=1)


def test_synthetic_learners_complete_a_course_by_the_rule_issuing_uses(course, manager_client):
    generate(learners=120, completions=500, attempts=120, seed=5)
    learners = get_user_model().objects.filter(username__startswith="synthetic-")

    complete = {
        user.pk
        for user in learners
        if progress_for_courses([course], LearnerRecord(user))[0].is_complete
    }

    completed = Enrolment.objects.filter(COMPLETED)
    assert set(completed.values_list("user", flat=True)) == complete
    assert complete
    (uptake,) = rows(manager_client, "uptake")
    assert uptake.completed == len(complete)


def test_issuing_and_the_synthetic_data_ask_the_same_function(course, monkeypatch):
    asked = []
    rule = progress.is_course_complete

    def counted(*args):
        asked.append(args)
        return rule(*args)

    monkeypatch.setattr(progress, "is_course_complete", counted)
    monkeypatch.setattr(synthetic, "is_course_complete", counted)
    generate(learners=20, completions=60, attempts=20, seed=1)
    from_synthetic = len(asked)
    issue_due_certificates(get_user_model().objects.filter(username__startswith="synth").first())

    assert from_synthetic > 0
    assert len(asked) > from_synthetic
