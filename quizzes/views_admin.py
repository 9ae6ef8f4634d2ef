"""Extra attempts in the Wagtail admin: staff with the permission (course managers) grant a
learner who used up a quiz's attempts another one, with a reason, and see every grant made."""

from functools import wraps

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import BLANK_CHOICE_DASH, OuterRef, Subquery
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from modules.languages import source_language, source_page_choices

from .grants import grant_extra_attempt, refusal, state_of
from .models import ExtraAttempt, QuizPage


def quiz_choices():
    return source_page_choices(QuizPage)


def quiz_choices_to_pick():
    return BLANK_CHOICE_DASH + quiz_choices()


def find_learner(value):
    """The account whose username, or else whose e-mail address, is ``value``; None if there is
    none, or if several share the address."""
    users = get_user_model().objects
    user = users.filter(username=value).first()
    if user is None:
        found = list(users.filter(email__iexact=value)[:2])
        user = found[0] if len(found) == 1 else None
    return user


class GrantPolicy(ModelPermissionPolicy):
    """A grant is a record: it is made, and withdrawn by whoever may delete it, never edited."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - {"change"})


class GrantForm(WagtailAdminModelForm):
    learner = forms.CharField(
        label=_("Learner"),
        max_length=254,
        help_text=_("Their e-mail address or username."),
    )
    quiz = forms.ChoiceField(
        label=_("Quiz"),
        choices=quiz_choices_to_pick,
        help_text=_("The attempt counts in every language the quiz is taken in."),
    )

    class Meta:
        model = ExtraAttempt
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "reason": _(
                "Why the learner gets another attempt, for the record. If the quiz shows a full "
                "review, their last attempt showed them the right answers."
            )
        }

    field_order = ["learner", "quiz", "reason"]

    def clean_learner(self):
        user = find_learner(self.cleaned_data["learner"].strip())
        if user is None:
            raise forms.ValidationError(
                _("No learner has this username or e-mail address."), code="unknown_learner"
            )
        return user

    def clean_quiz(self):
        quiz = (
            QuizPage.objects.filter(
                translation_key=self.cleaned_data["quiz"], locale__language_code=source_language()
            )
            .only("id", "title", "translation_key", "max_attempts")
            .first()
        )
        if quiz is None:
            raise forms.ValidationError(_("This quiz no longer exists."), code="unknown_quiz")
        return quiz

    def clean(self):
        cleaned_data = super().clean()
        user, quiz = cleaned_data.get("learner"), cleaned_data.get("quiz")
        if user is None or quiz is None:
            return cleaned_data
        problem = refusal(state_of(user, quiz))
        if problem:
            self.add_error("quiz", problem)
        else:
            self.instance.user = user
            self.instance.quiz_key = quiz.translation_key
            self.instance.granted_by = self.for_user
        return cleaned_data


class GrantFilterSet(WagtailFilterSet):
    quiz_key = django_filters.ChoiceFilter(label=_("Quiz"), choices=quiz_choices)

    class Meta:
        model = ExtraAttempt
        fields = ["quiz_key"]


class GrantIndexView(IndexView):
    def get_base_queryset(self):
        """Each grant with its learner, who granted it and the quiz's title, in one query."""
        titles = QuizPage.objects.filter(
            translation_key=OuterRef("quiz_key"), locale__language_code=source_language()
        ).values("title")[:1]
        return (
            super()
            .get_base_queryset()
            .select_related("user", "granted_by")
            .annotate(quiz_title=Subquery(titles))
        )


class GrantCreateView(CreateView):
    page_title = _("Grant an extra attempt")
    submit_button_label = _("Grant")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def save_instance(self):
        """Through ``grants.grant_extra_attempt``, which locks the learner and asks the rule
        again: two managers granting at the same moment give one attempt between them."""
        data = self.form.cleaned_data
        user, quiz = data["learner"], data["quiz"]
        granted = grant_extra_attempt(user, quiz, self.request.user, data["reason"])
        if granted is None:  # the other request's grant is the one that counts
            granted = ExtraAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).first()
        return granted

    def get_success_message(self, instance):
        return gettext("%(learner)s may now take “%(quiz)s” once more.") % {
            "learner": instance.user,
            "quiz": self.form.cleaned_data["quiz"].title,
        }

    def get_success_buttons(self):
        return []


def learner_of(grant):
    return f"{grant.user.get_username()} ({grant.user.email})" if grant.user.email else grant.user


def granter_of(grant):
    if grant.granted_by is None:
        return "—"
    return grant.granted_by.get_full_name() or grant.granted_by.get_username()


def forbidden_when_refused(view):
    """Answer a refusal with 403 Forbidden, where Wagtail would redirect to the dashboard."""

    @wraps(view)
    def refusing(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)

    return refusing


class ExtraAttemptViewSet(ModelViewSet):
    model = ExtraAttempt
    icon = "redo"
    menu_label = _("Extra attempts")
    add_to_admin_menu = True
    menu_order = 310
    list_display = [
        Column("learner", label=_("Learner"), accessor=learner_of),
        Column("quiz_title", label=_("Quiz")),
        "reason",
        Column("granted_by", label=_("Granted by"), accessor=granter_of),
        "granted_at",
    ]
    search_fields = ["user__username", "user__email", "reason"]
    filterset_class = GrantFilterSet
    copy_view_enabled = False
    index_view_class = GrantIndexView
    add_view_class = GrantCreateView

    def get_form_class(self, for_update=False):
        return GrantForm

    def get_urlpatterns(self):
        return [
            path(str(pattern.pattern), forbidden_when_refused(pattern.callback), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]
