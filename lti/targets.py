"""Which of the course's pages a launch may land on, and what an instructor may pick."""

import uuid

from wagtail.models import Page

from modules.languages import live_translation
from modules.models import CoursePage, LessonPage, ModulePage
from modules.paths import course_paths
from quizzes.models import QuizPage

KINDS = {"course": CoursePage, "module": ModulePage, "lesson": LessonPage, "quiz": QuizPage}
DEPTHS = {"course": 0, "module": 1, "quiz": 2}


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
    """What an instructor may pick, in ``language``: each course, its paths, its modules and
    their quizzes, in the tree's order, as ``(value, label, depth)``. Three queries."""
    pages = [
        page
        for model in (CoursePage, ModulePage, QuizPage)
        for page in model.objects.live().filter(locale__language_code=language)
    ]
    items = []
    for page in sorted(pages, key=lambda page: page.path):
        kind = kind_of(page)
        items.append((f"{kind}:{page.translation_key}", page.title, DEPTHS[kind]))
        if kind == "course":
            for code, label in course_paths(page):
                items.append((f"path:{page.translation_key}:{code}", f"{page.title} — {label}", 1))
    return items
