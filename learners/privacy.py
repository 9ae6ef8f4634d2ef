"""A learner's right to their data: everything we hold about them, and its erasure.

This app exports and erases what it and the layers below it own. An app above that keeps
personal data of its own (certificates, say) registers a section here from its
``AppConfig.ready()``, with how to export it and how to erase it, so this module never imports it.
"""

from dataclasses import dataclass

from django.db import transaction

from quizzes.models import ExtraAttempt, QuizAttempt

from .models import Enrolment, LearnerProfile, LessonCompletion


@dataclass(frozen=True)
class Section:
    export: object  # user → JSON-ready data
    erase: object  # user → None, run in the deletion's transaction before the account goes


registered_sections = {}


def register_section(name, export, erase):
    registered_sections[name] = Section(export, erase)


def learner_data(user):
    """Every row the learner owns, as plain JSON-ready data."""
    profile = LearnerProfile.objects.filter(user=user).first()
    data = {
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
        "extra_attempts": [
            {
                "quiz_key": str(grant.quiz_key),
                "reason": grant.reason,
                "granted_at": grant.granted_at.isoformat(),
            }
            for grant in ExtraAttempt.objects.filter(user=user).order_by("granted_at")
        ],
    }
    for name, section in registered_sections.items():
        data[name] = section.export(user)
    return data


@transaction.atomic
def delete_learner(user):
    """Erase the account and everything hanging from it (profile, e-mail addresses,
    completions, enrolments, quiz attempts and their responses, extra attempts granted to them)
    in one transaction, after each registered section has erased or anonymised its own rows.
    Extra attempts they granted others stay, without their name."""
    for section in registered_sections.values():
        section.erase(user)
    user.delete()
