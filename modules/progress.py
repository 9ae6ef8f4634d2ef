"""What a learner has completed, as plain functions over completions and the course tree.

A lesson is complete when the learner has a completion row for its translation_key, in any
language. A module is complete when all its live lessons are; a course when all its modules are.
Unpublished or deleted lessons are not in the live tree, so they never block completion.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from wagtail.models import Page

from learners.models import LessonCompletion

from .models import CoursePage, LessonPage, ModulePage
from .signals import lesson_completed

SESSION_KEY = "completed_lessons"
LESSON_FIELDS = ["id", "path", "title", "url_path", "translation_key", "locale_id", "summary"]


@dataclass
class ModuleProgress:
    module: ModulePage
    lessons: list = field(default_factory=list)
    done: int = 0

    @property
    def total(self):
        return len(self.lessons)

    @property
    def is_complete(self):
        return self.done == self.total

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 100

    @property
    def next_lesson(self):
        return next((lesson for lesson in self.lessons if not lesson.is_done), None)

    def add(self, lesson, completed_keys):
        lesson.is_done = str(lesson.translation_key) in completed_keys
        self.lessons.append(lesson)
        self.done += lesson.is_done


@dataclass
class CourseProgress:
    course: CoursePage
    modules: list = field(default_factory=list)

    @property
    def done(self):
        return sum(module.done for module in self.modules)

    @property
    def total(self):
        return sum(module.total for module in self.modules)

    @property
    def is_started(self):
        return self.done > 0

    @property
    def is_complete(self):
        return bool(self.modules) and all(module.is_complete for module in self.modules)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def resume_lesson(self):
        """The first unfinished lesson, in course order."""
        return next((module.next_lesson for module in self.modules if module.next_lesson), None)


def completed_lesson_keys(request):
    """Translation keys of the lessons this visitor has completed: from the database for a
    learner, from the session for an anonymous reader."""
    if request.user.is_authenticated:
        keys = LessonCompletion.objects.filter(user=request.user).values_list(
            "lesson_key", flat=True
        )
        return {str(key) for key in keys}
    return set(request.session.get(SESSION_KEY, {}))


def summarise(courses, modules, lessons, completed_keys):
    """Group live modules and lessons under their courses (matched by tree path) and count what
    ``completed_keys`` covers. Pure: the three lists come in already fetched."""
    modules_by_path = {}
    progress = []
    for course in courses:
        course_progress = CourseProgress(course)
        for module in modules:
            if module.path.startswith(course.path):
                module_progress = ModuleProgress(module)
                course_progress.modules.append(module_progress)
                modules_by_path[module.path] = module_progress
        progress.append(course_progress)
    for lesson in lessons:
        module_progress = modules_by_path.get(lesson.path[: -Page.steplen])
        if module_progress is not None:
            module_progress.add(lesson, completed_keys)
    return progress


def progress_for_courses(courses, completed_keys):
    """Progress through each of ``courses`` in two queries, however many there are."""
    courses = list(courses)
    if not courses:
        return []
    under_courses = Q()
    for course in courses:
        under_courses |= Q(path__startswith=course.path, depth__gt=course.depth)
    modules = ModulePage.objects.live().filter(under_courses).order_by("path")
    lessons = LessonPage.objects.live().filter(under_courses).order_by("path").only(*LESSON_FIELDS)
    return summarise(courses, list(modules), list(lessons), completed_keys)


def course_progress(course, completed_keys):
    return progress_for_courses([course], completed_keys)[0]


def module_progress(module, completed_keys):
    progress = ModuleProgress(module)
    for lesson in LessonPage.objects.live().child_of(module).order_by("path").only(*LESSON_FIELDS):
        progress.add(lesson, completed_keys)
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
    except IntegrityError:
        return False
    lesson_completed.send(sender=LessonPage, user=request.user, lesson=lesson)
    return True


def merge_session_completions(request, user):
    """Move an anonymous reader's completions into their account, skipping ones it has."""
    completed = request.session.pop(SESSION_KEY, {})
    LessonCompletion.objects.bulk_create(
        [
            LessonCompletion(user=user, lesson_key=key, language_code=language_code)
            for key, language_code in completed.items()
        ],
        ignore_conflicts=True,
    )
