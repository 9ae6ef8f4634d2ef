"""Keeping each learner's enrolment in step with what they do.

Called inside the transaction that records the activity, so the summary row never disagrees
with the rows it summarises.
"""

from django.utils import timezone

from .models import Enrolment


def save_enrolments(enrolments):
    """The one place enrolment rows are written: each new (learner, course) is added, one that
    exists is kept as it is."""
    Enrolment.objects.bulk_create(enrolments, ignore_conflicts=True, batch_size=5000)


def enrol(user, course_keys, language_code):
    """Record that ``user`` has started the courses in ``course_keys`` (if not already)."""
    now = timezone.now()
    save_enrolments(
        [
            Enrolment(user=user, course_key=key, language_code=language_code, started_at=now)
            for key in course_keys
        ]
    )


def choose_path(user, course_key, path, language_code):
    """Record that ``user`` follows ``path`` in the course (enrolling them if need be)."""
    enrol(user, [course_key], language_code)
    Enrolment.objects.filter(user=user, course_key=course_key).update(path=path)


def mark_completed(user, course_key, language_code, when):
    """Record the moment ``user`` completed a course; a later call keeps the first moment."""
    enrol(user, [course_key], language_code)
    Enrolment.objects.filter(user=user, course_key=course_key, completed_at__isnull=True).update(
        completed_at=when
    )
