"""Reports hold learners' personal data: only course managers see them or export them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from learners.factories import LearnerProfileFactory, UserFactory
from reports.wagtail_hooks import REPORTS

pytestmark = pytest.mark.django_db

REPORT_URLS = [
    reverse(f"course_reports:{name}{suffix}") + query
    for name, _, _ in REPORTS
    for suffix in ("", "_results")
    for query in ("", "?export=csv", "?export=xlsx")
]


def test_every_installation_has_a_course_managers_group_with_the_reports_and_certificates():
    group = Group.objects.get(name="Course managers")
    assert set(group.permissions.values_list("content_type__app_label", "codename")) >= {
        ("wagtailadmin", "access_admin"),
        ("reports", "view_report"),
        ("certificates", "view_certificate"),
        ("certificates", "change_certificate"),
    }


@pytest.fixture
def editor(client):
    """A member of Wagtail's own "Editors" group: in the admin, but no course manager."""
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", REPORT_URLS)
def test_an_editor_outside_course_managers_gets_403_on_every_report_and_export(client, editor, url):
    assert client.get(url).status_code == 403


def test_an_editor_sees_no_learner_data_anywhere_in_the_admin(client, editor):
    LearnerProfileFactory(full_name="Ana Pérez")
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    for name, _label, _icon in REPORTS:
        assert reverse(f"course_reports:{name}") not in dashboard.content.decode()
    for url in [
        reverse("wagtailusers_users:index"),
        reverse("certificates:index"),
        reverse("course_reports:learners"),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Ana P" not in response.content


@pytest.mark.parametrize("url", REPORT_URLS[::3])
def test_learners_and_visitors_never_reach_the_reports(client, url):
    assert client.get(url).status_code == 302  # to the admin log-in
    client.force_login(LearnerProfileFactory().user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_course_managers_see_every_report_in_the_menu(client):
    user = UserFactory(username="manager")
    user.groups.add(Group.objects.get(name="Course managers"))
    client.force_login(user)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    for name, _, _ in REPORTS:
        assert reverse(f"course_reports:{name}") in page
        assert client.get(reverse(f"course_reports:{name}")).status_code == 200


def test_the_report_permission_can_be_given_to_any_group_in_the_admin(admin_client):
    permission = Permission.objects.get(codename="view_report")
    page = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert f'value="{permission.pk}"' in page


@pytest.mark.parametrize(
    "name, query",
    [
        ("uptake", {"started_at_from": "last Tuesday", "role": "astronaut"}),
        ("uptake", {"country": "XX", "language": "de", "p": "999"}),
        ("learners", {"breakdown": "shoe size", "joined_to": "2026-13-45"}),
        ("quiz_items", {"quiz": "not-a-quiz", "submitted_at_from": "0"}),
        ("certificates", {"course": "00000000-0000-0000-0000-000000000000", "export": "pdf"}),
        ("translations", {"course": "'; DROP TABLE wagtailcore_page; --"}),
    ],
)
def test_nonsense_filters_show_the_form_with_its_errors_never_a_server_error(client, name, query):
    user = UserFactory(username="manager")
    user.groups.add(Group.objects.get(name="Course managers"))
    client.force_login(user)
    response = client.get(reverse(f"course_reports:{name}"), query)
    assert response.status_code == 200
    assert response.context["filters"].errors
