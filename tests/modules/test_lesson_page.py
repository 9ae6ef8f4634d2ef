import pytest
from django.urls import reverse
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from modules.factories import LessonPageFactory
from modules.models import LessonPage, ModulePage
from quizzes.models import QuizPage

VIDEO_URL = "https://www.youtube.com/watch?v=cip-demo"


@pytest.fixture
def cached_video_embed(db):
    """Wagtail keeps fetched embeds in its Embed table; seeding it stands in for YouTube."""
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe title="A video" src="https://www.youtube.com/embed/cip-demo"></iframe>',
        provider_name="YouTube",
    )


@pytest.fixture
def lesson_with_every_block(build_course, cached_video_embed):
    module = build_course(lessons=0).get_children().get()
    return LessonPageFactory(
        parent=module,
        title="Every block",
        body__0__rich_text__value="<p>Opening paragraph.</p>",
        body__1__key_fact__figure="Over two million",
        body__1__key_fact__source="Justice Strategies",
        body__2__case_scenario__title="A drawing in class",
        body__2__case_scenario__discussion_prompts__0="What would you say?",
        body__3__reflection_prompt__prompt="Would you have known?",
        body__4__audience_note__audience="judges",
        body__5__quote__quote="Ask what they need.",
        body__6__image__caption="A bar chart",
        body__6__image__image__alt_text="Two bars",
        body__7__document__description="A checklist to print",
        body__8__video__video__value=VIDEO_URL,
        body__8__video__transcript="Spoken words.",
    )


@pytest.mark.django_db
def test_every_block_renders_in_a_lesson(client, lesson_with_every_block):
    assert [block.block_type for block in lesson_with_every_block.body] == [
        "rich_text",
        "key_fact",
        "case_scenario",
        "reflection_prompt",
        "audience_note",
        "quote",
        "image",
        "document",
        "video",
    ]

    html = client.get(lesson_with_every_block.url).content.decode()

    assert "<p>Opening paragraph.</p>" in html
    assert "Over two million" in html and "<cite>Justice Strategies</cite>" in html
    assert "A drawing in class" in html and "<li>What would you say?</li>" in html
    assert "Would you have known?" in html
    assert "audience-note--judges" in html and "For judges and prosecutors" in html
    assert "<blockquote><p>Ask what they need.</p></blockquote>" in html
    assert 'alt="Two bars"' in html and "<figcaption>A bar chart</figcaption>" in html
    assert "A checklist to print" in html and "download>" in html
    assert 'src="https://www.youtube.com/embed/cip-demo"' in html and "Spoken words." in html


@pytest.mark.django_db
def test_a_lesson_links_to_its_neighbours_and_module(client, build_course):
    module = build_course(lessons=3).get_children().get()
    first, second, third = LessonPage.objects.child_of(module).order_by("path")

    html = client.get(second.url).content.decode()

    assert f'rel="prev" href="{first.url}"' in html
    assert f'rel="next" href="{third.url}"' in html
    assert "Lesson 2 of 3" in html
    assert f'<a href="{module.url}" title="{module.title}">{module.title}</a>' in html


# Wagtail's routing costs one query per level of the tree; the page's own context and the
# visitor's progress add a fixed few; a logged-in learner adds the session, the user, their
# completions, quiz attempts and certificates, and the admin user bar's permission checks.
PAGE_QUERY_BUDGETS = {
    "anonymous": {"lesson": 16, "module": 15, "course": 14, "quiz": 15},
    "learner": {"lesson": 21, "module": 21, "course": 21, "quiz": 20},
}


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["anonymous", "learner"])
@pytest.mark.parametrize("lesson_count", [3, 30])
def test_course_pages_use_the_same_queries_for_3_or_30_lessons(
    client, build_course, django_assert_max_num_queries, django_user_model, visitor, lesson_count
):
    course = build_course(modules=2, lessons=lesson_count, quiz=True)
    module = ModulePage.objects.child_of(course).first()
    lessons = LessonPage.objects.child_of(module).order_by("path")
    quiz = QuizPage.objects.child_of(module).get()
    pages = {"lesson": lessons[1], "module": module, "course": course, "quiz": quiz}
    if visitor == "learner":
        client.force_login(django_user_model.objects.create_user("learner", "l@example.com"))
        for lesson in lessons[:2]:
            client.post(reverse("complete_lesson", args=[lesson.pk]))
        client.post(reverse("quiz_start", args=[quiz.pk]))
    client.get(course.url)  # warm the site-root cache, as any running server has

    for kind, page in pages.items():
        with django_assert_max_num_queries(PAGE_QUERY_BUDGETS[visitor][kind]):
            assert client.get(page.url).status_code == 200


# A second visit, as a running site serves it: routes, pages and course structure (with its
# links) are remembered per content generation, and what is left is the visitor's own: the user
# with their profile, completions, attempts, and on the course page chosen paths and certificates.
WARM_QUERY_BUDGETS = {"lesson": 2, "module": 3, "course": 5, "quiz": 2}


@pytest.mark.django_db
def test_a_learner_s_second_visit_reads_only_their_own_records(
    client, build_course, django_assert_max_num_queries, django_user_model
):
    course = build_course(modules=2, lessons=3, quiz=True)
    module = ModulePage.objects.child_of(course).first()
    lesson = LessonPage.objects.child_of(module).order_by("path").first()
    quiz = QuizPage.objects.child_of(module).get()
    pages = {"lesson": lesson, "module": module, "course": course, "quiz": quiz}
    client.force_login(django_user_model.objects.create_user("learner", "l@example.com"))
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    for page in pages.values():
        client.get(page.url)

    for kind, page in pages.items():
        with django_assert_max_num_queries(WARM_QUERY_BUDGETS[kind]):
            assert client.get(page.url).status_code == 200
