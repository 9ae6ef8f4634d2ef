"""What a learner has completed, as plain functions over their records and the course tree.

A lesson is complete when the learner has a completion row for its translation_key, in any
language; a quiz when one of their attempts at its translation_key passed. A module is complete
when all its live lessons and quizzes are; a path when all the modules it includes are
(``is_course_complete``, the one rule issuing and the synthetic report data share; which modules a
path includes is ``modules.paths``, which path a learner follows is ``learners.paths``).
Unpublished or deleted pages are not in the live tree, so they never block completion.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from modules.caching import remembered_content
from modules.durations import course_minutes, module_minutes
from modules.languages import source_language
from modules.links import page_after, page_at, with_links
from modules.models import CoursePage, LessonPage, ModulePage
from modules.paths import WHOLE_COURSE, includes, path_label
from quizzes.models import QuizAttempt, QuizPage, QuizState
from translation.availability import unavailable_paths

from .enrolments import enrol
from .models import Enrolment, LessonCompletion
from .paths import learner_path
from .signals import lesson_completed

SESSION_KEY = "completed_lessons"
LESSON_FIELDS = [
    *("id", "path", "title", "url_path", "translation_key", "locale_id", "summary", "minutes")
]
QUIZ_FIELDS = [
    *("id", "path", "title", "url_path", "translation_key", "locale_id", "max_attempts", "minutes")
]


class LearnerRecord:
    """What one visitor has done, each kind read at most once per request."""

    def __init__(self, user, session=None):
        self.user = user
        self.session = session if session is not None else {}

    @classmethod
    def for_request(cls, request):
        return cls(request.user, request.session)

    @cached_property
    def completed_lessons(self):
        """Translation keys of completed lessons: from the database for a learner, from the
        session for an anonymous reader."""
        if not self.user.is_authenticated:
            return set(self.session.get(SESSION_KEY, {}))
        keys = LessonCompletion.objects.filter(user=self.user).values_list("lesson_key", flat=True)
        return {str(key) for key in keys}

    @cached_property
    def quiz_attempts(self):
        """Quiz translation key → the learner's attempts at it, in order, each carrying the extra
        attempts granted at its quiz (read in the same query, for ``QuizState``)."""
        attempts = defaultdict(list)
        if self.user.is_authenticated:
            read = QuizAttempt.objects.with_extra_attempts().filter(user=self.user)
            for attempt in read.defer("answers", "credits"):
                attempts[str(attempt.quiz_key)].append(attempt)
        return attempts

    @cached_property
    def role(self):
        """The learner's profession, or "" for an anonymous reader or one without a profile
        (read with the user: learners.backends)."""
        profile = getattr(self.user, "learner_profile", None)
        return profile.role if profile is not None else ""

    @cached_property
    def chosen_paths(self):
        """Course translation key → the path the learner chose in it, where they chose one."""
        if not self.user.is_authenticated:
            return {}
        chosen = Enrolment.objects.filter(user=self.user).exclude(path="")
        return {str(key): path for key, path in chosen.values_list("course_key", "path")}

    def path_in(self, course):
        """The path this visitor follows in ``course``."""
        if not self.user.is_authenticated:
            return WHOLE_COURSE
        return learner_path(course, self.role, self.chosen_paths.get(str(course.translation_key)))


def is_course_complete(modules, completed_lessons, passed_quizzes):
    """Whether a course is complete: it has a module, and every lesson of each module is in
    ``completed_lessons`` and every quiz in ``passed_quizzes``. ``modules`` gives each module's
    ``(lesson keys, quiz keys)``; keys are translation keys, all of one type."""
    modules = list(modules)
    return bool(modules) and all(
        set(lessons) <= completed_lessons and set(quizzes) <= passed_quizzes
        for lessons, quizzes in modules
    )


def key_of(page):
    """The page's translation key as the learner's records hold it (kept pages carry it)."""
    key = getattr(page, "key", None)
    return key if key is not None else str(page.translation_key)


class Step:
    """A lesson or a quiz as one visitor stands with it: the page (kept for every request, never
    changed: ``remembered_content``), whether they completed it (a lesson) and how their
    attempts stand (a quiz). Reads as the page for everything else."""

    __slots__ = ("page", "is_done", "state")

    def __init__(self, page, is_done=False, state=None):
        self.page, self.is_done, self.state = page, is_done, state

    def __getattr__(self, name):
        if name == "page":  # not set yet (a copy being made): never ask the page for itself
            raise AttributeError(name)
        return getattr(self.page, name)


@dataclass
class ModuleProgress:
    module: ModulePage
    lessons: list = field(default_factory=list)
    quizzes: list = field(default_factory=list)
    done: int = 0
    in_path: bool = True

    @property
    def total(self):
        """Lessons in the module (``done`` counts the completed ones)."""
        return len(self.lessons)

    @property
    def steps(self):
        return len(self.lessons) + len(self.quizzes)

    @property
    def steps_done(self):
        return self.done + sum(quiz.state.passed for quiz in self.quizzes)

    @property
    def lesson_keys(self):
        return [lesson.translation_key for lesson in self.lessons]

    @property
    def quiz_keys(self):
        return [quiz.translation_key for quiz in self.quizzes]

    @property
    def is_complete(self):
        return self.steps_done == self.steps

    @property
    def minutes(self):
        return module_minutes([*self.lessons, *self.quizzes], self.module)

    @property
    def is_started(self):
        return bool(self.done) or any(quiz.state.is_started for quiz in self.quizzes)

    @property
    def percent(self):
        return round(100 * self.steps_done / self.steps) if self.steps else 100

    @property
    def next_step(self):
        """The first unfinished lesson, or the quiz once the lessons are done."""
        for lesson in self.lessons:
            if not lesson.is_done:
                return lesson
        return next((quiz for quiz in self.quizzes if not quiz.state.passed), None)

    def add_lesson(self, lesson, completed_lessons):
        step = Step(lesson, is_done=key_of(lesson) in completed_lessons)
        self.lessons.append(step)
        self.done += step.is_done

    def add_quiz(self, quiz, quiz_attempts):
        attempts = quiz_attempts.get(key_of(quiz), [])
        self.quizzes.append(Step(quiz, state=QuizState(attempts, quiz.max_attempts)))


@dataclass
class CourseProgress:
    """Progress along the visitor's path through a course; ``all_modules`` holds every module,
    ``modules`` the path's (which is what the bars, Resume and completion count)."""

    course: CoursePage
    path: str = WHOLE_COURSE
    all_modules: list = field(default_factory=list)
    untranslated_modules: int = 0
    completed_paths: dict = field(default_factory=dict, repr=False)

    @property
    def modules(self):
        return [module for module in self.all_modules if module.in_path]

    @property
    def other_modules(self):
        """Modules outside the path: open to read, not counted."""
        return [module for module in self.all_modules if not module.in_path]

    @property
    def path_label(self):
        return path_label(self.path)

    @property
    def has_paths(self):
        """Whether some module is for some professions only, so that paths differ."""
        return any(module.module.audiences for module in self.all_modules)

    @property
    def steps(self):
        return sum(module.steps for module in self.modules)

    @property
    def steps_done(self):
        return sum(module.steps_done for module in self.modules)

    @property
    def is_started(self):
        return any(module.is_started for module in self.modules)

    @property
    def is_complete(self):
        return self.completes(self.path)

    @property
    def minutes(self):
        """How long the visitor's path takes, from its content."""
        return self.minutes_for(self.path)

    def minutes_for(self, path):
        minutes = [module.minutes for module in self.all_modules if includes(path, module.module)]
        if path == WHOLE_COURSE:
            return course_minutes(minutes, self.course)
        return sum(minutes)

    def completes(self, path):
        """Whether the visitor has completed ``path`` through this course (any path, not only
        the one they follow: the modules are all here). Worked out once per path, once the
        progress is summarised."""
        if path not in self.completed_paths:
            modules = [module for module in self.all_modules if includes(path, module.module)]
            lessons = [lesson for module in modules for lesson in module.lessons]
            quizzes = [quiz for module in modules for quiz in module.quizzes]
            self.completed_paths[path] = is_course_complete(
                [(module.lesson_keys, module.quiz_keys) for module in modules],
                {lesson.translation_key for lesson in lessons if lesson.is_done},
                {quiz.translation_key for quiz in quizzes if quiz.state.passed},
            )
        return self.completed_paths[path]

    @property
    def percent(self):
        return round(100 * self.steps_done / self.steps) if self.steps else 0

    @property
    def signature(self):
        """All of the visitor's own that the course's progress shows (path, which lessons are
        done, how each quiz stands), as a string: equal signatures show the same, so pages keep
        what they draw from it as fragments keyed on it, shared by every learner at that point."""
        lessons = "".join(
            "1" if lesson.is_done else "0"
            for module in self.all_modules
            for lesson in module.lessons
        )
        quizzes = [
            (quiz.state.status, quiz.state.best_score, quiz.state.attempts_left)
            for module in self.all_modules
            for quiz in module.quizzes
        ]
        return f"{self.path}:{lessons}:{quizzes}"

    @property
    def next_step(self):
        """The first unfinished lesson or quiz, in course order."""
        return next((module.next_step for module in self.modules if module.next_step), None)


