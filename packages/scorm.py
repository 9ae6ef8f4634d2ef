"""A module as a SCORM 1.2 package, for an LMS to import.

One SCO: ``index.html`` finds the LMS's API (the standard search of ``window.parent`` and
``window.opener``), shows the lessons and the quiz in a frame, and reports
``cmi.core.lesson_status`` and ``cmi.core.score`` (``sco.js``). The lessons are static pages
with the site's stylesheet; the quiz scores in the browser (``quiz.js``), so its answer key
ships in the package: the package is for LMS operators, never for learners.
"""

import io
import zipfile
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from modules.addresses import public_base_url
from quizzes.forms import AnswerForm
from quizzes.scoring import TRUE_FALSE

from .contents import module_contents
from .standalone import Standalone, static_asset

MANIFEST = "imsmanifest.xml"
LAUNCH_PAGE = "index.html"
QUIZ_PAGE = "quiz.html"
# Static files every package carries: (name under static/, name in the package).
SHARED_FILES = [
    ("css/site.css", "site.css"),
    ("img/mark.svg", "mark.svg"),
    ("packages/sco.js", "sco.js"),
    ("packages/quiz.js", "quiz.js"),
]


@dataclass
class ScormPackage:
    content: bytes
    filename: str


def answer_key(quiz):
    """What ``quiz.js`` asks and scores with: how many questions an attempt draws and whether
    it shuffles them and their options, and for each question its points, how it is scored and
    its right options, by the same ids the form sends (``quizzes.scoring`` is the rule; the key
    carries only what that rule reads)."""
    return {
        "passMark": quiz.pass_mark,
        "draw": quiz.questions_asked,
        "shuffleQuestions": quiz.shuffle_questions,
        "shuffleOptions": quiz.shuffle_options,
        "questions": [
            {
                "id": question.id,
                "fixedOrder": question.kind == TRUE_FALSE,
                "points": question.points,
                "several": question.accepts_several,
                "partial": question.accepts_several and question.partial_credit,
                "options": [option.id for option in question.options],
                "correct": sorted(question.correct_ids),
            }
            for question in quiz.question_list()
        ],
    }


def scorm_package(module, request=None):
    """The SCORM 1.2 package of ``module`` in its own language."""
    contents = module_contents(module)
    base_url = public_base_url(request)
    assets = {}

    def place_asset(asset):
        assets[f"files/{asset.name}"] = asset.content
        return f"files/{asset.name}"

    standalone = Standalone(
        base_url=base_url,
        local={lesson.page.url: lesson.filename for lesson in contents.lessons},
        place_asset=place_asset,
    )
    files = {}
    pages = [lesson.filename for lesson in contents.lessons]
    if contents.quiz:
        pages.append(QUIZ_PAGE)
    context = {"contents": contents, "module": module, "first_page": pages[0] if pages else ""}
    with translation.override(contents.language_code):
        for index, lesson in enumerate(contents.lessons):
            lesson.html = standalone(lesson.html)
            files[lesson.filename] = render_to_string(
                "packages/scorm/lesson.html",
                {
                    **context,
                    "lesson": lesson,
                    "previous_page": pages[index - 1] if index else None,
                    "next_page": pages[index + 1] if index + 1 < len(pages) else None,
                },
            )
        if contents.quiz:
            quiz = contents.quiz
            files[QUIZ_PAGE] = render_to_string(
                "packages/scorm/quiz.html",
                {
                    **context,
                    "quiz": quiz,
                    "intro": standalone(quiz.intro),
                    "form": AnswerForm(quiz.question_list()),
                    "key": answer_key(quiz),
                },
            )
        files[LAUNCH_PAGE] = render_to_string("packages/scorm/index.html", context)
    files = {name: text.encode() for name, text in files.items()}
    files |= assets
    files |= {name: static_asset(source).content for source, name in SHARED_FILES}
    manifest = render_to_string(
        "packages/scorm/imsmanifest.xml",
        {
            "identifier": f"cip-{module.translation_key}-{contents.language_code}",
            "module": module,
            "mastery_score": contents.quiz.pass_mark if contents.quiz else None,
            "launch_page": LAUNCH_PAGE,
            "files": sorted(files),
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        for name in sorted(files):
            archive.writestr(name, files[name])
    return ScormPackage(
        content=buffer.getvalue(),
        filename=f"{module.slug}-{contents.language_code}-scorm12.zip",
    )
