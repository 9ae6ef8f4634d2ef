"""Scoring rules: plain data in, plain data out.

Questions and options are identified by their block ids, never by position or text, so the same
answers score the same whatever the language of the page and whatever order they were shown in.
Arithmetic is done with fractions and the percentage rounded down, so "passed" and the percentage a
learner sees never disagree.
"""

import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
SCENARIO = "scenario"


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    options: tuple[Option, ...]
    points: int = 1
    partial_credit: bool = False
    situation: str = ""
    explanation: str = ""

    @property
    def accepts_several(self):
        return self.kind == MULTIPLE_CHOICE

    @property
    def option_ids(self):
        return frozenset(option.id for option in self.options)

    @property
    def correct_ids(self):
        return frozenset(option.id for option in self.options if option.correct)


@dataclass(frozen=True)
class Score:
    points: Fraction
    max_points: int
    credits: dict[str, Fraction] = field(default_factory=dict)

    @property
    def percent(self):
        """Rounded down: 69.9 % is shown as 69 and fails a pass mark of 70."""
        if not self.max_points:
            return 0
        return int(100 * self.points // self.max_points)

    def passes(self, pass_mark):
        return self.percent >= pass_mark


def questions_from_stream(stream_value):
    """The questions of a quiz's ``questions`` StreamField as plain data, in authored order."""
    questions = []
    for block in stream_value:
        value = block.value
        if block.block_type == TRUE_FALSE:
            options = (
                Option("true", _("True"), value["is_true"], value["feedback_if_true"]),
                Option("false", _("False"), not value["is_true"], value["feedback_if_false"]),
            )
            text = value["statement"]
        else:
            options = tuple(
                Option(item.id, item.value["text"], item.value["correct"], item.value["feedback"])
                for item in value["options"].bound_blocks
            )
            text = value["question"]
        questions.append(
            Question(
                id=block.id,
                kind=block.block_type,
                text=text,
                options=options,
                points=value["points"] or 1,
                partial_credit=bool(value.get("partial_credit")),
                situation=value.get("situation", ""),
                explanation=value["explanation"],
            )
        )
    return questions


def question_credit(question: Question, chosen: Collection[str]) -> Fraction:
    """The share of the question's points that ``chosen`` earns, between 0 and 1.

    With partial credit each right option earns 1/(number right) and each wrong one takes away
    1/(number wrong), so ticking every box earns nothing. Otherwise the choice must be exact.
    """
    chosen = frozenset(chosen)
    correct = question.correct_ids
    if not (question.accepts_several and question.partial_credit):
        return Fraction(int(chosen == correct))
    wrong_options = len(question.options) - len(correct)
    earned = Fraction(len(chosen & correct), len(correct))
    if wrong_options:
        earned -= Fraction(len(chosen - correct), wrong_options)
    return max(Fraction(0), earned)


def score(questions: Collection[Question], answers: Mapping[str, Collection[str]]) -> Score:
    """Score ``answers`` (question id → chosen option ids) against ``questions``."""
    credits = {
        question.id: question_credit(question, answers.get(question.id, ()))
        for question in questions
    }
    return Score(
        points=sum((credits[question.id] * question.points for question in questions), Fraction(0)),
        max_points=sum(question.points for question in questions),
        credits=credits,
    )


def drawn(questions, seed, count):
    """The ``count`` questions an attempt with ``seed`` draws from ``questions``, in their
    authored order; all of them when ``count`` is 0 or not smaller. The draw depends only on the
    seed and the block ids, so it is the same in every language."""
    if not count or count >= len(questions):
        return list(questions)
    chosen = set(random.Random(f"{seed}:draw").sample(sorted(q.id for q in questions), count))
    return [question for question in questions if question.id in chosen]


def presentation_order(questions, seed, shuffle_questions, shuffle_options):
    """The questions (and their options, true/false aside) in the order one attempt shows them.

    The order depends only on the attempt's seed and the block ids, so a reload, or the same
    attempt continued in another language, shows the same order.
    """
    ordered = sorted(questions, key=lambda q: q.id) if shuffle_questions else list(questions)
    if shuffle_questions:
        random.Random(seed).shuffle(ordered)
    if not shuffle_options:
        return ordered
    shuffled = []
    for question in ordered:
        if question.kind == TRUE_FALSE:
            shuffled.append(question)
            continue
        options = sorted(question.options, key=lambda option: option.id)
        random.Random(f"{seed}:{question.id}").shuffle(options)
        shuffled.append(replace(question, options=tuple(options)))
    return shuffled
