"""A quiz attempt submitted, or a path completed (its certificate issued), by a learner who came
from a platform's gradebook column: the score goes back to that column."""

from django.db import transaction
from django.db.models.signals import post_save

from certificates.models import Certificate
from quizzes.signals import attempt_submitted

from . import scores
from .models import GradeLink
from .tasks import queue_scores


def attempt_goes_to_the_gradebook(sender, user, attempt, quiz, **kwargs):
    links = list(
        GradeLink.objects.filter(
            account__user=user, kind=GradeLink.Kind.QUIZ, page_key=quiz.translation_key
        )
    )
    if links:
        score = scores.quiz_score(attempt)
        transaction.on_commit(lambda: queue_scores(links, score))


def completed_path_goes_to_the_gradebook(sender, instance, created, raw=False, **kwargs):
    if not created or raw or instance.user_id is None:
        return
    links = list(
        GradeLink.objects.filter(
            account__user_id=instance.user_id,
            kind=GradeLink.Kind.PATH,
            page_key=instance.course_key,
            path=instance.path,
        )
    )
    if links:
        transaction.on_commit(lambda: queue_scores(links, scores.path_score()))


def connect():
    attempt_submitted.connect(attempt_goes_to_the_gradebook, dispatch_uid="lti_score_attempt")
    post_save.connect(
        completed_path_goes_to_the_gradebook,
        sender=Certificate,
        dispatch_uid="lti_score_path",
    )
