"""The site stays up when a part of it fails: Redis out of reach, the database out of reach or
saturated."""

import threading

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django.urls import reverse

from certificates.models import Certificate
from learners.factories import LearnerProfileFactory
from modules.caching import ForgivingRedisCache, redis_outage
from modules.models import LessonPage
from tests.certificates.helpers import complete_course

pytestmark = pytest.mark.django_db

NOTHING_LISTENS = "redis://127.0.0.1:1/0"
REAL_REDIS = "redis://127.0.0.1:6379/15"
TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}


def redis_cache(location):
    return {
        "BACKEND": "modules.caching.ForgivingRedisCache",
        "LOCATION": location,
        "OPTIONS": TIMEOUTS,
    }


@pytest.fixture(autouse=True)
def redis_reachable_again():
    yield
    redis_outage.down_until = 0.0
    redis_outage.was_down = False


@pytest.fixture
def unreachable_redis(settings):
    settings.CACHES = {**settings.CACHES, "default": redis_cache(NOTHING_LISTENS)}


def test_with_redis_out_of_reach_every_page_still_answers(client, build_course, unreachable_redis):
    course = build_course(modules=1, lessons=2, quiz=True)
    lesson = LessonPage.objects.descendant_of(course).first()
    catalogue = course.get_parent()
    learner = LearnerProfileFactory().user
    complete_course(client_for(learner), course)
    code = Certificate.objects.get().code
    pages = ["/en/", catalogue.url, course.url, lesson.url, "/en/search/?query=lesson"]
    pages += [reverse("verify_certificate", args=[code])]

    for address in [*pages, reverse("account_login")]:
        assert Client().get(address).status_code == 200, f"anonymous {address}"
    for address in [*pages, reverse("dashboard")]:
        assert client_for(learner).get(address).status_code == 200, f"learner {address}"
    credentials = {"login": learner.email, "password": "a-long-test-password"}
    assert client.post(reverse("account_login"), credentials).status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_once_redis_answers_again_it_is_emptied_of_what_may_be_stale(monkeypatch):
    monkeypatch.setattr(redis_outage, "pause", 0)
    shared = ForgivingRedisCache(REAL_REDIS, {"OPTIONS": TIMEOUTS})
    shared.set("session-of-a-learner-who-logs-out", "logged in")
    out_of_reach = ForgivingRedisCache(NOTHING_LISTENS, {"OPTIONS": TIMEOUTS})

    assert out_of_reach.get("anything", "default") == "default"
    assert redis_outage.was_down

    assert shared.get("session-of-a-learner-who-logs-out") is None
    shared.set("a new entry", "kept")
    assert shared.get("a new entry") == "kept"
    shared.clear()


def test_while_redis_is_known_to_be_out_of_reach_it_is_not_even_asked():
    out_of_reach = ForgivingRedisCache(NOTHING_LISTENS, {"OPTIONS": TIMEOUTS})
    out_of_reach.get("anything")
    shared = ForgivingRedisCache(REAL_REDIS, {"OPTIONS": TIMEOUTS})

    shared.set("key", "value")

    assert redis_outage.is_on()
    assert shared.get("key") is None


def out_of_reach(database):
    """Settings under which opening a connection to ``database`` fails, as it does when the server
    is down or has no connection to spare."""
    if database["ENGINE"].endswith("sqlite3"):
        return {"NAME": "/nonexistent/folder/db.sqlite3"}
    return {"HOST": "127.0.0.1", "PORT": "1"}


def with_the_database_out_of_reach(request):
    """``request()``'s response, made in a thread whose database connection cannot be opened."""
    database = connections.settings[DEFAULT_DB_ALIAS]
    saved = dict(database)
    database.update(out_of_reach(database))
    responses = []

    def run():
        try:
            responses.append(request())
        finally:
            connections[DEFAULT_DB_ALIAS].close()

    try:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    finally:
        database.clear()
        database.update(saved)
    return responses[0]


@pytest.mark.parametrize("language", ["en", "es"])
def test_with_the_database_out_of_reach_a_learner_page_asks_to_retry_and_cached_pages_serve(
    build_course, language
):
    course = build_course(modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    assert Client().get(lesson.url).status_code == 200  # now cached for readers without a session
    learner = Client(raise_request_exception=False)
    learner.force_login(LearnerProfileFactory().user)

    busy = with_the_database_out_of_reach(lambda: learner.get(f"/{language}/dashboard/"))
    cached = with_the_database_out_of_reach(lambda: Client().get(lesson.url))

    assert busy.status_code == 503
    assert busy["Retry-After"] == "30"
    assert f'<html lang="{language}">' in busy.text
    assert {"en": "try again in half a minute", "es": "medio minuto"}[language] in busy.text
    assert cached.status_code == 200
