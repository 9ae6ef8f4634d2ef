"""The facilitator's screens, in the Wagtail admin: their cohorts, each class's progress (a
Wagtail ``ReportView``, so it filters, sorts and exports like the course reports), the class
list upload and the actions on members. Every view reaches a cohort through
``access.cohort_for``, so another facilitator's class is a 404."""

import statistics
from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    UsageView,
)
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from quizzes.grants import grant_extra_attempt, refusal, state_of
from quizzes.models import QuizPage

from . import class_progress
from .access import cohort_for, cohorts_for, may_facilitate
from .class_list import ClassListError, read_class_list
from .forms import ClassListForm, CohortForm
from .membership import enrol_class_list, send_invitation
from .models import Cohort, Invitation, Membership
from .reminders import remind_inactive


class OwnCohorts:
    """Lists, shows and edits only the cohorts the user may act on: the generic views reach
    their objects through these three hooks."""

    def get_base_queryset(self):
        return cohorts_for(self.request.user)

    def get_queryset(self):
        return cohorts_for(self.request.user)

    def get_base_object_queryset(self):
        return cohorts_for(self.request.user)


class CohortIndexView(OwnCohorts, IndexView):
    def get_edit_url(self, instance):
        """A cohort's name leads to its class page, which links to editing it."""
        return reverse("cohorts:class", args=[instance.pk])


# Cohorts are saved without Wagtail's log entries: the site history report shows an entry to
# anyone with a permission on its model, which would show every facilitator every class.


class CohortCreateView(CreateView):
    def save_instance(self):
        with transaction.atomic():
            cohort = self.form.save()
            cohort.facilitators.add(self.request.user)
        return cohort

    def get_success_url(self):
        return reverse("cohorts:class", args=[self.object.pk])


class CohortEditView(OwnCohorts, EditView):
    def save_instance(self):
        return self.form.save()


class CohortDeleteView(OwnCohorts, DeleteView):
    def delete_action(self):
        self.object.delete()


class CohortHistoryView(OwnCohorts, HistoryView):
    pass


class CohortUsageView(OwnCohorts, UsageView):
    pass


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[
            ("", gettext_lazy("Everyone")),
            (class_progress.NOT_STARTED, gettext_lazy("Not started")),
            (class_progress.IN_PROGRESS, gettext_lazy("In progress")),
            (class_progress.COMPLETED, gettext_lazy("Completed")),
            (class_progress.OVERDUE, gettext_lazy("Overdue")),
        ],
    )
    ordering = forms.ChoiceField(
        label=gettext_lazy("Sort by"),
        required=False,
        choices=[
            ("name", gettext_lazy("Name")),
            ("-percent", gettext_lazy("Most progress")),
            ("percent", gettext_lazy("Least progress")),
            ("-last_activity", gettext_lazy("Latest activity")),
            ("last_activity", gettext_lazy("Longest inactive")),
        ],
    )


class ProgressColumn(Column):
    cell_template_name = "cohorts/cells/progress.html"


class QuizzesColumn(Column):
    cell_template_name = "cohorts/cells/quizzes.html"


class ActionsColumn(Column):
    """Forms in each row: rendered with the request so that they carry the CSRF token."""

    cell_template_name = "cohorts/cells/actions.html"

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=context["request"])


STATUS_LABELS = dict(StatusForm.base_fields["status"].choices)


