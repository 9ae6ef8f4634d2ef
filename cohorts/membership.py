"""Joining and leaving a cohort: the one place memberships and invitations are written.

A member is enrolled in the cohort's course at once (in the cohort's language), and follows the
cohort's path when it sets one, so the class page and the learner's own pages agree.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from learners.enrolments import choose_path, enrol
from learners.models import LearnerProfile
from learners.signals import path_chosen
from modules.addresses import public_base_url
from modules.languages import live_translation
from modules.models import CoursePage

from .models import Invitation, Membership


def add_members(cohort, users, joined, shares_email=False):
    """Make ``users`` members of ``cohort`` (those already in it stay as they are); return the
    memberships created."""
    users = list(users)
    existing = set(
        Membership.objects.filter(cohort=cohort, user__in=users).values_list("user_id", flat=True)
    )
    new = [user for user in users if user.pk not in existing]
    Membership.objects.bulk_create(
        [
            Membership(cohort=cohort, user=user, joined=joined, shares_email=shares_email)
            for user in new
        ],
        ignore_conflicts=True,
    )
    for user in new:
        enrol(user, [cohort.course_key], cohort.language_code)
        if cohort.path:
            choose_path(user, cohort.course_key, cohort.path, cohort.language_code)
    course = live_translation(CoursePage, cohort.course_key, cohort.language_code)
    if cohort.path and course is not None:
        # A member who had already completed the class's path gets its certificate now.
        transaction.on_commit(lambda: announce_path(new, course))
    return new


def announce_path(users, course):
    for user in users:
        path_chosen.send(sender=CoursePage, user=user, course=course)


def join(cohort, user, joined, shares_email=False):
    """Add one learner; False if they were a member already."""
    with transaction.atomic():
        return bool(add_members(cohort, [user], joined, shares_email))


def enrol_class_list(cohort, people, request=None):
    """Add the people of a checked class list: those with an account become members, the others
    are invited by e-mail (sent through the task queue once the transaction commits). Returns
    ``(members added, people invited)``."""
    emails = {person.email.lower(): person for person in people}
    users = get_user_model().objects.annotate(lowered=Lower("email")).filter(lowered__in=emails)
    with transaction.atomic():
        added = add_members(cohort, users, Membership.Joined.LIST, shares_email=True)
        known = {user.lowered for user in users}
        invited = []
        for email, person in emails.items():
            if email in known:
                continue
            invitation, _created = Invitation.objects.update_or_create(
                cohort=cohort,
                email=email,
                defaults={
                    "full_name": person.full_name,
                    "role": person.role,
                    "language_code": person.language_code,
                },
            )
            if invitation.accepted_at is None:
                invited.append(invitation)
        transaction.on_commit(lambda: send_invitations(invited, request))
    return added, invited


def send_invitations(invitations, request=None):
    for invitation in invitations:
        send_invitation(invitation, request)


def send_invitation(invitation, request=None):
    """E-mail the invitation in the invited person's language."""
    cohort = invitation.cohort
    language = invitation.language_code
    course = live_translation(CoursePage, cohort.course_key, language)
    with translation.override(language):
        link = public_base_url(request) + reverse("cohort_invitation", args=[invitation.token])
        context = {"invitation": invitation, "cohort": cohort, "course": course, "link": link}
        subject = render_to_string("cohorts/email/invitation_subject.txt", context).strip()
        body = render_to_string("cohorts/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())


def accept_invitation(invitation, user):
    """The invited person, now signed in, joins the class; their profile starts from what the
    facilitator's list said if they have none yet."""
    with transaction.atomic():
        if not LearnerProfile.objects.filter(user=user).exists():
            LearnerProfile.objects.create(
                user=user,
                full_name=invitation.full_name,
                role=invitation.role,
                preferred_language=invitation.language_code,
            )
        add_members(invitation.cohort, [user], Membership.Joined.INVITATION, shares_email=True)
        Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())


def invitation_for(user, token):
    """The open invitation with ``token`` addressed to ``user``'s e-mail, or None."""
    return (
        Invitation.objects.select_related("cohort")
        .filter(token=token, accepted_at__isnull=True, email__iexact=user.email)
        .first()
    )


def leave(cohort, user):
    Membership.objects.filter(cohort=cohort, user=user).delete()
