"""A platform's user is linked to one learner account, by the platform and its ``sub``."""

import uuid

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from learners.models import LearnerProfile, Role

from . import claims as read
from .models import PlatformAccount


def linked_user(platform, claims, language_code):
    """The learner ``claims["sub"]`` of ``platform`` is: found, or made with a profile from the
    claims' name. A known learner keeps the name and e-mail they have."""
    account = (
        PlatformAccount.objects.select_related("user")
        .filter(platform=platform, sub=claims["sub"])
        .first()
    )
    if account is not None:
        return account.user
    try:
        with transaction.atomic():
            return new_learner(platform, claims, language_code)
    except IntegrityError:
        # The same user's other launch, a moment earlier, made the account.
        return PlatformAccount.objects.get(platform=platform, sub=claims["sub"]).user


def new_learner(platform, claims, language_code):
    user = get_user_model().objects.create_user(
        username=f"lti-{uuid.uuid4().hex}", email=claims.get("email", "")[:254]
    )
    PlatformAccount.objects.create(platform=platform, sub=claims["sub"], user=user)
    LearnerProfile.objects.create(
        user=user,
        full_name=read.full_name(claims) or user.username,
        role=Role.OTHER,
        preferred_language=language_code,
    )
    return user
