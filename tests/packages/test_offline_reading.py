"""Lessons ticked as read in an offline pack come back to the site: shown first, recorded once
the reader confirms, merged with what the site already has."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from learners.models import LessonCompletion
from learners.progress import SESSION_KEY
from modules.models import LessonPage, ModulePage
from packages.offline import offline_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(build_course):
    return ModulePage.objects.child_of(build_course(lessons=3)).get()


def lessons_of(module):
    return list(LessonPage.objects.child_of(module).order_by("path"))


def reading_url(module):
    return reverse("offline_reading", args=[module.pk])


def keys(*lessons):
    return [str(lesson.translation_key) for lesson in lessons]


def test_the_pack_holds_one_box_per_lesson_in_a_form_sent_to_the_site(module):
    soup = BeautifulSoup(offline_pack(module).decode(), "html.parser")
    form = soup.find("form", id="offline-progress")
    assert form["method"] == "get"
    assert form["action"] == "http://testserver" + reading_url(module)
    boxes = soup.find_all("input", attrs={"form": "offline-progress"})
    assert [box["value"] for box in boxes] == keys(*lessons_of(module))
    assert not soup.find("script")


def test_the_ticks_are_shown_and_recorded_only_once_confirmed(client, learner, module):
    first, second, third = lessons_of(module)
    shown = client.get(reading_url(module), {"lesson": keys(first, third)})
    assert shown.status_code == 200
    assert first.title in shown.content.decode() and second.title not in shown.content.decode()
    assert not LessonCompletion.objects.filter(user=learner).exists()

    confirmed = client.post(reading_url(module), {"lesson": keys(first, third)})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == module.url
    assert set(
        LessonCompletion.objects.filter(user=learner).values_list("lesson_key", flat=True)
    ) == {
        first.translation_key,
        third.translation_key,
    }


def test_progress_merges_without_loss_whatever_was_marked_before(client, learner, module):
    first, second, third = lessons_of(module)
    client.post(reverse("complete_lesson", args=[second.pk]))
    client.post(reading_url(module), {"lesson": keys(first)})
    client.post(reading_url(module), {"lesson": keys(first, third)})  # a second pack, or again

    completions = LessonCompletion.objects.filter(user=learner)
    assert completions.count() == 3
    assert set(completions.values_list("lesson_key", flat=True)) == set(
        lesson.translation_key for lesson in (first, second, third)
    )


def test_a_reader_without_an_account_keeps_them_until_logging_in(client, module):
    first, _, _ = lessons_of(module)
    client.post(reading_url(module), {"lesson": keys(first)})
    assert str(first.translation_key) in client.session[SESSION_KEY]


@pytest.mark.parametrize(
    ("lessons", "reason"),
    [
        ([], "Tick at least one lesson"),
        (["not-a-key"], "damaged"),
        (["00000000-0000-0000-0000-000000000000"], "no longer in the module"),
    ],
)
def test_bad_ticks_are_refused_with_400_and_nothing_recorded(
    client, learner, module, lessons, reason
):
    first, _, _ = lessons_of(module)
    for send in (client.get, client.post):
        response = send(reading_url(module), {"lesson": lessons + keys(first)[: bool(lessons)]})
        assert response.status_code == 400
        assert reason in response.content.decode()
    assert not LessonCompletion.objects.filter(user=learner).exists()


def test_a_lesson_of_another_module_is_refused(client, learner, module, build_course):
    catalogue = module.get_parent().get_parent()
    stranger = ModulePage.objects.child_of(build_course(lessons=1, catalogue=catalogue)).get()
    response = client.post(reading_url(module), {"lesson": keys(*lessons_of(stranger))})
    assert response.status_code == 400
    assert not LessonCompletion.objects.filter(user=learner).exists()


def test_a_confirmation_without_its_csrf_token_is_refused(learner, module):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    first, _, _ = lessons_of(module)
    assert client.post(reading_url(module), {"lesson": keys(first)}).status_code == 403
    assert not LessonCompletion.objects.filter(user=learner).exists()
