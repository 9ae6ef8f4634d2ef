"""Every learner action that may complete a course ends here, and here only."""

from django.db.models.signals import post_save

from learners.models import LearnerProfile
from learners.signals import lesson_completed, path_chosen, session_progress_merged
from quizzes.signals import attempt_submitted

from .issuing import (
    completes_its_module,
    issue_due_certificates,
    kept_reference_course,
    reference_course,
)


def issue_for_course_of(user, page):
    course = reference_course(page)
    if course is not None:
        issue_due_certificates(user, [course])


def lesson_may_complete_a_course(sender, user, lesson, **kwargs):
    course = kept_reference_course(lesson)
    if course is not None and completes_its_module(user, course, lesson):
        issue_due_certificates(user, [course])


def pass_may_complete_a_course(sender, user, attempt, quiz, **kwargs):
    if attempt.passed:
        issue_for_course_of(user, quiz)


def chosen_path_may_be_complete(sender, user, course, **kwargs):
    issue_for_course_of(user, course)


def merged_progress_may_complete_a_course(sender, user, **kwargs):
    """At log-in, once lessons read without an account have joined it."""
    issue_due_certificates(user)


def a_new_profile_gives_the_name_to_print(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        issue_due_certificates(instance.user)


def connect():
    lesson_completed.connect(lesson_may_complete_a_course, dispatch_uid="certificate_on_lesson")
    attempt_submitted.connect(pass_may_complete_a_course, dispatch_uid="certificate_on_pass")
    path_chosen.connect(chosen_path_may_be_complete, dispatch_uid="certificate_on_path")
    session_progress_merged.connect(
        merged_progress_may_complete_a_course, dispatch_uid="certificate_on_log_in"
    )
    post_save.connect(
        a_new_profile_gives_the_name_to_print,
        sender=LearnerProfile,
        dispatch_uid="certificate_on_new_profile",
    )
