"""Learners joining and leaving classes: by join code, or by following an e-mailed invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from modules.caching import personal

from .class_progress import cohort_course
from .forms import JoinCodeForm, JoinForm
from .membership import accept_invitation, invitation_for, join, leave
from .models import Cohort, Invitation, Membership
from .receivers import INVITATION_SESSION_KEY


def after_joining(request, cohort):
    course = cohort_course(cohort)
    return redirect(course.get_url(request) if course else "dashboard")


@personal
@login_required
def enter_join_code(request):
    form = JoinCodeForm(request.GET or None)
    if form.is_valid():
        return redirect("join_cohort", code=form.cleaned_data["code"])
    return TemplateResponse(request, "cohorts/enter_join_code.html", {"form": form})


@personal
@login_required
def join_cohort(request, code):
    cohort = get_object_or_404(Cohort, join_code=code)
    form = JoinForm(request.POST if request.method == "POST" else None)
    if Membership.objects.filter(cohort=cohort, user=request.user).exists():
        messages.info(request, _("You are already in the class “%(name)s”.") % {"name": cohort})
        return after_joining(request, cohort)
    if request.method == "POST" and form.is_valid():
        join(cohort, request.user, Membership.Joined.CODE, form.cleaned_data["shares_email"])
        messages.success(request, _("You have joined the class “%(name)s”.") % {"name": cohort})
        return after_joining(request, cohort)
    context = {"cohort": cohort, "course": cohort_course(cohort), "form": form}
    return TemplateResponse(request, "cohorts/join.html", context)


@personal
def follow_invitation(request, token):
    """A signed-in learner joins at once; anyone else is asked to sign up (or log in) with the
    invited address, and joins when they do (see receivers.py)."""
    if not request.user.is_authenticated:
        invitation = get_object_or_404(Invitation, token=token, accepted_at__isnull=True)
        request.session[INVITATION_SESSION_KEY] = token
        messages.info(
            request,
            _("Sign up, or log in, with %(email)s to join the class “%(name)s”.")
            % {"email": invitation.email, "name": invitation.cohort},
        )
        return redirect(reverse("account_signup") + "?" + urlencode({"next": request.path}))
    invitation = invitation_for(request.user, token)
    if invitation is None:
        joined = Membership.objects.filter(
            user=request.user, cohort__invitations__token=token
        ).select_related("cohort")
        if joined.exists():  # accepted as they logged in (receivers.py): on to the course
            return after_joining(request, joined.first().cohort)
        return TemplateResponse(request, "cohorts/invitation_not_found.html", status=404)
    accept_invitation(invitation, request.user)
    messages.success(
        request, _("You have joined the class “%(name)s”.") % {"name": invitation.cohort}
    )
    return after_joining(request, invitation.cohort)


@login_required
@require_POST
def leave_cohort(request, pk):
    membership = get_object_or_404(Membership, cohort__pk=pk, user=request.user)
    leave(membership.cohort, request.user)
    messages.success(
        request, _("You have left the class “%(name)s”.") % {"name": membership.cohort}
    )
    return redirect("dashboard")
