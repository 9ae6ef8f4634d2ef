"""Filters of the course reports, on Wagtail's filter sets so the admin draws them as usual."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from certificates.models import Certificate
from cohorts.models import Cohort
from learners.models import Enrolment, LearnerProfile, Role
from modules.languages import source_page_choices
from modules.models import CoursePage
from quizzes.models import QuestionResponse, QuizPage
from resources.blocks import country_choices

from .aggregates import BREAKDOWNS


def course_choices():
    return source_page_choices(CoursePage)


def quiz_choices():
    return source_page_choices(QuizPage)


class LanguageFilter(django_filters.ChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(choices=settings.LANGUAGES, field_name="language_code", **kwargs)


class LearnerGroupFilters(django_filters.FilterSet):
    """A class and an organisation, for the reports whose rows belong to learners (enrolments,
    profiles, quiz responses and the attempts filtered alongside them)."""

    cohort = django_filters.ModelChoiceFilter(
        label=_("Class"), queryset=Cohort.objects.order_by("name"), method="in_cohort"
    )
    organisation = django_filters.CharFilter(
        label=_("Organisation"), method="in_organisation", max_length=150
    )

    def in_cohort(self, queryset, name, value):
        return queryset.filter(
            **{f"{self.learner_of(queryset)}__cohort_memberships__cohort": value}
        )

    def in_organisation(self, queryset, name, value):
        return queryset.filter(
            **{f"{self.learner_of(queryset)}__learner_profile__organisation__icontains": value}
        )

    def learner_of(self, queryset):
        return "user" if queryset.model is not QuestionResponse else "attempt__user"


class UptakeFilterSet(LearnerGroupFilters, WagtailFilterSet):
    started_at = django_filters.DateFromToRangeFilter(
        label=_("Started between"), widget=DateRangePickerWidget
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), field_name="user__learner_profile__role", choices=Role.choices
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="user__learner_profile__country", choices=country_choices
    )
    language = LanguageFilter(label=_("Language started in"))

    class Meta:
        model = Enrolment
        fields = []


class LearnersFilterSet(LearnerGroupFilters, WagtailFilterSet):
    breakdown = django_filters.ChoiceFilter(
        label=_("Group by"),
        choices=[
            ("role", _("Role")),
            ("country", _("Country")),
            ("role_country", _("Role and country")),
        ],
        method="group_only",
        empty_label=None,
        null_label=None,
    )
    joined = django_filters.DateFromToRangeFilter(
        label=_("Signed up between"), field_name="user__date_joined", widget=DateRangePickerWidget
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=country_choices)

    class Meta:
        model = LearnerProfile
        fields = []

    def group_only(self, queryset, name, value):
        """Grouping changes the rows, not which learners count."""
        return queryset

    @property
    def breakdown_value(self):
        value = self.form.cleaned_data.get("breakdown") if self.is_valid() else None
        return value if value in BREAKDOWNS else "role"


class CertificatesFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="course_key", choices=course_choices
    )
    language = LanguageFilter(label=_("Language"))

    class Meta:
        model = Certificate
        fields = []


class QuizItemFilterSet(LearnerGroupFilters, WagtailFilterSet):
    quiz = django_filters.ChoiceFilter(label=_("Quiz"), field_name="quiz_key", choices=quiz_choices)
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted between"), widget=DateRangePickerWidget
    )
    language = LanguageFilter(label=_("Language taken in"))

    class Meta:
        model = QuestionResponse
        fields = []


class TranslationStatusFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        label=_("Course"), field_name="translation_key", choices=course_choices
    )

    class Meta:
        model = CoursePage
        fields = []