class ClassView(ReportView):
    """Each member's progress along their path, with the cohort's summary above."""

    template_name = "cohorts/class.html"
    results_template_name = "cohorts/class_results.html"
    header_icon = "group"
    paginate_by = 100
    columns = [
        Column("name", label=gettext_lazy("Name")),
        Column("email", label=gettext_lazy("E-mail")),
        Column("role", label=gettext_lazy("Profession")),
        Column("path_label", label=gettext_lazy("Path")),
        ProgressColumn("percent", label=gettext_lazy("Progress")),
        Column("last_activity", label=gettext_lazy("Last activity")),
        QuizzesColumn("quizzes", label=gettext_lazy("Quizzes")),
        Column("status_label", label=gettext_lazy("Status")),
        ActionsColumn("actions", label=gettext_lazy("Actions")),
    ]
    list_export = [
        "name",
        "email",
        "role",
        "path_label",
        "steps_done",
        "steps",
        "percent",
        "last_activity",
        "quiz_summary",
        "status_label",
        "completed_at",
    ]
    export_headings = {
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("E-mail"),
        "role": gettext_lazy("Profession"),
        "path_label": gettext_lazy("Path"),
        "steps_done": gettext_lazy("Steps done"),
        "steps": gettext_lazy("Steps"),
        "percent": gettext_lazy("Progress (%)"),
        "last_activity": gettext_lazy("Last activity"),
        "quiz_summary": gettext_lazy("Quizzes: best score / attempts used"),
        "status_label": gettext_lazy("Status"),
        "completed_at": gettext_lazy("Completed at"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_facilitate(request.user):
            raise PermissionDenied
        self.cohort = cohort_for(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return self.cohort.name

    def get_index_url(self):
        return reverse("cohorts:class", args=[self.cohort.pk])

    def get_index_results_url(self):
        return reverse("cohorts:class_results", args=[self.cohort.pk])

    def get_filename(self):
        return f"class-{self.cohort.pk}"

    @cached_property
    def choices(self):
        return StatusForm(self.request.GET or None)

    @cached_property
    def all_rows(self):
        rows = class_progress.class_rows(self.cohort)
        for row in rows:
            row.status_label = STATUS_LABELS[row.status]
            row.quiz_summary = "; ".join(
                f"{quiz.title}: {'' if quiz.best_score is None else quiz.best_score}"
                f" / {quiz.attempts_used}"
                for quiz in row.quizzes
            )
        return rows

    def get_filtered_queryset(self):
        rows = self.all_rows
        if self.choices.is_bound and not self.choices.is_valid():
            return rows
        status = self.choices.cleaned_data.get("status") if self.choices.is_bound else ""
        ordering = (
            self.choices.cleaned_data.get("ordering") if self.choices.is_bound else ""
        ) or "name"
        if status:
            rows = [row for row in rows if row.status == status]
        key = ordering.lstrip("-")
        oldest = timezone.datetime.min.replace(tzinfo=timezone.get_current_timezone())
        rows = sorted(
            rows,
            key=lambda row: (
                (getattr(row, key) or oldest) if key == "last_activity" else getattr(row, key)
            ),
            reverse=ordering.startswith("-"),
        )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cohort=self.cohort,
            course=class_progress.cohort_course(self.cohort),
            summary=summarise_class(self.all_rows),
            invitations=class_progress.pending_invitations(self.cohort),
            choices=self.choices,
            upload_form=ClassListForm(),
        )
        return context


def summarise_class(rows):
    """Enrolled, started, completed, median days to complete and activity per week (last 8)."""
    completed = [row for row in rows if row.status == class_progress.COMPLETED]
    days = [
        (row.completed_at - row.membership.joined_at).days
        for row in completed
        if row.completed_at and row.completed_at >= row.membership.joined_at
    ]
    today = timezone.localdate()
    weeks = Counter(
        (today - timezone.localdate(row.last_activity)).days // 7
        for row in rows
        if row.last_activity
    )
    return {
        "enrolled": len(rows),
        "started": sum(row.is_started for row in rows),
        "completed": len(completed),
        "median_days": statistics.median(days) if days else None,
        "active_per_week": [weeks.get(week, 0) for week in range(8)],
    }


def facilitated_cohort(request, pk):
    if not may_facilitate(request.user):
        raise PermissionDenied
    return cohort_for(request.user, pk)


def upload_class_list(request, pk):
    cohort = facilitated_cohort(request, pk)
    form = ClassListForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            people = read_class_list(form.cleaned_data["class_list"].read())
        except ClassListError as error:
            problems = error.problems
        else:
            added, invited = enrol_class_list(cohort, people, request)
            messages.success(
                request,
                _("%(added)s people added to the class, %(invited)s invited by e-mail.")
                % {"added": len(added), "invited": len(invited)},
            )
            return redirect("cohorts:class", pk=cohort.pk)
    status = 400 if request.method == "POST" else 200
    context = {"cohort": cohort, "form": form, "problems": problems}
    return TemplateResponse(request, "cohorts/upload.html", context, status=status)


@require_POST
def remove_member(request, pk, user_id):
    cohort = facilitated_cohort(request, pk)
    membership = get_object_or_404(Membership, cohort=cohort, user__pk=user_id)
    membership.delete()
    messages.success(request, _("The member was removed from the class."))
    return redirect("cohorts:class", pk=cohort.pk)


@require_POST
def resend_invitation(request, pk, invitation_id):
    cohort = facilitated_cohort(request, pk)
    invitation = get_object_or_404(Invitation, cohort=cohort, pk=invitation_id, accepted_at=None)
    transaction.on_commit(lambda: send_invitation(invitation, request))
    messages.success(
        request, _("The invitation to %(email)s is sent again.") % {"email": invitation.email}
    )
    return redirect("cohorts:class", pk=cohort.pk)


class RemindForm(forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("Inactive for at least (days)"), min_value=1, max_value=365, initial=7
    )


@require_POST
def send_reminders(request, pk):
    cohort = facilitated_cohort(request, pk)
    form = RemindForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a number of days between 1 and 365."))
        return redirect("cohorts:class", pk=cohort.pk)
    reminded = remind_inactive(cohort, form.cleaned_data["days"], request)
    messages.success(request, _("%(count)s reminders sent.") % {"count": reminded})
    return redirect("cohorts:class", pk=cohort.pk)


class GrantForm(forms.Form):
    quiz_key = forms.UUIDField()
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=500, help_text=gettext_lazy("For the record.")
    )


@require_POST
def grant_attempt(request, pk, user_id):
    """One more attempt at a quiz of the class's course for a member who used theirs up."""
    cohort = facilitated_cohort(request, pk)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), cohort=cohort, user__pk=user_id
    )
    form = GrantForm(request.POST)
    course = class_progress.cohort_course(cohort)
    quiz = None
    if form.is_valid() and course is not None:
        quiz = (
            QuizPage.objects.descendant_of(course)
            .filter(translation_key=form.cleaned_data["quiz_key"])
            .first()
        )
    if quiz is None:
        messages.error(request, _("Give a reason, and choose a quiz of the class's course."))
        return redirect("cohorts:class", pk=cohort.pk)
    problem = refusal(state_of(membership.user, quiz))
    if problem:
        messages.error(request, problem)
        return redirect("cohorts:class", pk=cohort.pk)
    if (
        grant_extra_attempt(membership.user, quiz, request.user, form.cleaned_data["reason"])
        is None
    ):
        messages.error(request, _("This learner still has attempts left at this quiz."))
        return redirect("cohorts:class", pk=cohort.pk)
    messages.success(
        request,
        _("%(learner)s may now take “%(quiz)s” once more.")
        % {
            "learner": getattr(membership.user, "learner_profile", _("(no profile yet)")),
            "quiz": quiz.title,
        },
    )
    return redirect("cohorts:class", pk=cohort.pk)


