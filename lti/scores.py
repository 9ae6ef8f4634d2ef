"""What score a learner's result sends to the platform's gradebook."""

from django.utils import timezone
from pylti1p3.grade import Grade


def quiz_score(attempt):
    """A submitted attempt: its percentage out of 100, passed or not."""
    return {
        "score_given": attempt.score or 0,
        "score_maximum": 100,
        "activity_progress": "Completed",
        "grading_progress": "FullyGraded",
        "comment": "passed" if attempt.passed else "not passed",
    }


def path_score():
    """A completed path counts as full marks."""
    return {
        "score_given": 1,
        "score_maximum": 1,
        "activity_progress": "Completed",
        "grading_progress": "FullyGraded",
        "comment": "path completed",
    }


def grade(user_id, score, when=None):
    return (
        Grade()
        .set_user_id(user_id)
        .set_score_given(score["score_given"])
        .set_score_maximum(score["score_maximum"])
        .set_activity_progress(score["activity_progress"])
        .set_grading_progress(score["grading_progress"])
        .set_comment(score["comment"])
        .set_timestamp((when or timezone.now()).isoformat())
    )
