"""Django's and allauth's log-in backends, reading the learner's profile in the query that loads
the user on every request: pages mark notes for the reader's profession, and the dashboard shows
their name, without asking the database again."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileWithUser:
    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("learner_profile").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class ModelBackendWithProfile(ProfileWithUser, ModelBackend):
    """Log-in by username and password (the Wagtail admin's form)."""


class EmailBackendWithProfile(ProfileWithUser, AuthenticationBackend):
    """Log-in by e-mail address (allauth's forms)."""
