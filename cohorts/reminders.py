"""Reminding members who have not started or have gone quiet: in each learner's language,
through the task queue, and never more than once a week to the same learner, whatever the
number of classes they are in."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from modules.addresses import public_base_url

from .class_progress import COMPLETED, class_rows, cohort_course
from .models import Membership

REMINDER_INTERVAL = timezone.timedelta(days=7)


def inactive_members(cohort, days, now):
    """Rows of the members who joined more than ``days`` days ago, have not completed the course
    and did nothing in the last ``days`` days (or nothing at all)."""
    since = now - timezone.timedelta(days=days)
    return [
        row
        for row in class_rows(cohort)
        if row.status != COMPLETED
        and (row.last_activity is None or row.last_activity < since)
        and row.membership.joined_at < since
    ]


def remind_inactive(cohort, days, request=None):
    """E-mail each member inactive for ``days`` days who was not reminded in the last week;
    return how many were reminded."""
    now = timezone.now()
    due = inactive_members(cohort, days, now)
    recently = set(
        Membership.objects.filter(
            user__in=[row.membership.user for row in due], reminded_at__gte=now - REMINDER_INTERVAL
        ).values_list("user_id", flat=True)
    )
    due = [row for row in due if row.membership.user_id not in recently]
    for row in due:
        send_reminder(cohort, row.membership, request)
    Membership.objects.filter(pk__in=[row.membership.pk for row in due]).update(reminded_at=now)
    return len(due)


def send_reminder(cohort, membership, request=None):
    user = membership.user
    profile = getattr(user, "learner_profile", None)
    language = profile.preferred_language if profile else cohort.language_code
    with translation.override(language):
        course = cohort_course(cohort)
        link = public_base_url(request) + (course.url if course else reverse("dashboard"))
        context = {"cohort": cohort, "course": course, "link": link, "profile": profile}
        subject = render_to_string("cohorts/email/reminder_subject.txt", context).strip()
        body = render_to_string("cohorts/email/reminder_body.txt", context)
    send_mail(subject, body, None, [user.email])