def summarise(courses, modules, pages, hidden, record):
    """Group live modules, lessons and quizzes under their courses (each page under its parent,
    matched by tree path), mark which modules the visitor's path includes and what ``record``
    shows done, leaving out the modules whose tree paths are ``hidden``. Pure but for the record:
    the lists come in fetched. One pass over each list, whatever the number of courses."""
    progress = [CourseProgress(course, record.path_in(course)) for course in courses]
    courses_by_path = {course_progress.course.path: course_progress for course_progress in progress}
    modules_by_path = {}
    for module in modules:
        course_progress = courses_by_path.get(module.path[: -Page.steplen])
        if course_progress is None:
            continue
        if module.path in hidden:
            course_progress.untranslated_modules += 1
            continue
        module_progress = ModuleProgress(module, in_path=includes(course_progress.path, module))
        course_progress.all_modules.append(module_progress)
        modules_by_path[module.path] = module_progress
    for course_progress in progress:
        if not course_progress.other_modules:
            course_progress.path = WHOLE_COURSE  # a path with every module is the whole course
    for page in sorted(pages, key=lambda page: page.path):
        module_progress = modules_by_path.get(page.path[: -Page.steplen])
        if module_progress is not None:
            add_to_module(module_progress, page, record)
    return progress


def add_to_module(module_progress, page, record):
    if isinstance(page, QuizPage):
        module_progress.add_quiz(page, record.quiz_attempts)
    else:
        module_progress.add_lesson(page, record.completed_lessons)


