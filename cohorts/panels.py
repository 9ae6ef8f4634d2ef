"""The learner's classes on their dashboard."""

from learners.panels import register_panel

from .models import Membership


def classes_panel(request):
    memberships = Membership.objects.filter(user=request.user).select_related("cohort")
    return {"memberships": list(memberships.order_by("-cohort__starts_on"))}


def register():
    register_panel("cohorts/dashboard_panel.html", classes_panel)
