"""Learners' actions, heard from the layers below, become statements in the outbox."""

from django.db.models.signals import post_save

from certificates.models import Certificate
from learners.signals import lesson_completed
from modules.languages import live_translation
from modules.models import CoursePage
from quizzes.signals import attempt_started, attempt_submitted

from . import statements
from .delivery import is_configured, record


def lesson_was_completed(sender, user, lesson, **kwargs):
    if is_configured():
        record(user, statements.lesson_completed(user, lesson))


def quiz_was_attempted(sender, user, quiz, language_code, **kwargs):
    """Heard inside the transaction that starts the attempt: the statement commits with it."""
    if is_configured():
        record(user, statements.quiz_attempted(user, quiz, language_code))


def quiz_was_submitted(sender, user, attempt, quiz, **kwargs):
    if is_configured():
        record(user, statements.quiz_judged(user, quiz, attempt))


def path_was_completed(sender, instance, created, raw=False, **kwargs):
    """A certificate is issued when a path (or the whole course) is complete, once per learner,
    course and path, inside the transaction that issues it. A replacement after a name
    correction completes nothing new."""
    if not created or raw or not is_configured():
        return
    earlier = Certificate.objects.filter(
        user=instance.user, course_key=instance.course_key, path=instance.path
    )
    if earlier.exclude(pk=instance.pk).exists():
        return
    course = live_translation(CoursePage, instance.course_key, instance.language_code)
    if course is not None:
        record(instance.user, statements.path_completed(instance.user, course, instance))


def connect():
    lesson_completed.connect(lesson_was_completed, dispatch_uid="xapi_lesson_completed")
    attempt_started.connect(quiz_was_attempted, dispatch_uid="xapi_quiz_attempted")
    attempt_submitted.connect(quiz_was_submitted, dispatch_uid="xapi_quiz_submitted")
    post_save.connect(path_was_completed, sender=Certificate, dispatch_uid="xapi_path_completed")
