"""Spreadsheets hold the rows the page shows, and the page's queries do not grow with learners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.factories import LearnerProfileFactory
from learners.models import Enrolment, LessonCompletion
from tests.reports.helpers import exported, report, rows

pytestmark = pytest.mark.django_db

REPORTS = {
    "uptake": ({"role": "teachers"}, ["title", "started", "completed"]),
    "learners": ({"breakdown": "role_country"}, ["role", "country", "learners", "started"]),
    "quiz_items": ({"language": "fr"}, ["quiz_title", "number", "text", "answered", "correct"]),
    "certificates": ({}, ["period", "issued", "revoked"]),
    "paths": ({}, ["course", "path_label", "certified", "revoked"]),
    "translations": ({}, ["title", "kind"]),
}


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("name", REPORTS)
def test_exports_hold_the_same_rows_as_the_page(dataset, manager_client, name, export_format):
    filters, attributes = REPORTS[name]
    page_rows = [
        [str(getattr(row, attribute)) for attribute in attributes]
        for row in rows(manager_client, name, **filters)
    ]
    header, data = exported(manager_client, name, export_format, **filters)
    assert page_rows, "the data set should give every report rows"
    assert [row[: len(attributes)] for row in data] == page_rows
    assert all(header)


def test_the_spreadsheet_gives_option_counts_and_translation_states_as_text(
    dataset, manager_client
):
    header, data = exported(manager_client, "quiz_items", "csv")
    options = data[0][header.index("Options chosen")]
    assert options.startswith("✓ The Convention on the Rights of the Child: 2 (50.0 %); ")
    header, data = exported(manager_client, "translations", "csv")
    assert header == ["Page", "Type", "Spanish", "French", "Portuguese"]
    assert {cell for row in data for cell in row[2:]} == {"Up to date"}


def queries_per_report(client):
    counts = {}
    for name, (filters, _) in REPORTS.items():
        with CaptureQueriesContext(connection) as queries:
            report(client, name, **filters)
        counts[name] = len(queries)
    return counts


def test_report_queries_do_not_grow_with_the_number_of_learners(dataset, manager_client):
    before = queries_per_report(manager_client)
    lesson = dataset["lessons"][0]
    course_key = dataset["course"].translation_key
    for profile in LearnerProfileFactory.create_batch(30, country="PE"):
        LessonCompletion.objects.create(
            user=profile.user, lesson_key=lesson.translation_key, language_code="es"
        )
        Enrolment.objects.create(user=profile.user, course_key=course_key, language_code="es")
    assert rows(manager_client, "uptake")[0].started == 33
    assert queries_per_report(manager_client) == before
    assert max(before.values()) <= 22


def test_export_urls_are_offered_on_every_report(dataset, manager_client):
    for name in REPORTS:
        page = report(manager_client, name).content.decode()
        assert "export=xlsx" in page and "export=csv" in page, name
        assert reverse(f"course_reports:{name}") in page
