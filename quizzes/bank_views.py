"""The quiz's question bank in the Wagtail admin: upload a Moodle XML or GIFT file (checked whole;
its questions become a new draft revision for the author to review) and download the quiz's
questions in either format. Staff need permission to edit the quiz."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from modules.languages import source_language

from .banks import (
    GIFT,
    MAX_BANK_BYTES,
    XML,
    BankRefused,
    add_to_quiz,
    export_quiz,
    format_of,
    read_bank,
)
from .models import QuizPage


class QuestionBankForm(forms.Form):
    bank = forms.FileField(
        label=_("Question file"),
        help_text=_("A Moodle XML file or a GIFT file exported from Moodle or written by hand."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("From the file name")),
            (XML, _("Moodle XML")),
            (GIFT, _("GIFT")),
        ],
        required=False,
    )

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("bank")
        if upload is None:
            return cleaned_data
        if upload.size > MAX_BANK_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; split the question bank."))
        data = upload.read()
        bank_format = cleaned_data.get("format") or format_of(upload.name, data)
        try:
            cleaned_data["result"] = read_bank(data, bank_format)
        except BankRefused as refusal:
            self.add_error(
                "bank",
                [gettext("The file was refused; nothing was imported.")] + refusal.problems,
            )
            return cleaned_data
        if not cleaned_data["result"].questions:
            self.add_error(
                "bank",
                [gettext("No question in this file can be imported.")]
                + [str(refused) for refused in cleaned_data["result"].refused],
            )
        return cleaned_data


class QuestionBankView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "quizzes/question_bank.html"
    page_title = _("Question bank")
    header_icon = "download"

    def dispatch(self, request, quiz_id, **kwargs):
        self.quiz = get_object_or_404(QuizPage, pk=quiz_id)
        if not self.quiz.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, **kwargs)

    def get_page_subtitle(self):
        return self.quiz.title

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            quiz=self.quiz,
            form=form or QuestionBankForm(),
            can_import=self.quiz.locale.language_code == source_language(),
            **kwargs,
        )

    def post(self, request):
        if self.quiz.locale.language_code != source_language():
            raise PermissionDenied  # translations follow the source quiz through wagtail-localize
        form = QuestionBankForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        bank = form.cleaned_data["result"]
        added = add_to_quiz(self.quiz, bank, user=request.user)
        self.report(bank, added)
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]))

    def report(self, bank, added):
        if added.added:
            messages.success(
                self.request,
                ngettext(
                    "%(count)d question added as a draft: review it, then publish the quiz.",
                    "%(count)d questions added as a draft: review them, then publish the quiz.",
                    added.added,
                )
                % {"count": added.added},
            )
        if added.already_there:
            messages.info(
                self.request,
                ngettext(
                    "%(count)d question was already in the quiz and was not added again.",
                    "%(count)d questions were already in the quiz and were not added again.",
                    len(added.already_there),
                )
                % {"count": len(added.already_there)},
            )
        for refused in bank.refused:
            messages.warning(
                self.request, gettext("Not imported: %(question)s") % {"question": refused}
            )
        for note in bank.notes:
            messages.warning(self.request, str(note))


class ExportQuestionsView(QuestionBankView):
    http_method_names = ["get"]

    def get(self, request, bank_format):
        if bank_format not in (XML, GIFT):
            raise Http404
        export = export_quiz(self.quiz, bank_format)
        for refused in export.refused:
            messages.warning(request, gettext("Not exported: %(question)s") % {"question": refused})
        response = HttpResponse(export.text, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response
