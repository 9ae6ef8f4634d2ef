"""The facilitator's class page: each member's path progress, as the learner's own pages count
it, in queries that do not grow with the class; filters, export; and nobody else's classes."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from cohorts.class_progress import cohort_course
from cohorts.factories import CohortFactory
from cohorts.models import Invitation, Membership
from learners.factories import LearnerProfileFactory, UserFactory
from learners.models import LearnerProfile, Role
from learners.progress import LearnerRecord, course_progress
from tests.certificates.helpers import complete_module

pytestmark = pytest.mark.django_db


def rows(client, cohort, **filters):
    response = client.get(reverse("cohorts:class", args=[cohort.pk]), filters)
    assert response.status_code == 200
    return list(response.context["object_list"])


def join(client, cohort, role, name):
    profile = LearnerProfileFactory(role=role, full_name=name, preferred_language="en")
    client.force_login(profile.user)
    client.post(reverse("join_cohort", args=[cohort.join_code]))
    return profile.user


def test_each_members_path_progress_matches_their_own_pages(client, cohort, facilitator):
    officer = join(client, cohort, Role.POLICE, "Bruno Costa")
    course = cohort_course(cohort)
    complete_module(client, course, "Foundations")
    teacher = join(client, cohort, Role.TEACHERS, "Ana Pérez")
    join(client, cohort, Role.JUDGES, "Carla Díaz")
    complete_module(client, course, "Foundations")  # the judge: her whole path

    client.force_login(facilitator)
    table = {row.name: row for row in rows(client, cohort)}

    assert list(table) == ["Ana Pérez", "Bruno Costa", "Carla Díaz"]
    for user in (officer, teacher):
        own = course_progress(course, LearnerRecord(user))
        row = table[user.learner_profile.full_name]
        assert (row.steps_done, row.steps, row.percent) == (own.steps_done, own.steps, own.percent)
    assert (table["Bruno Costa"].steps_done, table["Bruno Costa"].steps) == (3, 6)
    assert table["Bruno Costa"].path_label == "Path for police officers"
    assert table["Ana Pérez"].status == "not_started"
    assert table["Carla Díaz"].status == "completed"
    assert table["Bruno Costa"].quizzes[0].best_score == 100


def test_the_class_can_be_filtered_by_status_and_sorted(client, cohort, facilitator):
    join(client, cohort, Role.POLICE, "Bruno Costa")
    complete_module(client, cohort_course(cohort), "Foundations")
    join(client, cohort, Role.TEACHERS, "Ana Pérez")
    client.force_login(facilitator)

    assert [row.name for row in rows(client, cohort, status="in_progress")] == ["Bruno Costa"]
    assert [row.name for row in rows(client, cohort, ordering="-percent")] == [
        "Bruno Costa",
        "Ana Pérez",
    ]
    nonsense = client.get(reverse("cohorts:class", args=[cohort.pk]), {"status": "<script>"})
    assert nonsense.status_code == 200


def many_members(cohort, count):
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"m{cohort.pk}-{n}", email=f"m{cohort.pk}-{n}@example.org")
        for n in range(count)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(
            user=user, full_name=f"Member {n}", role=Role.POLICE, preferred_language="es"
        )
        for n, user in enumerate(users)
    )
    Membership.objects.bulk_create(
        Membership(cohort=cohort, user=user, joined="list") for user in users
    )


@pytest.mark.parametrize("members", [5, 500])
def test_the_class_page_uses_the_same_queries_for_5_or_500_members(
    client, path_course, facilitator, members, django_assert_max_num_queries
):
    cohort = CohortFactory(course=path_course, facilitators=[facilitator])
    many_members(cohort, members)
    client.force_login(facilitator)
    client.get(reverse("cohorts:class", args=[cohort.pk]))

    with django_assert_max_num_queries(24):
        response = client.get(reverse("cohorts:class", args=[cohort.pk]))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == min(members, 100)


def test_the_export_holds_the_pages_rows(client, cohort, facilitator):
    join(client, cohort, Role.POLICE, "Bruno Costa")
    complete_module(client, cohort_course(cohort), "Foundations")
    join(client, cohort, Role.TEACHERS, "Ana Pérez")
    client.force_login(facilitator)

    page_rows = [[row.name, row.role, str(row.percent)] for row in rows(client, cohort)]
    for export_format in ("csv", "xlsx"):
        response = client.get(reverse("cohorts:class", args=[cohort.pk]), {"export": export_format})
        assert response.status_code == 200
    header, data = exported_class(client, cohort)
    assert [[row[0], row[2], row[6]] for row in data] == page_rows
    assert header[:3] == ["Name", "E-mail", "Profession"]


def exported_class(client, cohort):
    response = client.get(reverse("cohorts:class", args=[cohort.pk]), {"export": "csv"})
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    return table[0], table[1:]


def test_e_mails_show_only_for_members_who_share_them(client, cohort, facilitator):
    join(client, cohort, Role.POLICE, "Bruno Costa")
    shared = LearnerProfileFactory(full_name="Ana Pérez", preferred_language="en").user
    client.force_login(shared)
    client.post(reverse("join_cohort", args=[cohort.join_code]), {"shares_email": "on"})
    client.force_login(facilitator)

    emails = {row.name: row.email for row in rows(client, cohort)}

    assert emails == {"Ana Pérez": shared.email, "Bruno Costa": ""}


@pytest.fixture
def other_cohort(path_course, db):
    cohort = CohortFactory(course=path_course, name="Another class")
    member = LearnerProfileFactory().user
    Membership.objects.create(cohort=cohort, user=member, joined="list")
    invitation = Invitation.objects.create(
        cohort=cohort, email="x@example.org", full_name="X", role="police", language_code="es"
    )
    return cohort, member, invitation


def facilitator_urls(cohort, member, invitation):
    pk = cohort.pk
    return {
        "get": [
            reverse("cohorts:class", args=[pk]),
            reverse("cohorts:class_results", args=[pk]),
            reverse("cohorts:class", args=[pk]) + "?export=csv",
            reverse("cohorts:upload", args=[pk]),
            reverse("cohorts:edit", args=[pk]),
            reverse("cohorts:delete", args=[pk]),
            reverse("cohorts:history", args=[pk]),
            reverse("cohorts:history_results", args=[pk]),
            reverse("cohorts:usage", args=[pk]),
        ],
        "post": [
            reverse("cohorts:upload", args=[pk]),
            reverse("cohorts:remove_member", args=[pk, member.pk]),
            reverse("cohorts:resend_invitation", args=[pk, invitation.pk]),
            reverse("cohorts:remind", args=[pk]),
            reverse("cohorts:extend", args=[pk]),
            reverse("cohorts:edit", args=[pk]),
            reverse("cohorts:delete", args=[pk]),
        ],
    }


def test_a_facilitator_finds_no_other_facilitators_class(facilitator_client, cohort, other_cohort):
    urls = facilitator_urls(*other_cohort)
    # Django's LocaleMiddleware sends a 404 outside the language prefixes on to the same path
    # under one, which is a 404 too.
    for url in urls["get"]:
        assert facilitator_client.get(url, follow=True).status_code == 404, url
    for url in urls["post"]:
        data = {"days": 7, "ends_on": "2030-01-01"}
        assert facilitator_client.post(url, data, follow=True).status_code == 404, url
    listing = facilitator_client.get(reverse("cohorts:index")).content.decode()
    assert "Clase 2027-A" in listing and "Another class" not in listing
    assert Membership.objects.filter(cohort=other_cohort[0]).exists()


def test_learners_and_visitors_never_reach_a_facilitators_screen(client, other_cohort):
    urls = facilitator_urls(*other_cohort)
    for visitor in (None, LearnerProfileFactory().user):
        if visitor:
            client.force_login(visitor)
        for url in urls["get"] + [reverse("cohorts:index"), reverse("cohorts:add")]:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert "/login/" in response["Location"], url
        for url in urls["post"]:
            assert client.post(url).status_code in (302, 403), url
    assert Membership.objects.filter(cohort=other_cohort[0]).exists()


def test_a_course_manager_sees_every_class(client, cohort, other_cohort):
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name="Course managers"))
    client.force_login(manager)

    listing = client.get(reverse("cohorts:index")).content.decode()

    assert "Clase 2027-A" in listing and "Another class" in listing
    assert client.get(reverse("cohorts:class", args=[other_cohort[0].pk])).status_code == 200


def test_a_facilitator_creates_a_class_and_leads_it(facilitator_client, facilitator, path_course):
    response = facilitator_client.post(
        reverse("cohorts:add"),
        {
            "name": "Policía 2027",
            "organisation": "Academia",
            "course": str(path_course.translation_key),
            "path": "police",
            "language_code": "es",
            "starts_on": "2027-03-01",
            "ends_on": "2027-02-01",
        },
    )
    assert response.status_code == 400 or "cannot end before" in response.content.decode()

    response = facilitator_client.post(
        reverse("cohorts:add"),
        {
            "name": "Policía 2027",
            "organisation": "Academia",
            "course": str(path_course.translation_key),
            "path": "police",
            "language_code": "es",
            "starts_on": "2027-03-01",
            "ends_on": "2027-06-30",
        },
    )
    assert response.status_code == 302
    cohort = facilitator.facilitated_cohorts.get()
    assert (cohort.course_key, cohort.path) == (path_course.translation_key, "police")


def test_the_site_history_shows_no_facilitator_another_class(facilitator_client, cohort):
    manager = UserFactory()
    manager.groups.add(Group.objects.get(name="Course managers"))
    client = Client()
    client.force_login(manager)
    client.post(
        reverse("cohorts:edit", args=[cohort.pk]),
        {
            "name": "Renamed class",
            "organisation": "Academia",
            "course": str(cohort.course_key),
            "path": "",
            "language_code": "es",
            "starts_on": "2027-03-01",
            "ends_on": "2027-06-30",
        },
    )
    other = CohortFactory(course=cohort_course(cohort), name="Secret class")

    history = facilitator_client.get("/admin/reports/site-history/").content.decode()

    assert "Secret class" not in history and "Renamed class" not in history
    assert other.pk


def test_huge_ids_are_not_found_rather_than_a_server_error(facilitator_client, cohort):
    huge = 10**20
    for url in (
        reverse("cohorts:remove_member", args=[cohort.pk, huge]),
        reverse("cohorts:grant_attempt", args=[cohort.pk, huge]),
        reverse("leave_cohort", args=[huge]),
    ):
        assert facilitator_client.post(url, follow=True).status_code == 404, url


def test_a_class_whose_course_was_unpublished_still_lists_its_members(client, cohort, facilitator):
    join(client, cohort, Role.POLICE, "Bruno Costa")
    cohort_course(cohort).unpublish()
    client.force_login(facilitator)

    (row,) = rows(client, cohort)

    assert (row.name, row.steps, row.status) == ("Bruno Costa", 0, "not_started")


def test_an_ended_class_counts_who_started_and_who_did_not(client, cohort, facilitator):
    join(client, cohort, Role.POLICE, "Bruno Costa")
    cohort.starts_on = datetime.date(2020, 1, 1)
    cohort.ends_on = datetime.date(2020, 2, 1)
    cohort.save()
    client.force_login(facilitator)

    response = client.get(reverse("cohorts:class", args=[cohort.pk]))

    assert response.context["summary"]["started"] == 0
    assert [row.status for row in response.context["object_list"]] == ["overdue"]
