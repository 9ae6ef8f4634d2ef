"""What the learning record store receives when a learner takes a course: real views, the real
queue's worker, a real LRS (ralph) read back through its xAPI API."""

import json
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.privacy import learner_data
from modules.models import CoursePage, LessonPage
from modules.paths import WHOLE_COURSE
from tests.queue import run_the_worker, worker_commits
from xapi.models import Statement
from xapi.statements import actor

from .helpers import COURSE_VERBS, by_time, in_language, take_the_course, verbs

LANGUAGES = {"en", "es", "pt", "fr"}


@pytest.fixture
def translated_course(course, translate_tree):
    for language in ["es", "pt", "fr"]:
        translate_tree(course, language)
    return course


@worker_commits
def test_lessons_a_quiz_and_the_path_reach_the_lrs_as_valid_statements(lrs, course, learner_client):
    take_the_course(learner_client, course)
    assert lrs.statements() == []  # nothing leaves inside a request

    run_the_worker()
    stored = by_time(lrs.statements())

    assert verbs(stored) == COURSE_VERBS
    assert {uuid.UUID(statement["id"]) for statement in stored} == set(
        Statement.objects.values_list("pk", flat=True)
    )
    assert set(Statement.objects.values_list("status", flat=True)) == {"sent"}
    assert lrs.invalid(stored) == []


@worker_commits
def test_activities_keep_one_id_in_every_language_and_are_named_in_all_four(
    lrs, translated_course, learner_client
):
    course = translated_course
    take_the_course(learner_client, course, languages=("es", "fr"))
    run_the_worker()
    stored = by_time(lrs.statements())
    launched, first, second, attempted, failed, _, passed, path = stored
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()

    assert verbs(stored) == COURSE_VERBS
    assert launched["object"]["id"] == first["object"]["id"]
    assert first["object"]["id"].endswith(f"/xapi/activities/lesson/{lesson.translation_key}/")
    assert first["object"]["definition"] == {
        "type": "http://adlnet.gov/expapi/activities/lesson",
        "name": {
            "en": lesson.title,
            **{language: f"{lesson.title} [{language}]" for language in ["es", "pt", "fr"]},
        },
    }
    assert (first["context"]["language"], second["context"]["language"]) == ("es", "fr")
    assert all(set(statement["verb"]["display"]) == LANGUAGES for statement in stored)
    assert first["result"] == {"completion": True}
    course_id = first["context"]["contextActivities"]["grouping"][0]["id"]
    assert course_id.endswith(f"/course/{course.translation_key}/")

    assert attempted["object"]["id"] == failed["object"]["id"] == passed["object"]["id"]
    assert (
        passed["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment"
    )
    assert set(passed["object"]["definition"]["name"]) == LANGUAGES

    assert path["object"]["id"].endswith(f"/path/{course.translation_key}/{WHOLE_COURSE}/")
    assert path["object"]["definition"]["name"]["en"] == f"{course.title} — The whole course"
    assert set(path["object"]["definition"]["name"]) == LANGUAGES
    assert path["result"] == {"completion": True, "success": True}
    assert lrs.invalid(stored) == []


@worker_commits
def test_a_quiz_result_carries_its_score_success_and_duration(lrs, course, learner_client):
    take_the_course(learner_client, course)
    run_the_worker()
    failed, passed = [s for s in lrs.statements() if s["verb"]["id"].endswith(("passed", "failed"))]

    assert failed["result"]["score"] == {"scaled": 0.0, "raw": 0, "min": 0, "max": 100}
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert (failed["result"]["success"], passed["result"]["success"]) == (False, True)
    assert passed["result"]["completion"] is True
    assert passed["result"]["duration"].startswith("PT0H0M")


@worker_commits
def test_the_learner_is_an_opaque_account_on_this_site_never_their_e_mail(
    lrs, course, learner_client
):
    take_the_course(learner_client, course)
    run_the_worker()
    stored = lrs.statements()
    user = learner_client.user

    everything = json.dumps(stored)
    assert user.email not in everything and user.username not in everything
    assert {json.dumps(statement["actor"], sort_keys=True) for statement in stored} == {
        json.dumps(actor(user), sort_keys=True)
    }
    assert actor(user)["account"]["homePage"] == "http://testserver"
    assert len(actor(user)["account"]["name"]) == 64


@pytest.mark.django_db
def test_the_operator_may_send_the_learners_e_mail_instead(course, learner_client, settings):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    settings.XAPI_ACTOR_EMAIL = True
    take_the_course(learner_client, course)
    mbox = f"mailto:{learner_client.user.email}"
    assert [row.data["actor"] for row in Statement.objects.all()] == [
        {"objectType": "Agent", "mbox": mbox}
    ] * len(COURSE_VERBS)


@pytest.mark.django_db
def test_an_anonymous_reader_sends_nothing(client, course, settings):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    lesson = LessonPage.objects.descendant_of(course).first()
    client.get(lesson.url)
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    assert not Statement.objects.exists()


@pytest.mark.django_db
def test_an_activity_id_leads_to_the_page_in_the_readers_language(client, translated_course):
    course = translated_course
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    url = reverse("xapi_activity", args=["lesson", lesson.translation_key])
    path_url = reverse("xapi_activity", args=["path", course.translation_key, WHOLE_COURSE])
    unknown = url.replace(str(lesson.translation_key), str(uuid.uuid4()))

    assert Client().get(url, HTTP_ACCEPT_LANGUAGE="pt").url == in_language(lesson, "pt").url
    assert Client().get(url, HTTP_ACCEPT_LANGUAGE="de").url == lesson.url
    assert client.get(path_url).url == CoursePage.objects.get(pk=course.pk).url
    assert client.get(unknown, follow=True).status_code == 404


@pytest.mark.django_db
def test_the_learners_statements_are_in_their_export_and_go_with_their_account(
    course, learner_client, settings
):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    take_the_course(learner_client, course)
    exported = learner_data(learner_client.user)["xapi_statements"]

    assert [row["verb"].rsplit("/", 1)[1] for row in exported] == COURSE_VERBS
    assert {row["status"] for row in exported} == {"pending"}
    learner_client.user.delete()
    assert not Statement.objects.exists()


@pytest.mark.django_db
def test_a_lesson_opened_costs_no_query_more_without_an_lrs_and_five_with_one(
    course, learner_client, settings, django_capture_on_commit_callbacks
):
    lesson = LessonPage.objects.descendant_of(course).first()
    learner_client.get(lesson.url)  # routes and fragments are remembered from now on
    settings.XAPI_LRS_ENDPOINT = ""
    with CaptureQueriesContext(connection) as without:
        learner_client.get(lesson.url)
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI/"
    with CaptureQueriesContext(connection) as with_lrs:
        with django_capture_on_commit_callbacks(execute=True):
            learner_client.get(lesson.url)

    # The lesson's language and titles, its module and course, the statement, the queued task.
    assert len(with_lrs) - len(without) == 5
    assert Statement.objects.count() == 1
