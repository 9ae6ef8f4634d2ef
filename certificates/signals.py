"""Every learner action that may complete a course ends here, and here only."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from learners.models import LearnerProfile
from modules.signals import lesson_completed
from quizzes.signals import attempt_submitted

from .issuing import issue_due_certificates, reference_course


def issue_for_course_of(user, page):
    course = reference_course(page)
    if course is not None:
        issue_due_certificates(user, [course])


@receiver(lesson_completed)
def lesson_may_complete_a_course(sender, user, lesson, **kwargs):
    issue_for_course_of(user, lesson)


@receiver(attempt_submitted)
def pass_may_complete_a_course(sender, user, attempt, quiz, **kwargs):
    if attempt.passed:
        issue_for_course_of(user, quiz)


@receiver(user_logged_in)
def merged_progress_may_complete_a_course(sender, request, user, **kwargs):
    """Lessons read before logging in have just joined the account (learners.signals)."""
    issue_due_certificates(user)


@receiver(post_save, sender=LearnerProfile)
def a_new_profile_gives_the_name_to_print(sender, instance, created, **kwargs):
    if created:
        issue_due_certificates(instance.user)
