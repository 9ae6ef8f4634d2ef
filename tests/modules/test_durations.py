"""Durations computed from the content: words in the page's own language at its reading speed,
declared minutes for activities, questions per quiz attempt; stated times need a reason and are
flagged when far above the computed ones."""

import importlib
import math
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from modules import durations
from modules.blocks import LessonStreamBlock
from modules.factories import LessonPageFactory
from modules.models import CoursePage, LessonPage, ModulePage
from quizzes.factories import QuizPageFactory
from quizzes.models import QuizPage
from tests.conftest import built_once_per_module
from translation.localize import source_strings, translate_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "minutes, hours",
    [
        (140, "2.5"),  # 2 h 20
        (130, "2.0"),  # 2 h 10
        (135, "2.5"),  # a quarter past rounds up
        (150, "2.5"),
        (166, "3.0"),
        (0, "0.5"),  # never below half an hour
        (10, "0.5"),
    ],
)
def test_hours_round_to_the_half_hour(minutes, hours):
    assert durations.hours(minutes) == Decimal(hours)
    assert str(durations.hours(minutes)) == hours


@pytest.mark.parametrize(
    "minutes, shown",
    [(0, "0 min"), (25, "25 min"), (60, "1 h"), (90, "1 h 30 min"), (125, "2 h 5 min")],
)
def test_minutes_are_shown_in_hours_and_minutes(minutes, shown):
    assert durations.format_minutes(minutes) == shown


@pytest.mark.parametrize(
    "language, speed",
    [("en", 228), ("es", 218), ("pt", 181), ("fr", 195), ("pt-br", 181), ("de", 184)],
)
def test_each_language_reads_at_its_measured_speed(language, speed):
    assert durations.reading_speed(language) == speed


def test_words_are_counted_in_text_rich_text_headings_facts_scenarios_and_notes_not_transcripts():
    stream_block = LessonStreamBlock()
    raw = [
        {"type": "rich_text", "value": "<h2>Two words</h2><p>Three&nbsp;more words</p>"},
        {
            "type": "key_fact",
            "value": {
                "figure": "1.8 million",
                "statement": "Children.",
                "source": "A study",
                "source_url": "https://x.example",
            },
        },
        {
            "type": "case_scenario",
            "value": {
                "title": "A case",
                "situation": "<p>It happens.</p>",
                "discussion_prompts": [{"type": "item", "value": "Why?"}],
                "minutes": 4,
            },
        },
        {"type": "audience_note", "value": {"audience": "police", "text": "<p>Knock first.</p>"}},
        {
            "type": "video",
            "value": {
                "video": "https://youtu.be/x",
                "title": "A film",
                "transcript": "Many spoken words not counted here",
                "minutes": 3,
            },
        },
    ]

    assert durations.words(stream_block, raw) == 5 + 5 + 5 + 2 + 2
    assert durations.activity_minutes(stream_block, raw) == 4 + 3


def spanish_lesson(module, english_words, spanish_words, **fields):
    """An English lesson of ``english_words`` words and its Spanish translation of
    ``spanish_words`` words, made through wagtail-localize as translators do."""
    english_text = " ".join(["word"] * english_words)
    lesson = LessonPageFactory(
        parent=module, body__0__rich_text__value=f"<p>{english_text}</p>", **fields
    )
    strings = {
        text: " ".join(["palabra"] * spanish_words) if text == english_text else f"{text} es"
        for text in source_strings(lesson)
    }
    return lesson, translate_page(lesson, Locale.objects.get(language_code="es"), strings)


def test_a_spanish_lesson_takes_the_minutes_its_own_words_take_at_spanish_speed(
    build_course, translate_tree
):
    course = build_course(lessons=0)
    translate_tree(course, "es")
    module = course.get_children().get()

    english, spanish = spanish_lesson(module, english_words=228 * 3, spanish_words=700)

    assert english.minutes == 3  # 684 words at 228 a minute
    assert spanish.locale.language_code == "es"
    assert LessonPage.objects.get(pk=spanish.pk).minutes == math.ceil(700 / 218) == 4


