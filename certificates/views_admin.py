"""Certificates in the Wagtail admin: a searchable, filterable list, and the two things staff do
to a certificate — revoke it, or re-issue it under a corrected name."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from modules.languages import source_language, source_page_choices
from modules.models import CoursePage

from .issuing import reissue, revoke
from .models import Certificate


def course_choices():
    return source_page_choices(CoursePage)


class CertificateFilterSet(WagtailFilterSet):
    course_key = django_filters.ChoiceFilter(label=_("Course"), choices=course_choices)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("valid", _("Valid")), ("revoked", _("Revoked"))],
        method="filter_status",
        empty_label=_("Any"),
    )

    class Meta:
        model = Certificate
        fields = ["course_key", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(revoked_at__isnull=(value == "valid"))


CHANGE_PERMISSION = "certificates.change_certificate"


class IssuedOnlyPolicy(ModelPermissionPolicy):
    """Certificates are issued by the course rules, never typed in, edited or deleted by hand:
    staff with the change permission revoke or re-issue them instead."""

    handled_elsewhere = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.handled_elsewhere and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - self.handled_elsewhere)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        help_text=_("Kept with the certificate for the record; not shown on the public page."),
    )


class ReissueForm(forms.Form):
    full_name = forms.CharField(
        label=_("Corrected name"),
        max_length=150,
        help_text=_("The old code will show as revoked; the learner gets a new code."),
    )


class CertificateActionView(WagtailAdminTemplateMixin, FormView):
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, pk):
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        self.certificate = get_object_or_404(Certificate.objects.valid(), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path, submit_button_label=self.page_title, **kwargs
        )

    def get_success_url(self):
        return reverse("certificates:index")


class RevokeView(CertificateActionView):
    page_title = _("Revoke certificate")
    form_class = RevokeForm

    def form_valid(self, form):
        revoke(self.certificate, form.cleaned_data["reason"])
        messages.success(self.request, gettext("The certificate is revoked."))
        return redirect(self.get_success_url())


class ReissueView(CertificateActionView):
    page_title = _("Re-issue with a corrected name")
    form_class = ReissueForm

    def get_initial(self):
        return {"full_name": self.certificate.full_name}

    def form_valid(self, form):
        new = reissue(self.certificate, form.cleaned_data["full_name"])
        messages.success(
            self.request,
            gettext("Re-issued as %(code)s; the old code now shows as revoked.")
            % {"code": new.grouped_code},
        )
        return redirect(self.get_success_url())


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        """Each certificate with its course's title, read in the same query."""
        titles = CoursePage.objects.filter(
            translation_key=OuterRef("course_key"), locale__language_code=source_language()
        ).values("title")[:1]
        return super().get_base_queryset().annotate(course_title=Subquery(titles))

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if not instance.is_revoked and self.request.user.has_perm(CHANGE_PERMISSION):
            buttons += [
                ListingButton(
                    _("Revoke"), reverse("certificates:revoke", args=[instance.pk]), priority=20
                ),
                ListingButton(
                    _("Re-issue"), reverse("certificates:reissue", args=[instance.pk]), priority=30
                ),
            ]
        return buttons


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "full_name",
        Column("grouped_code", label=_("Code")),
        Column("course_title", label=_("Course")),
        "issued_at",
        "revoked_at",
    ]
    search_fields = ["full_name", "code"]
    filterset_class = CertificateFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["revoked_reason"]

    index_view_class = CertificateIndexView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("revoke/<int:pk>/", RevokeView.as_view(), name="revoke"),
            path("reissue/<int:pk>/", ReissueView.as_view(), name="reissue"),
        ]