class ExtendForm(forms.Form):
    ends_on = forms.DateField(label=gettext_lazy("New end date"))


@require_POST
def extend_cohort(request, pk):
    cohort = facilitated_cohort(request, pk)
    form = ExtendForm(request.POST)
    if not form.is_valid() or form.cleaned_data["ends_on"] < cohort.starts_on:
        messages.error(request, _("Give an end date on or after the class's start."))
        return redirect("cohorts:class", pk=cohort.pk)
    Cohort.objects.filter(pk=cohort.pk).update(ends_on=form.cleaned_data["ends_on"])
    messages.success(
        request, _("The class now ends on %(date)s.") % {"date": form.cleaned_data["ends_on"]}
    )
    return redirect("cohorts:class", pk=cohort.pk)


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView
    history_view_class = CohortHistoryView
    usage_view_class = CohortUsageView
    list_display = ["name", "organisation", "starts_on", "ends_on"]
    search_fields = ["name", "organisation"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return CohortForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/class/", ClassView.as_view(), name="class"),
            path(
                "<int:pk>/class/results/",
                ClassView.as_view(results_only=True),
                name="class_results",
            ),
            path("<int:pk>/upload/", upload_class_list, name="upload"),
            path("<int:pk>/members/<int:user_id>/remove/", remove_member, name="remove_member"),
            path(
                "<int:pk>/invitations/<int:invitation_id>/resend/",
                resend_invitation,
                name="resend_invitation",
            ),
            path("<int:pk>/remind/", send_reminders, name="remind"),
            path(
                "<int:pk>/members/<int:user_id>/extra-attempt/",
                grant_attempt,
                name="grant_attempt",
            ),
            path("<int:pk>/extend/", extend_cohort, name="extend"),
        ]