def test_an_activity_block_adds_its_declared_minutes(build_course):
    module = build_course(lessons=0).get_children().get()
    text = "<p>" + " ".join(["word"] * 200) + "</p>"  # under a minute, with the case's words

    plain = LessonPageFactory(parent=module, body__0__rich_text__value=text)
    with_case = LessonPageFactory(
        parent=module,
        body__0__rich_text__value=text,
        body__1__case_scenario__title="A case",
        body__1__case_scenario__minutes=7,
    )
    with_reflection = LessonPageFactory(
        parent=module,
        body__0__rich_text__value=text,
        body__1__reflection_prompt__prompt="Why",
    )

    assert plain.minutes == 1
    assert with_case.minutes == 1 + 7  # its own words are read in the same first minute
    assert with_reflection.minutes == 1 + 2  # the reflection's default


def test_content_stored_before_blocks_had_minutes_counts_their_default():
    raw = [
        {
            "type": "case_scenario",
            "value": {"title": "", "situation": "", "discussion_prompts": []},
        },
        {"type": "reflection_prompt", "value": {"prompt": ""}},
        {"type": "video", "value": {"video": "", "title": "", "transcript": ""}},
    ]

    assert durations.stream_minutes(LessonStreamBlock(), raw, "en") == 5 + 2 + 5


def test_a_quiz_takes_a_minute_per_question_an_attempt_asks(build_course):
    module = build_course(lessons=0).get_children().get()
    quiz = QuizPageFactory(parent=module)
    count = len(quiz.questions)

    assert quiz.minutes == count * durations.MINUTES_PER_QUESTION
    quiz.questions_per_attempt = count - 1
    quiz.save_revision().publish()
    assert QuizPage.objects.get(pk=quiz.pk).minutes == count - 1


def test_a_module_and_a_course_take_the_sum_of_their_pages_unless_stated(build_course):
    course = build_course(modules=2, lessons=2, quiz=True)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    pages = [*LessonPage.objects.child_of(first), *QuizPage.objects.child_of(first)]
    total = sum(page.minutes for page in pages)

    assert durations.module_minutes(pages, first) == first.computed_minutes() == total
    first.stated_minutes, first.stated_minutes_reason = 90, "A group discussion."
    assert durations.module_minutes(pages, first) == 90
    course = CoursePage.objects.get(pk=course.pk)
    assert course.computed_minutes() == 2 * total
    assert course.duration_minutes() == 2 * total


def test_a_stated_lesson_time_is_what_the_lesson_takes(build_course):
    module = build_course(lessons=0).get_children().get()
    lesson = LessonPageFactory(
        parent=module,
        body__0__rich_text__value="<p>A short lesson.</p>",
        stated_minutes=20,
        stated_minutes_reason="The case is role-played.",
    )

    assert lesson.minutes == 20
    lesson.stated_minutes, lesson.stated_minutes_reason = None, ""
    lesson.save()
    assert lesson.minutes == lesson.computed_minutes() == 1


@pytest.mark.parametrize(
    "factory, field",
    [(LessonPage, "stated_minutes"), (ModulePage, "stated_minutes"), (CoursePage, "stated_hours")],
)
def test_a_stated_time_without_a_reason_is_refused(build_course, factory, field):
    course = build_course(lessons=1)
    page = {
        CoursePage: course,
        ModulePage: ModulePage.objects.child_of(course).get(),
        LessonPage: LessonPage.objects.descendant_of(course).get(),
    }[factory]
    setattr(page, field, 3)

    with pytest.raises(ValidationError) as refused:
        page.full_clean()

    assert f"{field}_reason" in refused.value.message_dict


