"""At log-in, a class invitation followed before signing up is accepted."""

from django.contrib.auth.signals import user_logged_in

from .membership import accept_invitation, invitation_for

INVITATION_SESSION_KEY = "cohort_invitation"


def accept_the_invitation_followed(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    token = session.pop(INVITATION_SESSION_KEY, None) if session is not None else None
    invitation = invitation_for(user, token) if token else None
    if invitation is not None:
        accept_invitation(invitation, user)


def connect():
    user_logged_in.connect(accept_the_invitation_followed, dispatch_uid="cohort_invitation")
