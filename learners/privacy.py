"""A learner's right to their data: everything we hold about them, and its erasure."""

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from certificates.models import Certificate
from quizzes.models import QuizAttempt

from .models import Enrolment, LearnerProfile, LessonCompletion


def learner_data(user):
    """Every row the learner owns, as plain JSON-ready data."""
    profile = LearnerProfile.objects.filter(user=user).first()
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": profile
        and {
            "full_name": profile.full_name,
            "role": profile.role,
            "organisation": profile.organisation,
            "country": profile.country.code,
            "preferred_language": profile.preferred_language,
        },
        "lesson_completions": [
            {
                "lesson_key": str(completion.lesson_key),
                "language_code": completion.language_code,
                "completed_at": completion.completed_at.isoformat(),
            }
            for completion in LessonCompletion.objects.filter(user=user).order_by("completed_at")
        ],
        "courses": [
            {
                "course_key": str(enrolment.course_key),
                "language_code": enrolment.language_code,
                "started_at": enrolment.started_at.isoformat(),
                "completed_at": enrolment.completed_at and enrolment.completed_at.isoformat(),
            }
            for enrolment in Enrolment.objects.filter(user=user).order_by("started_at")
        ],
        "quiz_attempts": [
            {
                "quiz_key": str(attempt.quiz_key),
                "number": attempt.number,
                "language_code": attempt.language_code,
                "started_at": attempt.started_at.isoformat(),
                "submitted_at": attempt.submitted_at and attempt.submitted_at.isoformat(),
                "answers": attempt.answers,
                "score": attempt.score,
                "passed": attempt.passed,
            }
            for attempt in QuizAttempt.objects.filter(user=user).order_by("started_at")
        ],
        "certificates": [
            {
                "course_key": str(certificate.course_key),
                "name": certificate.full_name,
                "code": certificate.grouped_code,
                "issued_at": certificate.issued_at.isoformat(),
                "revoked_at": certificate.revoked_at and certificate.revoked_at.isoformat(),
            }
            for certificate in Certificate.objects.filter(user=user).order_by("issued_at")
        ],
    }


@transaction.atomic
def delete_learner(user):
    """Erase the account and everything hanging from it (profile, e-mail addresses,
    completions, enrolments, quiz attempts and their responses) in one transaction.
    Certificates stay as records, so a code someone checks still answers, but lose the name
    and read as withdrawn."""
    Certificate.objects.filter(user=user).update(
        full_name="",
        revoked_at=Coalesce("revoked_at", timezone.now()),
        revoked_reason="Withdrawn at the holder's request.",
    )
    user.delete()