def lesson_form(lesson, **fields):
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "body": streamfield([("rich_text", rich_text("<p>Short.</p>"))]),
            **fields,
        }
    )


def test_the_admin_refuses_a_stated_time_without_a_reason(admin_client, build_course):
    lesson = LessonPage.objects.descendant_of(build_course(lessons=1)).get()

    response = admin_client.post(
        f"/admin/pages/{lesson.pk}/edit/", lesson_form(lesson, stated_minutes="15")
    )

    assert response.status_code == 200  # the form again, with its error
    assert "stated_minutes_reason" in response.context["form"].errors
    assert LessonPage.objects.get(pk=lesson.pk).stated_minutes is None


@pytest.mark.parametrize("stated, warned", [(1, False), (2, True), (15, True)])
def test_the_admin_warns_when_a_stated_time_is_more_than_a_quarter_above_the_computed(
    admin_client, build_course, stated, warned
):
    lesson = LessonPage.objects.descendant_of(build_course(lessons=1)).get()
    data = lesson_form(lesson, stated_minutes=str(stated), stated_minutes_reason="Role play.")

    response = admin_client.post(f"/admin/pages/{lesson.pk}/edit/", data)

    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    warnings = [message for message in messages if "more than a quarter above" in message]
    assert bool(warnings) is warned
    draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert draft.minutes == stated  # allowed, with its reason


def test_the_lesson_and_module_pages_show_the_minutes(client, build_course):
    course = build_course(lessons=2, quiz=True)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).first()

    assert f'<span class="duration">{lesson.minutes} min</span>' in client.get(lesson.url).text
    module_html = client.get(module.url).text
    assert f'<p class="meta duration">{module.computed_minutes()} min</p>' in module_html
    assert module_html.count('class="meta duration">1 min</span>') == 2


def test_the_upgrade_computes_minutes_for_existing_lessons_and_quizzes(build_course):
    course = build_course(lessons=2, quiz=True)
    lessons = LessonPage.objects.descendant_of(course)
    quiz = QuizPage.objects.descendant_of(course).get()
    expected = {page.pk: page.minutes for page in [*lessons, quiz]}
    LessonPage.objects.update(minutes=0)
    QuizPage.objects.update(minutes=0)

    importlib.import_module("modules.migrations.0010_honest_durations").compute_lesson_minutes(
        apps, None
    )
    importlib.import_module("quizzes.migrations.0007_quiz_minutes").compute_quiz_minutes(apps, None)

    found = {page.pk: page.minutes for page in [*lessons.all(), QuizPage.objects.get(pk=quiz.pk)]}
    assert found == expected and all(found.values())


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


demo = built_once_per_module(load_demo)


def test_the_demo_course_states_no_time_more_than_a_quarter_above_its_content(demo):
    courses = CoursePage.objects.all()
    assert {course.locale.language_code for course in courses} == {"en", "es", "pt", "fr"}
    for course in courses:
        modules = ModulePage.objects.child_of(course)
        lessons = LessonPage.objects.descendant_of(course)
        assert not durations.is_overstated(
            course.stated_hours and int(course.stated_hours * 60), course.computed_minutes()
        )
        for page in [*modules, *lessons]:
            assert not durations.is_overstated(page.stated_minutes, page.computed_minutes())
        assert all(lesson.minutes == lesson.computed_minutes() for lesson in lessons)
        # The certificate no longer claims five hours: the content takes about three.
        assert Decimal("2.0") <= durations.hours(course.duration_minutes()) <= Decimal("3.5")


def test_a_translated_demo_lesson_counts_its_own_words(demo):
    english = LessonPage.objects.filter(locale__language_code="en").order_by("path").first()
    for language in ["es", "pt", "fr"]:
        translated = english.get_translation(Locale.objects.get(language_code=language))
        with translation.override(language):
            assert translated.minutes == translated.computed_minutes()
            assert translated.minutes == durations.lesson_minutes(translated.body, language)
