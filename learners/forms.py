import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import LearnerProfile
from .names import check_name


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
        # Composed (NFC), so that "é" typed as e + accent prints as the one letter it is.
        name = unicodedata.normalize("NFC", " ".join(self.cleaned_data["full_name"].split()))
        check_name(name)
        return name


class DeleteAccountForm(forms.Form):
    """Deleting cannot be undone, so the learner confirms with their password."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That is not your password."))
        return password
