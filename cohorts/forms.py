from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from modules.languages import source_page_choices
from modules.models import CoursePage
from modules.paths import PATH_LABELS, course_paths

from .codes import normalise
from .models import Cohort


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=20,
        help_text=_("The eight characters your facilitator gave you, e.g. 7K3M-Q9TB."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if code is None or not Cohort.objects.filter(join_code=code).exists():
            raise ValidationError(_("No class has this code. Check it with your facilitator."))
        return code


class JoinForm(forms.Form):
    shares_email = forms.BooleanField(
        required=False,
        label=_("Let the facilitators see my e-mail address"),
        help_text=_("They see your name, profession and progress in this course in any case."),
    )


class ClassListForm(forms.Form):
    class_list = forms.FileField(
        label=_("Class list (CSV)"),
        help_text=_(
            "One person per line, under a first line naming the columns email, name, "
            "profession and language; e.g. ana@example.org, Ana Pérez, teachers, es."
        ),
    )


class CohortForm(WagtailAdminModelForm):
    """The course is chosen among the source-language courses and stored by translation key,
    so the cohort is the same class in every language."""

    course = forms.ChoiceField(label=_("Course"))
    path = forms.ChoiceField(
        label=_("Path"),
        required=False,
        choices=[("", _("Each member's own profession")), *PATH_LABELS.items()],
    )

    class Meta:
        model = Cohort
        fields = ["name", "organisation", "language_code", "starts_on", "ends_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = source_page_choices(CoursePage)
        if self.instance.pk:
            self.initial["course"] = str(self.instance.course_key)
            self.initial["path"] = self.instance.path

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The class cannot end before it starts."))
        course = CoursePage.objects.filter(translation_key=cleaned.get("course")).first()
        if cleaned.get("path") and course and cleaned["path"] not in dict(course_paths(course)):
            self.add_error("path", _("This course has no such path."))
        return cleaned

    def save(self, commit=True):
        self.instance.course_key = self.cleaned_data["course"]
        self.instance.path = self.cleaned_data["path"]
        return super().save(commit)
