"""Who may download a module's offline pack: whoever may read the module page, in a language
the module is wholly translated into."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from modules.factories import CourseIndexPageFactory, LessonPageFactory
from modules.models import LessonPage, ModulePage
from packages.offline import offline_pack
from packages.scorm import scorm_package
from tests.conftest import english_home
from tests.packages.conftest import in_language

pytestmark = pytest.mark.django_db


def download(client, module):
    return client.get(reverse("offline_pack", args=[module.pk]))


def test_a_module_not_wholly_translated_sends_the_reader_to_the_course(
    client, build_course, translate_tree
):
    course = build_course(lessons=2)
    translate_tree(course, "es")
    module = ModulePage.objects.child_of(course).get()
    LessonPageFactory(parent=module, title="Not translated yet")
    spanish = in_language(module, "es")

    response = download(client, spanish)
    assert response.status_code == 302
    assert response["Location"].startswith(in_language(course, "es").url)


def test_a_module_for_logged_in_readers_only_asks_for_a_log_in(client, build_course, learner):
    module = ModulePage.objects.child_of(build_course(lessons=1)).get()
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)

    assert download(client, module).status_code == 200
    client.logout()
    response = download(client, module)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_draft_or_missing_module_is_not_found(client, build_course):
    module = ModulePage.objects.child_of(build_course(lessons=1)).get()
    module.unpublish()
    assert download(client, module).status_code == 404
    lesson = LessonPage.objects.first()
    assert download(client, lesson).status_code == 404


def test_a_lesson_restricted_beyond_its_module_stays_out_of_the_pack(client, build_course):
    module = ModulePage.objects.child_of(build_course(lessons=2)).get()
    private, public = LessonPage.objects.child_of(module).order_by("path")
    LessonPage.objects.filter(pk=private.pk).update(title="For staff only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
    )

    content = download(client, module).content.decode()
    assert public.title in content
    assert "For staff only" not in content


@pytest.mark.parametrize("build_package", [offline_pack, scorm_package])
def test_building_a_package_takes_as_many_queries_for_six_lessons_as_for_two(
    build_course, build_package
):
    def queries(lessons):
        course = build_course(lessons=lessons, quiz=True, catalogue=catalogue)
        module = ModulePage.objects.child_of(course).get()
        with CaptureQueriesContext(connection) as captured:
            build_package(module)
        return len(captured)

    catalogue = CourseIndexPageFactory(parent=english_home())
    queries(1)  # the site and its root paths, read once and remembered
    assert queries(6) == queries(2)
