from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import LearnerProfile


def reject_markup(value):
    """Names and organisations are plain text: they go on certificates, not into HTML."""
    if any(character in value for character in "<>{}") or not value.isprintable():
        raise ValidationError(_("Please use letters, spaces and punctuation only."))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = LearnerProfile
        fields = ["full_name", "role", "organisation", "country", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("full_name", "organisation"):
            self.fields[name].validators.append(reject_markup)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_full_name(self):
        return " ".join(self.cleaned_data["full_name"].split())
