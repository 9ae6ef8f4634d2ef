"""Completions by path: learners certified for each path of each course."""

import pytest
from django.test import Client

from learners.models import Role
from tests.certificates.helpers import complete_module, log_in
from tests.reports.helpers import exported, rows

pytestmark = pytest.mark.django_db


def test_completions_are_counted_per_path_in_the_paths_order(path_course, manager_client):
    for role, modules in [
        (Role.POLICE, ["Foundations", "Arrests"]),
        (Role.POLICE, ["Foundations", "Arrests", "In the classroom"]),
        (Role.JUDGES, ["Foundations"]),
        (Role.TEACHERS, ["Foundations", "Arrests"]),  # not done: no certificate
    ]:
        learner = Client()
        log_in(learner, role)
        for title in modules:
            complete_module(learner, path_course, title)

    table = [
        (row.course, str(row.path_label), row.certified, row.revoked)
        for row in rows(manager_client, "paths")
    ]

    assert table == [
        (path_course.title, "Path for police officers", 2, 0),
        (path_course.title, "Path for judges and prosecutors", 1, 0),
        (path_course.title, "The whole course", 1, 0),
    ]
    header, data = exported(manager_client, "paths", "csv")
    assert [row[1:3] for row in data] == [
        ["Path for police officers", "2"],
        ["Path for judges and prosecutors", "1"],
        ["The whole course", "1"],
    ]
