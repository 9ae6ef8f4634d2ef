"""A platform's class list (Names and Role Provisioning) fills a cohort: its learners become
members, its instructors the cohort's facilitators."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from pylti1p3.names_roles import NamesRolesProvisioningService
from pylti1p3.service_connector import ServiceConnector

from cohorts.membership import add_members
from cohorts.models import Cohort, Membership

from . import claims as read
from . import tool_config
from .accounts import linked_user
from .models import PlatformClass

CLASS_LENGTH = datetime.timedelta(days=365)


def class_list(platform, nrps_claim):
    """The members of the platform's course, read with the tool's own token."""
    service = NamesRolesProvisioningService(
        ServiceConnector(tool_config.registration(platform), tool_config.PlatformSession()),
        nrps_claim,
    )
    return [
        member for member in service.get_members() if member.get("status", "Active") == "Active"
    ]


def fill_cohort(platform, launch, course, language_code, members):
    """Create the cohort of the launch's platform course (or bring it up to date) from
    ``members``; returns ``(cohort, members added)``."""
    with transaction.atomic():
        link = (
            PlatformClass.objects.select_related("cohort")
            .filter(platform=platform, context_id=read.context_id(launch))
            .first()
        )
        if link is None:
            today = timezone.localdate()
            cohort = Cohort.objects.create(
                name=read.context_title(launch) or course.title,
                organisation=platform.name,
                course_key=course.translation_key,
                language_code=language_code,
                starts_on=today,
                ends_on=today + CLASS_LENGTH,
            )
            PlatformClass.objects.create(
                platform=platform, context_id=read.context_id(launch), cohort=cohort
            )
        else:
            cohort = link.cohort
        learners, facilitators = [], []
        for member in members:
            claims = {**member, "sub": member["user_id"]}
            user = linked_user(platform, claims, read.language(claims, language_code))
            (facilitators if read.teaches(member.get("roles", [])) else learners).append(user)
        group = Group.objects.get(name="Facilitators")
        for user in facilitators:
            user.groups.add(group)
        cohort.facilitators.add(*facilitators)
        added = add_members(cohort, learners, Membership.Joined.LIST, shares_email=True)
    return cohort, added
