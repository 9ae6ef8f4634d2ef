"""The admin dashboard tells course teams where each course stands in each language."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from learners.factories import UserFactory
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(team_member):
    return team_member("Translators")


def french_cell(client, course):
    html = client.get(reverse("wagtailadmin_home")).text
    row = re.search(rf">{re.escape(course.title)}</a></th>(.*?)</tr>", html, re.S)
    cells = re.findall(r"<td>\s*<a[^>]*>\s*(.*?)</a>", row[1], re.S)
    return " ".join(cells[1].split())  # es, fr, pt: French is the second column


def test_a_translator_sees_each_course_translated_then_out_of_date_after_an_english_edit(
    client, translator, build_course, translate_tree
):
    course = build_course(modules=2, lessons=2)
    assert french_cell(client, course) == "0 translated · 0 out of date · 7 missing"

    translate_tree(course, "fr")
    assert french_cell(client, course) == "7 translated · 0 out of date · 0 missing"

    lesson = LessonPage.objects.descendant_of(course).first()
    lesson.title = "A clearer title"
    lesson.save_revision().publish()

    assert french_cell(client, course) == "6 translated · 1 out of date · 0 missing"


def test_a_course_manager_gets_the_panel_with_a_link_to_the_full_report(
    client, team_member, build_course
):
    build_course()
    team_member("Course managers")

    html = client.get(reverse("wagtailadmin_home")).text
    assert "Course translations" in html
    assert reverse("course_reports:translations") in html


def test_an_admin_user_outside_the_course_teams_does_not_get_the_panel(client, build_course):
    build_course()
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Course translations" not in response.text
