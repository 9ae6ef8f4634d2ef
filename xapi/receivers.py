"""Learners' actions, heard from the layers below, become statements in the outbox, each in the
transaction that records the action: the completion, the attempt or the certificate and its
statement are committed together, or neither is."""

from django.db.models.signals import post_save

from certificates.models import Certificate
from learners.models import LessonCompletion
from modules.languages import live_translation
from modules.models import CoursePage, LessonPage
from quizzes.models import QuizAttempt, QuizPage
from quizzes.signals import attempt_started

from . import statements
from .delivery import is_configured, record


def lesson_was_completed(sender, instance, created, raw=False, **kwargs):
    """A learner's first completion of a lesson (lessons read before logging in join the
    account in bulk, unannounced, and make no statement)."""
    if not created or raw or not is_configured():
        return
    lesson = live_translation(LessonPage, instance.lesson_key, instance.language_code)
    if lesson is not None:
        record(instance.user, statements.lesson_completed(instance.user, lesson))


def quiz_was_attempted(sender, user, quiz, language_code, **kwargs):
    if is_configured():
        record(user, statements.quiz_attempted(user, quiz, language_code))


def quiz_was_submitted(sender, instance, created, raw=False, **kwargs):
    """An attempt saved with its result. Its statement's id comes from the attempt, so saving
    the attempt again records nothing new."""
    if created or raw or instance.submitted_at is None or not is_configured():
        return
    quiz = live_translation(QuizPage, instance.quiz_key, instance.language_code)
    if quiz is not None:
        record(instance.user, statements.quiz_judged(instance.user, quiz, instance))


def path_was_completed(sender, instance, created, raw=False, **kwargs):
    """A certificate is issued when a path (or the whole course) is complete, once per learner,
    course and path. A replacement after a name correction completes nothing new."""
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
    post_save.connect(
        lesson_was_completed, sender=LessonCompletion, dispatch_uid="xapi_lesson_completed"
    )
    # Sent inside the transaction that starts the attempt.
    attempt_started.connect(quiz_was_attempted, dispatch_uid="xapi_quiz_attempted")
    post_save.connect(quiz_was_submitted, sender=QuizAttempt, dispatch_uid="xapi_quiz_submitted")
    post_save.connect(path_was_completed, sender=Certificate, dispatch_uid="xapi_path_completed")