def module_pages(pages):
    """A module's live lessons and quizzes, in two queries whatever their number."""
    lessons = LessonPage.objects.live().filter(pages).only(*LESSON_FIELDS)
    quizzes = QuizPage.objects.live().filter(pages).only(*QUIZ_FIELDS)
    return with_links([*lessons, *quizzes])


def live_courses():
    """The live courses in the active language, in tree order: read once per content
    generation."""
    return remembered_content(
        "live-courses",
        [get_language()],
        lambda: with_links(
            CoursePage.objects.live().filter(locale=Locale.get_active()).order_by("path")
        ),
    )


def course_tree(courses):
    """``(modules, lessons and quizzes, hidden module paths)`` under ``courses``, live, for
    ``summarise``: read once per content generation, in three queries whatever the size of the
    courses."""
    parts = [get_language(), *(course.path for course in courses)]
    return remembered_content("course-trees", parts, lambda: read_course_tree(courses))


def read_course_tree(courses):
    under_courses = Q()
    for course in courses:
        under_courses |= Q(path__startswith=course.path, depth__gt=course.depth)
    modules = with_links(
        ModulePage.objects.live().filter(under_courses).select_related("locale").order_by("path")
    )
    return modules, module_pages(under_courses), unavailable_paths(modules)


def progress_for_courses(courses, record):
    """Progress through each of ``courses`` in a constant number of queries (plus the learner's
    records, read once), however many modules and lessons there are. In another language than
    English, modules not wholly translated yet are left out and counted."""
    courses = list(courses)
    if not courses:
        return []
    progress = summarise(courses, *course_tree(courses), record)
    if get_language() != source_language():
        count_untranslated_modules(progress)
    return progress


