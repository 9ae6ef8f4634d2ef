import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from modules.models import CourseIndexPage, CoursePage, HomePage, LessonPage, ModulePage


class TestTheCourseTreeHasOneShape(WagtailPageTestCase):
    def test_each_page_type_goes_only_under_its_parent(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})

    def test_a_lesson_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanCreateAt(ModulePage, LessonPage)

    def test_a_lesson_has_no_children(self):
        self.assertAllowedSubpageTypes(LessonPage, {})


@pytest.mark.django_db
def test_an_author_in_the_admin_cannot_add_a_lesson_under_the_home_page(admin_client, home):
    url = f"/admin/pages/add/modules/lessonpage/{home.pk}/"

    form = admin_client.get(url)
    submitted = admin_client.post(url, {"title": "Stray lesson", "slug": "stray"})
    choices = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")

    assert form.status_code == 302 and form.url == "/admin/"
    assert submitted.status_code == 302 and submitted.url == "/admin/"
    assert not LessonPage.objects.exists()
    # The only type offered under the home page is the catalogue, so Wagtail goes straight to it.
    assert choices.url == f"/admin/pages/add/modules/courseindexpage/{home.pk}/"
