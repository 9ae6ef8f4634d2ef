"""The site stays up when a part of it fails: Redis out of reach, the database out of reach or
saturated."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.mail import send_mail
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from certificates.models import Certificate
from learners.factories import LearnerProfileFactory
from learners.privacy import delete_learner, learner_data
from modules.caching import ForgivingRedisCache, redis_outage
from modules.models import LessonPage
from quizzes.models import QuizPage
from tests.certificates.helpers import complete_course, complete_lessons
from tests.queue import run_the_worker, worker_commits
from tests.quizzes.helpers import answers, start_attempt, submit

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
    shared.set("a-new-entry", "kept")
    assert shared.get("a-new-entry") == "kept"
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


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "ecourse.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    return settings


def mail_server_back(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@worker_commits
def test_with_the_mail_server_down_sign_up_succeeds_and_the_e_mail_arrives_later(
    client, mail_server_down, mailoutbox
):
    response = client.post(
        "/es/accounts/signup/",
        {
            "email": "nueva@example.com",
            "password1": "Quiet-river-42!",
            "password2": "Quiet-river-42!",
        },
    )

    assert response.status_code == 302
    assert DBTaskResult.objects.ready().count() == 1
    run_the_worker()  # the mail server refuses: another try is queued for later
    assert mailoutbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    mail_server_back(mail_server_down)
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_the_worker()

    (message,) = mailoutbox
    assert message.to == ["nueva@example.com"]
    assert "/es/accounts/confirm-email/" in message.body
    assert message.subject == "Por favor, confirme su dirección de correo electrónico"


@worker_commits
def test_with_the_mail_server_down_the_last_quiz_still_gives_the_certificate(
    client, build_course, mail_server_down, mailoutbox, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons=1, quiz=True)
    client.force_login(LearnerProfileFactory().user)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lessons(client, course)
        quiz = QuizPage.objects.descendant_of(course).get()
        response = submit(client, start_attempt(client, quiz), answers(quiz))

    assert response.status_code == 302
    certificate = Certificate.objects.get()
    run_the_worker()
    assert mailoutbox == []

    mail_server_back(mail_server_down)
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_the_worker()

    (message,) = mailoutbox
    assert certificate.grouped_code in message.body


@worker_commits
def test_a_message_the_mail_server_never_takes_is_left_failed_for_administrators_to_see(
    client, mail_server_down, mailoutbox, django_user_model
):
    send_mail("Subject", "Body", None, ["someone@example.org"])
    for minutes in (0, 2, 10, 45, 200, 2000):
        with time_machine.travel(timezone.now() + timedelta(minutes=minutes)):
            run_the_worker()
    assert mailoutbox == []  # five more tries, then it is left failed
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))

    listing = client.get(reverse("background_tasks:index"), {"status": "FAILED"})
    inspected = client.get(reverse("background_tasks:inspect", args=[failed.pk]))
    edit = client.get(reverse("background_tasks:edit", args=[failed.pk]))

    assert listing.status_code == 200 and "ConnectionRefusedError" in listing.text
    assert inspected.status_code == 200 and "ConnectionRefusedError" in inspected.text
    assert "someone@example.org" not in inspected.text
    assert edit.status_code in {302, 403}
    learner = Client()
    learner.force_login(LearnerProfileFactory().user)
    assert learner.get(reverse("background_tasks:index")).status_code == 302


def test_a_learner_s_queued_mail_is_in_their_data_and_goes_with_their_account(mail_server_down):
    learner = LearnerProfileFactory().user
    send_mail("Your certificate", "Body", None, [learner.email])
    send_mail("For someone else", "Body", None, ["someone@example.org"])

    (exported,) = learner_data(learner)["emails"]
    delete_learner(learner)

    assert (exported["subject"], exported["status"]) == ("Your certificate", "READY")
    (left,) = DBTaskResult.objects.all()
    assert left.args_kwargs["args"][0]["to"] == ["someone@example.org"]
