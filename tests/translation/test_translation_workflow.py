"""Translating a course with wagtail-localize: a module reaches learners in a language only once
it is wholly translated there — nothing half-English in a Portuguese course."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from modules.models import LessonPage, ModulePage
from translation.localize import source_strings, translate_page
from translation.models import TranslationGap

pytestmark = pytest.mark.django_db


def portuguese(text):
    return f"{text} [pt]"


def translate_pages(pages, locale):
    for page in pages:
        page = page.specific
        strings = {text: portuguese(text) for text in source_strings(page)}
        translate_page(page, locale, strings)


@pytest.fixture
def course_with_one_module_in_portuguese(home, build_course, locales):
    """An English course of two modules; the home page, catalogue, course and first module (with
    its lessons) translated into Portuguese, the second module not."""
    course = build_course(modules=2, lessons=2)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    translate_pages([home, course.get_parent(), course], locales["pt"])
    translate_pages([first, *first.get_children().order_by("path")], locales["pt"])
    return course, first, second


def test_a_module_untranslated_in_portuguese_is_not_listed_in_the_portuguese_course(
    client, course_with_one_module_in_portuguese, locales
):
    course, first, second = course_with_one_module_in_portuguese

    html = client.get(course.get_translation(locales["pt"]).url).text

    assert portuguese(first.title) in html
    assert second.title not in html
    assert "Mais um módulo está sendo traduzido" in html
    english = client.get(course.url).text
    assert first.title in english and second.title in english


def test_a_module_published_with_strings_left_in_english_stays_hidden_until_completed(
    client,
    admin_client,
    course_with_one_module_in_portuguese,
    locales,
    django_capture_on_commit_callbacks,
):
    course, first, _ = course_with_one_module_in_portuguese
    lesson = first.get_children().first().specific
    lesson.title = "A new title nobody has translated"
    lesson.save_revision().publish()
    # A translator syncs the English change and publishes straight away, as wagtail-localize
    # allows: the untranslated title goes live in English.
    update = Translation.objects.get(
        source__object_id=lesson.translation_key, target_locale=locales["pt"]
    )
    update.source.update_from_db()
    portuguese_lesson = lesson.get_translation(locales["pt"])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[portuguese_lesson.pk]),
            {"action": "publish"},
        )
    portuguese_course = course.get_translation(locales["pt"])

    assert TranslationGap.objects.get(page=portuguese_lesson).missing_strings == 1  # the title
    assert portuguese(first.title) not in client.get(portuguese_course.url).text
    response = client.get(portuguese_lesson.url)
    assert response.status_code == 302
    assert response["Location"] == f"{portuguese_course.url}?untranslated=1"

    translate_pages([lesson], locales["pt"])

    assert not TranslationGap.objects.exists()
    assert portuguese(first.title) in client.get(portuguese_course.url).text
    assert client.get(lesson.get_translation(locales["pt"]).url).status_code == 200


def test_a_module_missing_a_lesson_the_english_one_has_is_hidden_until_it_is_translated(
    client, course_with_one_module_in_portuguese, locales
):
    course, first, _ = course_with_one_module_in_portuguese
    new_lesson = first.add_child(
        instance=LessonPage(
            title="A lesson added later", body=[("rich_text", "<p>New.</p>")], live=True
        )
    )
    portuguese_course = course.get_translation(locales["pt"])

    assert portuguese(first.title) not in client.get(portuguese_course.url).text
    assert client.get(first.get_translation(locales["pt"]).url).status_code == 302

    translate_pages([new_lesson], locales["pt"])

    assert portuguese(first.title) in client.get(portuguese_course.url).text


def test_a_page_sent_for_translation_waits_as_a_draft_instead_of_going_live_in_english(
    admin_client, course_with_one_module_in_portuguese, locales
):
    _, _, second = course_with_one_module_in_portuguese

    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[second.pk]),
        {"locales": [locales["pt"].pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    draft = second.get_translation(locales["pt"])
    assert not draft.live
    assert not any(page.live for page in draft.get_children())
