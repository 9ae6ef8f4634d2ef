"""The translation overview reads wagtail-localize's records: real translations, real edits."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage, ModulePage
from tests.reports.helpers import rows
from translation.localize import source_strings, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(build_course, translate_tree):
    """Two modules of two lessons, translated into Spanish and French, not Portuguese."""
    course = build_course(modules=2, lessons=2)
    translate_tree(course, "es")
    translate_tree(course, "fr")
    return course


def states(client):
    """Each row's state per locale, in tree order: the course, then its modules."""
    return [
        {code: status.state for code, status in row.locales.items()}
        for row in rows(client, "translations")
    ]


def test_a_fully_translated_course_is_up_to_date_and_an_untranslated_locale_missing(
    course, manager_client
):
    every = {"es": "up_to_date", "fr": "up_to_date", "pt": "missing"}
    assert states(manager_client) == [every, every, every]


def test_an_english_edit_marks_the_module_and_course_out_of_date_until_translated_again(
    course, manager_client
):
    lesson = LessonPage.objects.descendant_of(course).order_by("path").last()
    lesson.title = "A corrected title"
    lesson.save_revision().publish()
    course_row, first_module, second_module = states(manager_client)
    assert second_module == {"es": "out_of_date", "fr": "out_of_date", "pt": "missing"}
    assert course_row["es"] == "out_of_date"
    assert first_module["es"] == "up_to_date"

    # Translating the new text into Spanish (through wagtail-localize) brings Spanish back.
    strings = {text: f"{text} [es]" for text in source_strings(lesson)}
    translate_page(lesson, Locale.objects.get(language_code="es"), strings)
    _, _, second_module = states(manager_client)
    assert second_module["es"] == "up_to_date"
    assert second_module["fr"] == "out_of_date"


def test_a_new_english_lesson_shows_as_missing_in_its_module(course, manager_client):
    module = ModulePage.objects.descendant_of(course).order_by("path").first()
    LessonPageFactory(parent=module, title="New lesson")
    (course_row, module_row, _) = rows(manager_client, "translations")
    assert module_row.locales["fr"].state == "missing"
    assert module_row.locales["fr"].counts == {"up_to_date": 3, "out_of_date": 0, "missing": 1}
    assert course_row.locales["fr"].pages == 8


def test_each_cell_links_into_wagtail_localize(course, manager_client):
    spanish_course = course.get_translation(Locale.objects.get(language_code="es"))
    page = manager_client.get(reverse("course_reports:translations")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[spanish_course.pk]) in page
    assert reverse("wagtail_localize:submit_page_translation", args=[course.pk]) in page


def test_a_new_module_only_in_english_is_missing_everywhere(course, manager_client):
    ModulePageFactory(parent=course, title="Late module")
    assert states(manager_client)[-1] == {
        "es": "missing",
        "fr": "missing",
        "pt": "missing",
    }


def test_the_report_can_be_narrowed_to_one_course(course, build_course, manager_client):
    build_course(modules=1, lessons=1, catalogue=course.get_parent())
    assert len(rows(manager_client, "translations")) == 5
    assert len(rows(manager_client, "translations", course=str(course.translation_key))) == 3
