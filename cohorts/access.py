"""Who may see and act on which cohort: a facilitator their own, a course manager every one."""

from django.shortcuts import get_object_or_404

from .models import Cohort

SEE_ALL = "cohorts.view_all_cohorts"
FACILITATE = "cohorts.add_cohort"


def may_facilitate(user):
    return user.is_authenticated and (user.has_perm(FACILITATE) or user.has_perm(SEE_ALL))


def cohorts_for(user):
    """The cohorts ``user`` may see and act on."""
    if user.has_perm(SEE_ALL):
        return Cohort.objects.all()
    if user.has_perm(FACILITATE):
        return Cohort.objects.filter(facilitators=user)
    return Cohort.objects.none()


def cohort_for(user, pk):
    """One of ``user``'s cohorts, or a 404: another facilitator's cohort does not exist for them."""
    return get_object_or_404(cohorts_for(user), pk=pk)