def count_untranslated_modules(progress):
    """Set how many modules of each English course a translated course is not showing: hidden
    ones and ones not translated at all. Two queries."""
    source_paths = dict(
        CoursePage.objects.filter(
            locale__language_code=source_language(),
            translation_key__in=[course.course.translation_key for course in progress],
        ).values_list("translation_key", "path")
    )
    under_sources = Q(pk__in=[])
    for path in source_paths.values():
        under_sources |= Q(path__startswith=path)
    paths = list(ModulePage.objects.live().filter(under_sources).values_list("path", flat=True))
    for course in progress:
        source_path = source_paths.get(course.course.translation_key)
        if source_path:
            in_english = sum(path.startswith(source_path) for path in paths)
            course.untranslated_modules = max(in_english - len(course.all_modules), 0)


def course_progress(course, record):
    return progress_for_courses([course], record)[0]


def kept_module_pages(module_path):
    """The live lessons and quizzes of the module at ``module_path``, in order, with their links
    (``with_links``): read once per content generation."""
    children = Q(path__startswith=module_path, depth=len(module_path) // Page.steplen + 1)
    return remembered_content("module-pages", [module_path], lambda: module_pages(children))


def step_after(lesson):
    """Where a reader goes once ``lesson`` is done: the module's next lesson or quiz, or else the
    module itself. From kept structure: no query once warm."""
    page = page_after(lesson.path) or page_at(lesson.path[: -Page.steplen])
    return page.href if page is not None else lesson.get_parent().get_url()


def module_progress(module, record):
    progress = ModuleProgress(module)
    for page in kept_module_pages(module.path):
        add_to_module(progress, page, record)
    return progress


def record_completion(request, lesson):
    """Record that this visitor completed ``lesson``; return True if it is new.

    Learners get a row (one per lesson, enforced by the database); anonymous readers keep the
    key in their session until they sign up or log in.
    """
    language_code = lesson.locale.language_code
    if not request.user.is_authenticated:
        completed = request.session.get(SESSION_KEY, {})
        if str(lesson.translation_key) in completed:
            return False
        request.session[SESSION_KEY] = {**completed, str(lesson.translation_key): language_code}
        return True
    try:
        with transaction.atomic():
            LessonCompletion.objects.create(
                user=request.user, lesson_key=lesson.translation_key, language_code=language_code
            )
            enrol(request.user, CoursePage.keys_above([lesson]).values(), language_code)
    except IntegrityError:
        return False
    lesson_completed.send(sender=LessonPage, user=request.user, lesson=lesson)
    return True


def merge_session_completions(request, user):
    """Move an anonymous reader's completions into their account, skipping ones it has."""
    completed = request.session.pop(SESSION_KEY, {})
    if not completed:
        return
    lessons = LessonPage.objects.filter(translation_key__in=completed).only(
        "path", "depth", "translation_key"
    )
    course_keys = CoursePage.keys_above(lessons)
    with transaction.atomic():
        LessonCompletion.objects.bulk_create(
            [
                LessonCompletion(user=user, lesson_key=key, language_code=language_code)
                for key, language_code in completed.items()
            ],
            ignore_conflicts=True,
        )
        for lesson_key, course_key in course_keys.items():
            enrol(user, [course_key], completed[str(lesson_key)])
