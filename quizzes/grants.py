"""Granting a learner one more attempt at a quiz: when it may be granted, and recording it.

Staff in the admin (``views_admin.py``) and facilitators for their class members ask the same
rule, so a grant means the same whoever makes it.
"""

from django.utils.translation import gettext as _

from .models import ExtraAttempt, QuizAttempt, QuizState


def state_of(user, quiz):
    attempts = QuizAttempt.objects.with_extra_attempts().filter(
        user=user, quiz_key=quiz.translation_key
    )
    return QuizState(list(attempts.defer("answers", "credits")), quiz.max_attempts)


def refusal(state):
    """Why no attempt may be granted to a learner in ``state``, or None if one may: only a
    learner who used up a limited quiz's attempts without passing needs one."""
    if state.passed:
        return _("This learner has already passed this quiz.")
    if state.attempts_left is None:
        return _("This quiz has no limit on attempts.")
    if state.attempts_left:
        return _("This learner still has attempts left at this quiz.")
    return None


def grant_extra_attempt(user, quiz, granted_by, reason):
    return ExtraAttempt.objects.create(
        user=user, quiz_key=quiz.translation_key, granted_by=granted_by, reason=reason
    )
