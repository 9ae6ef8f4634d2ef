"""What a module package holds: the module's live lessons in order and its quiz, each lesson
rendered in the module's language by the site's own block templates, ready for a SCORM package
or an offline pack to make self-contained (``standalone.py``)."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from modules.models import LessonPage
from quizzes.models import QuizPage


@dataclass
class PackedLesson:
    page: LessonPage
    number: int
    anchor: str
    filename: str
    html: str = ""


@dataclass
class ModuleContents:
    module: Page
    lessons: list
    quiz: QuizPage | None

    @property
    def language_code(self):
        return self.module.locale.language_code

    @property
    def lesson_count(self):
        return len(self.lessons)


def module_contents(module, shared=False):
    """The live lessons and the first live quiz under ``module``, each lesson's body rendered
    in the module's language. A ``shared`` package (one file for every reader) leaves out the
    lessons that carry a view restriction of their own."""
    pages = LessonPage.objects.live().child_of(module).order_by("path")
    if shared:
        pages = pages.exclude(
            pk__in=PageViewRestriction.objects.filter(page__in=pages).values("page")
        )
    lessons = [
        PackedLesson(
            page=page,
            number=number,
            anchor=f"lesson-{number}",
            filename=f"lesson-{number:02d}.html",
        )
        for number, page in enumerate(pages, start=1)
    ]
    quiz = QuizPage.objects.live().child_of(module).order_by("path").first()
    contents = ModuleContents(module=module, lessons=lessons, quiz=quiz)
    with translation.override(contents.language_code):
        for lesson in lessons:
            lesson.html = render_to_string("packages/lesson_body.html", {"page": lesson.page})
    return contents


def translations_of(module):
    """The live translations of ``module`` (itself included), by language code."""
    pages = module.get_translations(inclusive=True).live().select_related("locale")
    return {page.locale.language_code: page.specific for page in pages}
