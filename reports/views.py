"""The course reports: Wagtail report views over the aggregates in ``aggregates.py``.

Every view needs the ``reports.view_report`` permission (the "Course managers" group); pages and
their CSV/XLSX exports come from the same rows.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from certificates.models import Certificate
from learners.models import Enrolment, LearnerProfile
from modules.languages import source_pages, target_locales
from modules.models import CoursePage
from quizzes.models import QuestionResponse, QuizAttempt, QuizPage
from translation.status import course_status

from . import aggregates, filters
from .charts import bar_chart
from .models import Report


class PercentColumn(Column):
    cell_template_name = "reports/cells/percent.html"


class OptionsColumn(Column):
    cell_template_name = "reports/cells/options.html"


class CourseReportView(ReportView):
    """A report on learners' data: only course managers may see it or export it."""

    permission_policy = ModelPermissionPolicy(Report)
    permission_required = "view"
    paginate_by = 100
    base_model = None
    extra_export_headings = {}

    @property
    def list_export(self):
        """The spreadsheet's columns: the page's, unless a report lists its own."""
        return [column.name for column in self.columns]

    @property
    def export_headings(self):
        return {
            **{column.name: column.label for column in self.columns},
            **self.extra_export_headings,
        }

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 rather than Wagtail's redirect to the dashboard, so a shared export link
        # fails plainly for whoever may not open it.
        if not self.permission_policy.user_has_permission(request.user, "view"):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_filtered_queryset(self):
        return self.rows(self.filter_queryset(self.base_model._default_manager.all()))

    def rows(self, queryset):
        raise NotImplementedError

    def get_filename(self):
        return self.export_filename


class CourseUptakeView(CourseReportView):
    page_title = _("Course uptake")
    header_icon = "group"
    index_url_name = "course_reports:uptake"
    index_results_url_name = "course_reports:uptake_results"
    results_template_name = "reports/course_uptake_results.html"
    filterset_class = filters.UptakeFilterSet
    base_model = Enrolment
    export_filename = "course-uptake"
    columns = [
        Column("title", label=_("Course")),
        Column("started", label=_("Started")),
        Column("completed", label=_("Completed")),
        PercentColumn("completion_rate", label=_("Completion rate")),
        Column("median_days", label=_("Median days to complete")),
    ]

    def rows(self, enrolments):
        self.enrolments = enrolments
        return aggregates.course_uptake(enrolments, source_pages(CoursePage))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        months = aggregates.completions_per_month(self.enrolments)
        context["completions_per_month"] = months
        context["chart"] = bar_chart([(month.period, month.count) for month in months])
        return context


class LearnersView(CourseReportView):
    page_title = _("Learners by role and country")
    header_icon = "user"
    index_url_name = "course_reports:learners"
    index_results_url_name = "course_reports:learners_results"
    filterset_class = filters.LearnersFilterSet
    base_model = LearnerProfile
    export_filename = "learners-by-role-and-country"
    columns = [
        Column("role", label=_("Role")),
        Column("country", label=_("Country")),
        Column("learners", label=_("Learners")),
        Column("started", label=_("Started a course")),
        PercentColumn("started_rate", label=_("Started (%)")),
        Column("completed", label=_("Completed a course")),
        PercentColumn("completed_rate", label=_("Completed (%)")),
    ]

    def rows(self, profiles):
        return aggregates.learners_by(profiles, self.filters.breakdown_value)


class QuizItemAnalysisView(CourseReportView):
    page_title = _("Quiz item analysis")
    header_icon = "help"
    index_url_name = "course_reports:quiz_items"
    index_results_url_name = "course_reports:quiz_items_results"
    filterset_class = filters.QuizItemFilterSet
    base_model = QuestionResponse
    export_filename = "quiz-item-analysis"
    columns = [
        Column("quiz_title", label=_("Quiz")),
        Column("number", label=_("No.")),
        Column("text", label=_("Question")),
        Column("answered", label=_("Answered")),
        PercentColumn("correct_rate", label=_("Correct (%)")),
        OptionsColumn("options", label=_("Options chosen")),
        PercentColumn("first_attempt_pass_rate", label=_("Quiz passed at first attempt (%)")),
    ]
    list_export = [
        "quiz_title",
        "number",
        "text",
        "answered",
        "correct",
        "correct_rate",
        "option_summary",
        "first_attempts",
        "first_attempt_pass_rate",
    ]
    extra_export_headings = {
        "correct": _("Correct"),
        "option_summary": _("Options chosen"),
        "first_attempts": _("First attempts"),
    }

    def rows(self, responses):
        """The same filters pick the responses and the attempts, whose fields share names."""
        quizzes = source_pages(QuizPage)
        attempts = QuizAttempt.objects.filter(submitted_at__isnull=False)
        if self.filters and self.filters.is_valid():
            attempts = self.filters.filter_queryset(attempts)
            if self.filters.form.cleaned_data["quiz"]:
                quizzes = quizzes.filter(translation_key=self.filters.form.cleaned_data["quiz"])
        return aggregates.quiz_item_analysis(responses, attempts, list(quizzes))


class CertificatesPerMonthView(CourseReportView):
    page_title = _("Certificates per month")
    header_icon = "doc-full"
    index_url_name = "course_reports:certificates"
    index_results_url_name = "course_reports:certificates_results"
    filterset_class = filters.CertificatesFilterSet
    base_model = Certificate
    export_filename = "certificates-per-month"
    columns = [
        Column("period", label=_("Month")),
        Column("issued", label=_("Issued")),
        Column("revoked", label=_("Revoked")),
    ]

    def rows(self, certificates):
        return aggregates.certificates_per_month(certificates)


class CertificatesByPathView(CourseReportView):
    page_title = _("Completions by path")
    header_icon = "list-ul"
    index_url_name = "course_reports:paths"
    index_results_url_name = "course_reports:paths_results"
    filterset_class = filters.CertificatesFilterSet
    base_model = Certificate
    export_filename = "completions-by-path"
    columns = [
        Column("course", label=_("Course")),
        Column("path_label", label=_("Path")),
        Column("certified", label=_("Learners certified")),
        Column("revoked", label=_("Revoked")),
    ]

    def rows(self, certificates):
        return aggregates.certificates_by_path(certificates, source_pages(CoursePage))


class StatusColumn(Column):
    cell_template_name = "reports/cells/translation_status.html"


class TranslationStatusView(CourseReportView):
    """Not personal data, but course managers decide what to translate next, so it sits with
    the other reports."""

    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "course_reports:translations"
    index_results_url_name = "course_reports:translations_results"
    filterset_class = filters.TranslationStatusFilterSet
    base_model = CoursePage
    export_filename = "translation-status"

    @cached_property
    def target_locales(self):
        return list(target_locales())

    @cached_property
    def columns(self):
        return [
            Column("title", label=_("Page")),
            Column("kind", label=_("Type")),
            *(
                StatusColumn(f"locales.{locale.language_code}", label=locale.get_display_name())
                for locale in self.target_locales
            ),
        ]

    @property
    def list_export(self):
        return ["title", "kind"] + [
            f"locales.{locale.language_code}.summary" for locale in self.target_locales
        ]

    @property
    def export_headings(self):
        return {
            "title": _("Page"),
            "kind": _("Type"),
            **{
                f"locales.{locale.language_code}.summary": locale.get_display_name()
                for locale in self.target_locales
            },
        }

    def rows(self, courses):
        return course_status(courses, self.target_locales)
