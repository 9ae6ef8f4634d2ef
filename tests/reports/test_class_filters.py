"""The reports on learners narrow to one class, or to one organisation."""

import pytest
from django.contrib.auth import get_user_model

from cohorts.factories import CohortFactory
from cohorts.models import Membership
from learners.models import LearnerProfile
from tests.reports.helpers import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def class_of_ana_and_bruno(dataset):
    cohort = CohortFactory(course=dataset["course"], name="Clase piloto")
    for username in ("ana", "bruno"):
        Membership.objects.create(
            cohort=cohort, user=get_user_model().objects.get(username=username), joined="list"
        )
    LearnerProfile.objects.filter(user__username="chloé").update(organisation="Lycée Voltaire")
    return cohort


def test_course_uptake_narrows_to_a_class_and_to_an_organisation(
    class_of_ana_and_bruno, manager_client
):
    (in_class,) = rows(manager_client, "uptake", cohort=class_of_ana_and_bruno.pk)
    (at_lycee,) = rows(manager_client, "uptake", organisation="voltaire")

    assert (in_class.started, in_class.completed) == (2, 1)
    assert (at_lycee.started, at_lycee.completed) == (1, 1)


def test_the_learners_and_quiz_reports_narrow_to_a_class(class_of_ana_and_bruno, manager_client):
    learners = rows(manager_client, "learners", cohort=class_of_ana_and_bruno.pk)
    items = rows(manager_client, "quiz_items", cohort=class_of_ana_and_bruno.pk)

    assert sum(group.learners for group in learners) == 2
    # Ana passed at her first attempt, Bruno failed his: two answers to each question.
    assert {item.answered for item in items} == {2}
    assert {item.first_attempt_pass_rate for item in items} == {50.0}


def test_an_unknown_class_is_a_form_error_not_a_server_error(dataset, manager_client):
    response = manager_client.get("/admin/course-reports/uptake/", {"cohort": "999999"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
