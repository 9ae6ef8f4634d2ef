import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from modules.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    InformationPageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from modules.models import (
    CourseIndexPage,
    CoursePage,
    HomePage,
    InformationPage,
    LessonPage,
    ModulePage,
)
from quizzes.factories import QuizPageFactory
from quizzes.models import QuizPage


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
    offered = choices.content.decode()
    assert f"/admin/pages/add/modules/courseindexpage/{home.pk}/" in offered
    assert f"/admin/pages/add/modules/informationpage/{home.pk}/" in offered
    assert "/admin/pages/add/modules/lessonpage/" not in offered


class TestEveryPageTypeWorksInTheEditor(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="en")
        catalogue = CourseIndexPageFactory(parent=home)
        course = CoursePageFactory(parent=catalogue)
        module = ModulePageFactory(parent=course)
        lesson = LessonPageFactory(parent=module, body__0__key_fact__figure="1 in 4")
        quiz = QuizPageFactory(parent=module)
        about = InformationPageFactory(parent=home)
        cls.pages = [home, catalogue, course, module, lesson, quiz, about]

    def form_data(self, page):
        """What the editor would post. StreamFields are drawn by JavaScript, so they are spelled
        out here; plain fields Wagtail's helpers read from the form's HTML."""
        if isinstance(page, CoursePage):
            data = nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "intro": rich_text("<p>Why this course matters.</p>"),
                    "learning_objectives": streamfield([("objective", "Recognise the child")]),
                    "certificate_title": page.certificate_title,
                }
            )
            return {**data, "audiences": ["police", "judges"]}
        if isinstance(page, ModulePage):
            return nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "summary": page.summary,
                    "learning_objectives": streamfield([("objective", "Plan the arrest")]),
                }
            )
        if isinstance(page, LessonPage):
            key_fact = {"figure": "1 in 4", "statement": "A fact.", "source": "A source"}
            return nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "summary": page.summary,
                    "body": streamfield([("key_fact", {**key_fact, "source_url": ""})]),
                }
            )
        if isinstance(page, QuizPage):
            option = {"text": "An answer", "correct": "on", "feedback": ""}
            wrong = {**option, "text": "Another", "correct": ""}
            question = {
                "question": "A question?",
                "options": streamfield([("item", option), ("item", wrong)]),
                "explanation": "",
                "points": "1",
            }
            return nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "intro": rich_text("<p>Check.</p>"),
                    "pass_mark": "70",
                    "max_attempts": "3",
                    "questions_per_attempt": "0",
                    "feedback": "review",
                    "questions": streamfield([("single_choice", question)]),
                }
            )
        if isinstance(page, InformationPage):
            return nested_form_data(
                {"title": page.title, "slug": page.slug, "body": rich_text("<p>About.</p>")}
            )
        return None

    def test_each_page_renders_opens_in_the_editor_saves_and_previews(self):
        for page in self.pages:
            page = page.specific
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=self.form_data(page))
                self.assertPageIsPreviewable(page, post_data=self.form_data(page))

    def test_a_published_course_keeps_its_audiences_and_lists_its_objectives(self):
        course = self.pages[2].specific
        self.client.force_login(self.create_superuser("author"))

        response = self.client.post(
            f"/admin/pages/{course.pk}/edit/",
            {**self.form_data(course), "action-publish": "publish"},
        )

        course.refresh_from_db()
        self.assertEqual(response.status_code, 302)
        self.assertEqual(course.audiences, ["police", "judges"])
        self.assertEqual(course.learning_objectives[0].value, "Recognise the child")
        self.assertContains(self.client.get(course.url), "<li>Recognise the child</li>")

    def test_a_published_module_keeps_its_objectives_and_lists_them_on_its_page(self):
        module = self.pages[3].specific
        self.client.force_login(self.create_superuser("author"))

        response = self.client.post(
            f"/admin/pages/{module.pk}/edit/",
            {**self.form_data(module), "action-publish": "publish"},
        )

        module.refresh_from_db()
        self.assertEqual(response.status_code, 302)
        self.assertEqual([item.value for item in module.learning_objectives], ["Plan the arrest"])
        page = self.client.get(module.url)
        self.assertContains(page, '<h2 id="objectives-heading">What you will be able to do</h2>')
        self.assertContains(page, "<li>Plan the arrest</li>")

    def test_a_lesson_not_yet_saved_can_be_previewed(self):
        module = self.pages[3]
        self.client.force_login(self.create_superuser("writer"))
        url = f"/admin/pages/add/modules/lessonpage/{module.pk}/preview/"
        data = {**self.form_data(self.pages[4].specific), "slug": "draft-lesson"}

        posted = self.client.post(url, data)
        preview = self.client.get(url)

        self.assertEqual(posted.json()["is_valid"], True)
        self.assertContains(preview, "A fact.")
        self.assertNotContains(preview, "Mark as complete")
