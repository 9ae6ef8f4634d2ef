"""Factories for quizzes, for tests, benchmarks and demo data."""

import factory
import wagtail_factories

from .blocks import QuestionStreamBlock
from .models import ExtraAttempt, QuizPage


def option(text, correct=False, feedback=""):
    return {"text": text, "correct": correct, "feedback": feedback}


def question_stream(*questions):
    """A ``questions`` value from ``(block type, value dict)`` pairs, every question and option
    with its own id, as the admin would save them."""
    stream_block = QuestionStreamBlock()
    defaults = {"explanation": "", "points": 1}
    return stream_block.normalize([(kind, {**defaults, **value}) for kind, value in questions])


# One question of each kind, with feedback and explanations to check they stay hidden.
SAMPLE_QUESTIONS = [
    (
        "single_choice",
        {
            "question": "Which treaty sets out the best interests of the child?",
            "options": [
                option("The Convention on the Rights of the Child", True, "Feedback A1."),
                option("The Geneva Conventions", False, "Feedback A2."),
                option("The Paris Agreement", False, "Feedback A3."),
            ],
            "explanation": "Explanation A.",
        },
    ),
    (
        "multiple_choice",
        {
            "question": "Which of these can follow a parent's imprisonment?",
            "options": [
                option("Anxiety and depression", True, "Feedback B1."),
                option("Homelessness", True, "Feedback B2."),
                option("Better school results", False, "Feedback B3."),
            ],
            "partial_credit": True,
            "explanation": "Explanation B.",
            "points": 2,
        },
    ),
    (
        "true_false",
        {
            "statement": "Every country has ratified the Convention.",
            "is_true": False,
            "feedback_if_true": "Feedback C1.",
            "feedback_if_false": "Feedback C2.",
            "explanation": "Explanation C.",
        },
    ),
    (
        "scenario",
        {
            "situation": "A pupil stops doing homework after her father's arrest.",
            "question": "What should the teacher do first?",
            "options": [
                option("Talk with her privately and listen", True, "Feedback D1."),
                option("Announce it to the class", False, "Feedback D2."),
            ],
            "explanation": "Explanation D.",
        },
    ),
]


def sample_questions():
    return question_stream(*SAMPLE_QUESTIONS)


class QuizPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Quiz {n}")
    intro = "<p>Check what you learned.</p>"
    pass_mark = 70
    max_attempts = 3
    questions = factory.LazyFunction(sample_questions)

    class Meta:
        model = QuizPage


class ExtraAttemptFactory(factory.django.DjangoModelFactory):
    """An extra attempt granted at ``quiz_key``; pass the ``user`` (a learner) it is for."""

    quiz_key = factory.Faker("uuid4")
    reason = "Was ill on the day of the last attempt."

    class Meta:
        model = ExtraAttempt
