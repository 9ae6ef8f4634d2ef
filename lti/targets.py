"""Which of the course's pages a launch may land on, and what an instructor may pick."""

import uuid

from wagtail.models import Page

from modules.languages import live_translation
from modules.models import CoursePage, LessonPage, ModulePage
from modules.paths import course_paths
from quizzes.models import QuizPage

KINDS = {"course": CoursePage, "module": ModulePage, "lesson": LessonPage, "quiz": QuizPage}


def landing_page(resource_key, language):
    """The live page with translation key ``resource_key`` in ``language`` (else in any
    language), or None for a key that names no page."""
    try:
        key = uuid.UUID(str(resource_key))
    except ValueError:
        return None
    page = live_translation(Page, key, language)
    return page.specific if page is not None else None


def course_of(page):
    """The course a page belongs to (itself, for a course)."""
    if isinstance(page, CoursePage):
        return page
    return CoursePage.objects.ancestor_of(page).first()


def kind_of(page):
    return next((kind for kind, model in KINDS.items() if isinstance(page, model)), None)


def choices(language):
    """What an instructor may pick, in ``language`` where a translation exists: each course,
    its paths, its modules and their quizzes, as ``(value, label, depth)``."""
    items = []
    for course in CoursePage.objects.live().filter(locale__language_code=language):
        items.append((f"course:{course.translation_key}", course.title, 0))
        for code, label in course_paths(course):
            items.append((f"path:{course.translation_key}:{code}", f"{course.title} — {label}", 1))
        for module in ModulePage.objects.live().child_of(course):
            items.append((f"module:{module.translation_key}", module.title, 1))
            for quiz in QuizPage.objects.live().child_of(module):
                items.append((f"quiz:{quiz.translation_key}", quiz.title, 2))
    return items
