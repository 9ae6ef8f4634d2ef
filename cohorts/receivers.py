"""At log-in, a class invitation followed before signing up is accepted."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext as _

from .membership import accept_invitation, invitation_for

INVITATION_SESSION_KEY = "cohort_invitation"


def accept_the_invitation_followed(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    token = session.pop(INVITATION_SESSION_KEY, None) if session is not None else None
    invitation = invitation_for(user, token) if token else None
    if invitation is not None:
        accept_invitation(invitation, user)
        messages.success(
            request, _("You have joined the class “%(name)s”.") % {"name": invitation.cohort}
        )


def connect():
    user_logged_in.connect(accept_the_invitation_followed, dispatch_uid="cohort_invitation")
