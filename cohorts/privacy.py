"""A learner's cohort memberships in their data export; deleting the account removes them (the
rows cascade with the user, and pending invitations to their address go too)."""

from learners.privacy import register_section

from .models import Invitation, Membership


def export_memberships(user):
    return [
        {
            "cohort": membership.cohort.name,
            "organisation": membership.cohort.organisation,
            "joined": membership.joined,
            "joined_at": membership.joined_at.isoformat(),
            "shares_email_with_facilitators": membership.shares_email,
        }
        for membership in Membership.objects.filter(user=user)
        .select_related("cohort")
        .order_by("joined_at")
    ]


def remove_memberships(user):
    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()


def register():
    register_section("cohorts", export_memberships, remove_memberships)
