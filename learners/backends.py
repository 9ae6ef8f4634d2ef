"""Django's and allauth's log-in backends, reading the learner's profile in the query that loads
the user on every request: pages mark notes for the reader's profession, and the dashboard shows
their name, without asking the database again."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileWithUser:
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("learner_profile")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackendWithProfile(ProfileWithUser, ModelBackend):
    """Log-in by username and password (the Wagtail admin's form)."""


class EmailBackendWithProfile(ProfileWithUser, AuthenticationBackend):
    """Log-in by e-mail address (allauth's forms)."""
