"""Every report's figures on the hand-checked data set of conftest.py, filtered several ways."""

import datetime
import re

import pytest

from learners.models import Enrolment
from tests.reports.helpers import rows

pytestmark = pytest.mark.django_db


def uptake(client, **filters):
    (row,) = rows(client, "uptake", **filters)
    return row.started, row.completed, row.completion_rate, row.median_days


@pytest.mark.parametrize(
    "filters, expected",
    [
        # Ana 4 days, Chloé 10 days: the median of two is their mean.
        ({}, (3, 2, 66.7, 7.0)),
        ({"role": "teachers"}, (2, 2, 100.0, 7.0)),
        ({"role": "police"}, (1, 0, 0.0, None)),
        ({"role": "judges"}, (0, 0, None, None)),
        ({"country": "BR"}, (1, 0, 0.0, None)),
        ({"country": "FR"}, (1, 1, 100.0, 10.0)),
        ({"language": "es"}, (1, 1, 100.0, 4.0)),
        ({"started_at_from": "2026-02-01"}, (2, 1, 50.0, 10.0)),
        ({"started_at_to": "2026-01-31"}, (1, 1, 100.0, 4.0)),
        ({"started_at_from": "2026-02-01", "role": "teachers"}, (1, 1, 100.0, 10.0)),
        ({"started_at_from": "2026-02-02", "started_at_to": "2026-02-03"}, (1, 1, 100.0, 10.0)),
        ({"country": "UY", "language": "fr"}, (0, 0, None, None)),
    ],
)
def test_course_uptake_counts_starters_finishers_and_median_days(
    dataset, manager_client, filters, expected
):
    assert uptake(manager_client, **filters) == expected


def test_the_median_of_an_odd_number_of_completions_is_the_middle_one(dataset, manager_client):
    bruno = Enrolment.objects.get(user__username="bruno")
    bruno.completed_at = bruno.started_at + datetime.timedelta(days=30)
    bruno.save()
    assert uptake(manager_client) == (3, 3, 100.0, 10.0)


def test_the_uptake_chart_shows_completions_per_month(dataset, manager_client):
    context = manager_client.get("/admin/course-reports/uptake/").context
    assert [(month.period, month.count) for month in context["completions_per_month"]] == [
        ("2026-01", 1),
        ("2026-02", 1),
    ]
    chart = context["chart"]
    assert [bar.label for bar in chart.bars] == ["2026-01", "2026-02"]
    assert chart.bars[0].height == chart.bars[1].height > 0


def test_the_chart_is_drawn_with_plain_numbers_whatever_the_admin_language(dataset, manager_client):
    page = manager_client.get("/admin/course-reports/uptake/", HTTP_ACCEPT_LANGUAGE="es")
    svg = re.search(r"<svg viewBox.*?</svg>", page.content.decode(), re.S).group(0)
    assert "Finalizaciones por mes" in page.content.decode()
    assert re.findall(r'(?:x|y|width|height)="[^"]*"', svg)
    assert not re.findall(r'(?:x|y|width|height)="[^"]*,[^"]*"', svg)
    assert svg.count("<rect") == 2


def learner_groups(client, **filters):
    return [
        (group.role, group.country, group.learners, group.started, group.completed)
        for group in rows(client, "learners", **filters)
    ]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (
            {},
            [
                ("Teachers and school staff", "All", 2, 2, 2),
                ("Other", "All", 1, 0, 0),
                ("Police", "All", 1, 1, 0),
            ],
        ),
        (
            {"breakdown": "country"},
            [("All", "Uruguay", 2, 1, 1), ("All", "Brazil", 1, 1, 0), ("All", "France", 1, 1, 1)],
        ),
        (
            {"breakdown": "role_country", "country": "UY"},
            [("Other", "Uruguay", 1, 0, 0), ("Teachers and school staff", "Uruguay", 1, 1, 1)],
        ),
        (
            {"joined_from": "2026-02-01"},
            [("Other", "All", 1, 0, 0), ("Teachers and school staff", "All", 1, 1, 1)],
        ),
        ({"role": "police", "breakdown": "country"}, [("All", "Brazil", 1, 1, 0)]),
        ({"role": "judges"}, []),
    ],
)
def test_learners_by_role_and_country(dataset, manager_client, filters, expected):
    assert learner_groups(manager_client, **filters) == expected


def question_figures(client, **filters):
    return [
        (row.number, row.answered, row.correct, row.correct_rate, row.first_attempt_pass_rate)
        for row in rows(client, "quiz_items", **filters)
    ]


@pytest.mark.parametrize(
    "filters, expected",
    [
        # Four submitted attempts in three languages (two right, two wrong); three first
        # attempts, of which Ana's passed.
        ({}, [(n, 4, 2, 50.0, 33.3) for n in (1, 2, 3, 4)]),
        ({"language": "es"}, [(n, 1, 1, 100.0, 100.0) for n in (1, 2, 3, 4)]),
        ({"language": "fr"}, [(n, 2, 1, 50.0, 0.0) for n in (1, 2, 3, 4)]),
        ({"submitted_at_from": "2026-02-01"}, [(n, 3, 1, 33.3, 0.0) for n in (1, 2, 3, 4)]),
        ({"language": "en"}, [(n, 0, 0, None, None) for n in (1, 2, 3, 4)]),
    ],
)
def test_quiz_item_analysis_counts_answers_in_every_language(
    dataset, manager_client, filters, expected
):
    assert question_figures(manager_client, **filters) == expected


def test_quiz_item_analysis_shows_source_text_and_how_often_each_option_was_chosen(
    dataset, manager_client
):
    first, second, third, fourth = rows(manager_client, "quiz_items")
    assert first.text == "Which treaty sets out the best interests of the child?"
    right, *wrong = first.options
    assert (right.text, right.correct, right.chosen, right.share) == (
        "The Convention on the Rights of the Child",
        True,
        2,
        50.0,
    )
    # "Wrong" answers tick the first wrong option by id, in every language.
    assert sorted(option.chosen for option in wrong) == [0, 2]
    # Multiple choice: the right answers tick both right options, the wrong ones the third.
    assert [option.chosen for option in second.options] == [2, 2, 2]
    assert [(option.text, option.chosen) for option in third.options] == [("True", 2), ("False", 2)]


def test_quiz_item_analysis_can_be_narrowed_to_one_quiz(dataset, manager_client):
    quiz = dataset["quiz"]
    assert len(rows(manager_client, "quiz_items", quiz=str(quiz.translation_key))) == 4


def test_certificates_issued_and_revoked_per_month(dataset, manager_client):
    months = [(m.period, m.issued, m.revoked) for m in rows(manager_client, "certificates")]
    assert months == [("2026-03", 0, 1), ("2026-02", 1, 0), ("2026-01", 1, 0)]
    assert [(m.period, m.issued) for m in rows(manager_client, "certificates", language="fr")] == [
        ("2026-02", 1)
    ]
