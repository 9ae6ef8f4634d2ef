from django import forms
from django.utils.translation import gettext_lazy as _

FIELD_PREFIX = "answer-"


def field_name(question_id):
    return f"{FIELD_PREFIX}{question_id}"


class AnswerForm(forms.Form):
    """One field per question, named by its block id, whose choices are option ids.

    Only the question and option texts reach the page; the correct flags, feedback and
    explanations stay on the server.
    """

    def __init__(self, questions, data=None):
        super().__init__(data)
        self.questions = list(questions)
        for question in self.questions:
            choices = [(option.id, option.text) for option in question.options]
            invalid = _("That answer is not one of this question's options.")
            if question.accepts_several:
                field = forms.MultipleChoiceField(
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={
                        "required": _("Choose at least one answer."),
                        "invalid_choice": invalid,
                    },
                )
            else:
                field = forms.ChoiceField(
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer."), "invalid_choice": invalid},
                )
            field.label = question.text
            self.fields[field_name(question.id)] = field

    def clean(self):
        cleaned_data = super().clean()
        unknown = [
            key for key in self.data if key.startswith(FIELD_PREFIX) and key not in self.fields
        ]
        if unknown:
            raise forms.ValidationError(
                _(
                    "This submission answers questions that are not in this quiz. "
                    "Reload the quiz and answer again."
                ),
                code="unknown_question",
            )
        for question in self.questions:
            name = field_name(question.id)
            if not question.accepts_several and len(self.data.getlist(name)) > 1:
                self.add_error(name, _("Choose only one answer."))
        return cleaned_data

    def answers(self):
        """Question id → chosen option ids, ready for scoring and storing: an option sent twice
        counts once, so the item analysis never counts it twice."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data[field_name(question.id)]
            answers[question.id] = sorted(set(value)) if question.accepts_several else [value]
        return answers

    def displayed_questions(self):
        """What the template may show of each question: never the answer key."""
        return [
            {
                "situation": question.situation,
                "accepts_several": question.accepts_several,
                "field": self[field_name(question.id)],
            }
            for question in self.questions
        ]
