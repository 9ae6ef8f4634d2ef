"""Question blocks for a quiz.

Answers are keyed by the ids Wagtail gives each question (StreamField block id) and each option
(ListBlock item id). wagtail-localize keeps those ids, the "correct" flags and the points identical
in every translation and translates only the text, so a quiz scores the same in every language.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

PREVIEW_TEMPLATE = "quizzes/includes/question_preview.html"


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer"))
    correct = blocks.BooleanBlock(
        required=False,
        label=_("Correct"),
        help_text=_("Tick every answer that is right."),
    )
    feedback = blocks.CharBlock(
        max_length=500,
        required=False,
        label=_("Feedback"),
        help_text=_("Optional: shown in the full review to a learner who chose this answer."),
    )

    class Meta:
        icon = "tick"
        label = _("Answer option")


def question_text_block():
    return blocks.TextBlock(
        label=_("Question"),
        help_text=_("Ask one thing, in plain words."),
    )


def options_block():
    return blocks.ListBlock(
        OptionBlock(),
        label=_("Answer options"),
        help_text=_("At least two. The order here is the order learners see unless shuffled."),
    )


def explanation_block():
    return blocks.TextBlock(
        required=False,
        label=_("Explanation"),
        help_text=_("Optional: why the right answer is right, shown only in the full review."),
    )


def points_block():
    return blocks.IntegerBlock(
        default=1,
        min_value=1,
        max_value=10,
        label=_("Points"),
        help_text=_("The question's weight in the score."),
    )


def option_errors(options, exactly_one):
    """Why a list of options cannot make a question, or None when it can."""
    if len(options) < 2:
        return _("Give at least two answer options.")
    correct = sum(1 for option in options if option["correct"])
    if exactly_one and correct != 1:
        return _("Mark exactly one answer option as correct (%(count)s are marked).") % {
            "count": correct
        }
    if not exactly_one and correct == 0:
        return _("Mark at least one answer option as correct.")
    return None


class ChoiceQuestionBlock(blocks.StructBlock):
    """Checks its options on save, so the admin refuses a question that cannot be answered."""

    exactly_one_correct = True

    def clean(self, value):
        value = super().clean(value)
        error = option_errors(value["options"], self.exactly_one_correct)
        if error:
            raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(error)]))
        return value


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    question = question_text_block()
    options = options_block()
    explanation = explanation_block()
    points = points_block()

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        help_text = _("One right answer among several.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "question": "A child asks where their father is. What helps most?",
            "options": [
                {"text": "Tell the child the truth, in words they know", "correct": True},
                {"text": "Say the parent is away on a trip", "correct": False},
            ],
        }


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    exactly_one_correct = False

    question = question_text_block()
    options = options_block()
    partial_credit = blocks.BooleanBlock(
        required=False,
        label=_("Partial credit"),
        help_text=_(
            "Unticked: the question scores only when exactly the right answers are chosen. "
            "Ticked: each right answer earns a share and each wrong one takes a share away."
        ),
    )
    explanation = explanation_block()
    points = points_block()

    class Meta:
        icon = "list-ul"
        label = _("Multiple choice")
        help_text = _("Learners tick every answer they think is right.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "question": "Which of these can a school do?",
            "options": [
                {"text": "Name one adult the child can talk to", "correct": True},
                {"text": "Allow time off for a prison visit", "correct": True},
                {"text": "Tell the class what happened", "correct": False},
            ],
        }


class TrueFalseQuestionBlock(blocks.StructBlock):
    statement = blocks.TextBlock(
        label=_("Statement"), help_text=_("A sentence that is either true or false.")
    )
    is_true = blocks.BooleanBlock(
        required=False,
        label=_("The statement is true"),
        help_text=_("Leave unticked when the statement is false."),
    )
    feedback_if_true = blocks.CharBlock(
        max_length=500,
        required=False,
        label=_("Feedback for “true”"),
        help_text=_("Optional: shown in the full review to a learner who answered “true”."),
    )
    feedback_if_false = blocks.CharBlock(
        max_length=500,
        required=False,
        label=_("Feedback for “false”"),
        help_text=_("Optional: shown in the full review to a learner who answered “false”."),
    )
    explanation = explanation_block()
    points = points_block()

    class Meta:
        icon = "doc-full"
        label = _("True or false")
        help_text = _("A statement learners judge true or false.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"statement": "A child keeps every right when a parent is in prison."}


class ScenarioQuestionBlock(ChoiceQuestionBlock):
    situation = blocks.TextBlock(
        label=_("Situation"),
        help_text=_("What happens, in a few sentences, without details that identify a child."),
    )
    question = question_text_block()
    options = options_block()
    explanation = explanation_block()
    points = points_block()

    class Meta:
        icon = "user"
        label = _("Scenario")
        help_text = _("A situation from practice, then one question with one right answer.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "situation": "Officers arrive at dawn to arrest a mother; her son opens the door.",
            "question": "What should the officers do first?",
            "options": [
                {"text": "Tell the child the truth, in words they know", "correct": True},
                {"text": "Say the parent is away on a trip", "correct": False},
            ],
        }


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    scenario = ScenarioQuestionBlock()

    class Meta:
        min_num = 1
