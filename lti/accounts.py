"""A platform's user is linked to one learner account, by the platform and its ``sub``."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction

from learners.models import LearnerProfile, Role

from . import claims as read
from .models import PlatformAccount


def linked_user(platform, claims, language_code):
    """The learner ``claims["sub"]`` of ``platform`` is: found, or made with a profile from the
    claims' name. A known learner keeps the name and e-mail they have."""
    with transaction.atomic():
        account = (
            PlatformAccount.objects.select_related("user")
            .filter(platform=platform, sub=claims["sub"])
            .first()
        )
        if account is not None:
            return account.user
        user = get_user_model().objects.create_user(
            username=f"lti-{uuid.uuid4().hex}",
            email=claims.get("email", "")[:254],
        )
        PlatformAccount.objects.create(platform=platform, sub=claims["sub"], user=user)
        LearnerProfile.objects.create(
            user=user,
            full_name=read.full_name(claims) or user.username,
            role=Role.OTHER,
            preferred_language=language_code,
        )
        return user
