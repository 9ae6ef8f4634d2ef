"""Starting and submitting attempts. The database keeps the rules under concurrent requests:
the learner's row is locked while an attempt starts, the attempt's row while it is submitted,
and unique constraints back both up."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import QuestionResponse, QuizAttempt, QuizState
from .scoring import score
from .signals import attempt_started, attempt_submitted


class AttemptRefused(Exception):
    """The learner may not start another attempt; the message says why."""


def start_attempt(user, quiz, language_code):
    """The learner's open attempt at ``quiz``, or a new one if they may start one."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        attempts = list(
            QuizAttempt.objects.with_extra_attempts().filter(
                user=user, quiz_key=quiz.translation_key
            )
        )
        state = QuizState(attempts, quiz.max_attempts)
        if state.open_attempt:
            return state.open_attempt
        if state.passed:
            raise AttemptRefused(_("You have already passed this quiz."))
        if state.attempts_left == 0:
            raise AttemptRefused(
                ngettext(
                    "You have used your only attempt at this quiz.",
                    "You have used all %(count)s attempts at this quiz.",
                    state.used,
                )
                % {"count": state.used}
            )
        attempt = QuizAttempt.objects.create(
            user=user,
            quiz_key=quiz.translation_key,
            number=state.used + 1,
            language_code=language_code,
            seed=secrets.randbelow(2**31),
        )
        attempt_started.send(sender=QuizAttempt, user=user, quiz=quiz, language_code=language_code)
        return attempt


def submit_attempt(attempt_id, user, quiz, answers, language_code):
    """Score and record an open attempt; return ``(attempt, recorded)``.

    A second submission of the same attempt, however close in time, records nothing and returns
    the first result with ``recorded=False``.
    """
    with transaction.atomic():
        attempt = QuizAttempt.objects.select_for_update().get(
            pk=attempt_id, user=user, quiz_key=quiz.translation_key
        )
        if attempt.is_submitted:
            return attempt, False
        result = score(quiz.questions_for(attempt), answers)
        attempt.answers = answers
        attempt.credits = {key: float(credit) for key, credit in result.credits.items()}
        attempt.score = result.percent
        attempt.pass_mark = quiz.pass_mark
        attempt.passed = result.passes(quiz.pass_mark)
        attempt.language_code = language_code
        attempt.submitted_at = timezone.now()
        attempt.save()
        record_responses(attempt)
    # Sent once the result is committed, so a receiver that reads the learner's progress (the
    # certificates app) sees it.
    attempt_submitted.send(sender=QuizAttempt, user=user, attempt=attempt, quiz=quiz)
    return attempt, True


def record_responses(attempt):
    """One row per question of a submitted attempt, for the reports."""
    QuestionResponse.objects.bulk_create(QuestionResponse.rows_for(attempt))
