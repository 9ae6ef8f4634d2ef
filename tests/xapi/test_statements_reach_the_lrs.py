import datetime
import json
import uuid

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from learners.factories import LearnerProfileFactory
from modules.models import CoursePage, LessonPage
from quizzes.models import QuizPage
from tests.quizzes.helpers import answers, start_attempt, submit
from xapi.models import Statement
from xapi.statements import actor

from .conftest import run_the_worker, worker_commits

VERB = "http://adlnet.gov/expapi/verbs/"
LANGUAGES = {"en", "es", "pt", "fr"}


@pytest.fixture
def course(build_course, translate_tree):
    course = build_course(modules=1, lessons=2, quiz=True)
    for language in ["es", "pt", "fr"]:
        translate_tree(course, language)
    return course


@pytest.fixture
def learner_client():
    profile = LearnerProfileFactory(preferred_language="en")
    client = Client()
    client.force_login(profile.user)
    client.user = profile.user
    return client


def in_language(page, language):
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


def take_the_course(client, course):
    """Open the first lesson in Spanish, complete both lessons (the second in French), fail the
    quiz once, then pass it: the course is complete."""
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    quiz = QuizPage.objects.descendant_of(course).get()
    assert client.get(in_language(first, "es").url).status_code == 200
    client.post(reverse("complete_lesson", args=[in_language(first, "es").pk]))
    client.post(reverse("complete_lesson", args=[in_language(second, "fr").pk]))
    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    submit(client, start_attempt(client, quiz), answers(quiz))


def verbs(statements):
    return [statement["verb"]["id"].removeprefix(VERB) for statement in statements]


def by_time(statements):
    return sorted(statements, key=lambda statement: statement["timestamp"])


@worker_commits
def test_a_learners_lessons_quiz_and_path_reach_the_lrs_as_valid_statements(
    lrs, course, learner_client, django_capture_on_commit_callbacks
):
    take_the_course(learner_client, course)
    assert lrs.statements() == []  # nothing leaves inside a request

    run_the_worker()
    stored = by_time(lrs.statements())

    assert verbs(stored) == [
        *("launched", "completed", "completed"),
        *("attempted", "failed", "attempted", "passed"),
        "completed",
    ]
    assert {row.id for row in Statement.objects.all()} == {
        uuid.UUID(statement["id"]) for statement in stored
    }
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}
    assert lrs.invalid(stored) == []


@worker_commits
def test_statements_name_activities_in_four_languages_by_one_id_and_the_learner_by_no_e_mail(
    lrs, course, learner_client
):
    take_the_course(learner_client, course)
    run_the_worker()
    launched, first, second, attempted, failed, _, passed, path = by_time(lrs.statements())
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()

    # The lesson opened in Spanish and completed in Spanish is one activity, named in all four.
    assert launched["object"]["id"] == first["object"]["id"]
    assert str(lesson.translation_key) in first["object"]["id"]
    assert first["object"]["definition"]["name"] == {
        "en": lesson.title,
        **{language: f"{lesson.title} [{language}]" for language in ["es", "pt", "fr"]},
    }
    assert first["context"]["language"] == "es" and second["context"]["language"] == "fr"
    assert first["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/lesson"
    assert set(first["verb"]["display"]) == LANGUAGES
    assert first["result"] == {"completion": True}
    grouping = first["context"]["contextActivities"]["grouping"][0]["id"]
    assert str(course.translation_key) in grouping

    # The quiz: a fail and a pass, each with its score and how long the attempt took.
    assert failed["result"]["success"] is False and passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert passed["result"]["duration"].startswith("PT")
    assert attempted["object"]["id"] == passed["object"]["id"]
    assert attempted["object"]["definition"]["type"].endswith("/assessment")

    # The path: the whole course, named with the path in each language.
    assert str(course.translation_key) in path["object"]["id"]
    assert set(path["object"]["definition"]["name"]) == LANGUAGES
    assert path["result"] == {"completion": True, "success": True}

    # The learner: an account on this site under an opaque name, the same in every statement.
    user = learner_client.user
    everything = json.dumps(lrs.statements())
    assert user.email not in everything and user.username not in everything
    actors = {json.dumps(statement["actor"], sort_keys=True) for statement in lrs.statements()}
    assert actors == {json.dumps(actor(user), sort_keys=True)}
    assert actor(user)["account"]["homePage"] == "http://testserver"
    assert len(actor(user)["account"]["name"]) == 64


@worker_commits
def test_with_the_lrs_down_statements_wait_and_arrive_once_when_it_is_back(
    lrs, course, learner_client
):
    lrs.stop()
    take_the_course(learner_client, course)

    run_the_worker()  # the LRS does not answer: every statement stays, another try is queued
    pending = Statement.objects.filter(status="pending")
    assert pending.count() == 8 == Statement.objects.count()
    assert set(pending.values_list("attempts", flat=True)) == {1}
    assert DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.ready().exists()  # …later, not now

    lrs.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_the_worker()

    stored = lrs.statements()
    assert len(stored) == 8
    assert {statement["id"] for statement in stored} == {
        str(pk) for pk in Statement.objects.values_list("pk", flat=True)
    }
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}


@worker_commits
def test_a_statement_posted_again_is_stored_once(lrs, course, learner_client):
    """The LRS took a batch but its answer was lost: the same statements go again."""
    take_the_course(learner_client, course)
    run_the_worker()
    Statement.objects.update(status="pending")

    from xapi.delivery import deliver_statements

    deliver_statements.enqueue()
    run_the_worker()

    assert len(lrs.statements()) == 8
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}


@worker_commits
def test_a_statement_the_lrs_refuses_is_kept_aside_and_the_others_still_go(
    lrs, course, learner_client
):
    take_the_course(learner_client, course)
    broken = Statement.objects.order_by("created_at").first()
    broken.data["actor"] = {"objectType": "Agent", "name": "nobody in particular"}
    broken.save()

    run_the_worker()

    broken.refresh_from_db()
    assert broken.status == "refused" and broken.last_error.startswith("422")
    assert len(lrs.statements()) == 7
    assert Statement.objects.filter(status="sent").count() == 7


@pytest.mark.django_db
def test_without_an_lrs_nothing_is_stored_or_queued(course, learner_client, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    take_the_course(learner_client, course)
    assert not Statement.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_the_operator_may_send_the_learners_e_mail_instead(
    course, learner_client, settings, django_capture_on_commit_callbacks
):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    settings.XAPI_ACTOR_EMAIL = True
    take_the_course(learner_client, course)
    actors = {json.dumps(row.data["actor"]) for row in Statement.objects.all()}
    assert actors == {json.dumps({"objectType": "Agent", "mbox": f"mailto:{learner_client.user.email}"})}


@pytest.mark.django_db
def test_an_activity_id_leads_to_the_page_in_the_readers_language(client, course):
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    url = reverse("xapi_activity", args=["lesson", lesson.translation_key])
    path_url = reverse("xapi_activity", args=["path", course.translation_key, "all"])

    assert client.get(url, HTTP_ACCEPT_LANGUAGE="pt").url == in_language(lesson, "pt").url
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de").url == lesson.url
    assert client.get(path_url).url == CoursePage.objects.get(pk=course.pk).url
    unknown = url.replace(str(lesson.translation_key), str(uuid.uuid4()))
    assert client.get(unknown, follow=True).status_code == 404
