"""Granting a learner one more attempt at a quiz: when it may be granted, and recording it.

Staff in the admin (``views_admin.py``) and facilitators for their class members ask the same
rule, so a grant means the same whoever makes it.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
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
    """Record the grant, or return None if by now none may be given (two staff clicking at
    once): the learner's row is locked as starting an attempt locks it."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if refusal(state_of(user, quiz)):
            return None
        return ExtraAttempt.objects.create(
            user=user, quiz_key=quiz.translation_key, granted_by=granted_by, reason=reason
        )
