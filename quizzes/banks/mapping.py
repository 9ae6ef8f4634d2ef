"""Moodle's question definitions onto our question blocks and back: the one place that decides
what a Moodle question becomes here, or why it cannot come.

Both readers (``moodle_xml``, ``gift``) turn a file into ``SourceQuestion``s, Moodle's own terms:
a type, a text and its format, answers with fractions and feedback, a general feedback and a
default mark. ``to_block`` maps one onto a ``(block type, value)`` of ``quizzes.blocks``, or
refuses it with a reason; ``from_block`` gives Moodle's terms for one of our questions, for the
writers.

Fractions. Moodle scores a multiple-answer question as the sum of the fractions of the options
chosen, kept between 0 and 1; our partial credit gives each right option 1/r (r right options)
and takes 1/w away for each wrong one (w wrong options), never below 0. The two agree on every
possible choice exactly when each option with a positive fraction has 1/r and each other option
-1/w; a question with one right option whose others are all -100 % is scored all-or-nothing by
both. Any other set of fractions (50 %, 50 %, 0 %, 0 % say, or the -100 % penalties with two
right options of Moodle's own GIFT sample) would score some choice differently here than in
Moodle, so the question is refused, and the reason names a choice that would score differently.
Nothing is rounded: a fraction is read as 1/n only when it is Moodle's own way of writing 1/n,
seven decimals of a fraction (``0.3333333``, ``33.33333`` %), within half of the last digit.
A single-answer question must have one option at 100 % and the others at 0 %: a partial or
negative mark for one option has no equal here.

Points. Moodle's default mark becomes the question's points when it is a whole number from 1 to
10 (``1.0000000`` is 1); any other mark (0, 2.5, 20) is refused, not rounded.

Text. Question text, option text, feedback and general feedback are HTML in most Moodle files.
They go through the project's one sanitiser (``resources.sanitising.clean_html``) and are then
laid out as the plain text our blocks hold: paragraphs and line breaks kept, a link's address
kept after its words, everything else (images, audio, styles) gone. What a question loses that
way (embedded files) is listed with the question as a note, so the author can review it in the
draft the import makes.
"""

import html
import re
from dataclasses import dataclass, field
from fractions import Fraction
from html.parser import HTMLParser
from itertools import chain

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from resources.sanitising import clean_html

from ..blocks import QuestionStreamBlock
from ..scoring import MULTIPLE_CHOICE, SCENARIO, SINGLE_CHOICE, TRUE_FALSE

# Moodle writes a fraction with seven decimals: 1/3 is 0.3333333, 33.33333 in a percentage.
MOODLE_PRECISION = Fraction(1, 20_000_000)

MIN_POINTS, MAX_POINTS = 1, 10

# Moodle's question types, by the names its XML uses (GIFT's readers use the same names).
MULTICHOICE = "multichoice"
TRUEFALSE = "truefalse"
CATEGORY = "category"
# Moodle's types we have no kind for, as its XML and GIFT readers name them; any other type not
# mapped is refused the same way.
UNSUPPORTED = {
    "cloze", "multianswer", "shortanswer", "essay", "matching", "match", "numerical",
    "description", "calculated", "calculatedsimple", "calculatedmulti", "randomsamatch", "ddwtos",
    "gapselect", "ddimageortext", "ddmarker", "ordering", "random",
}  # fmt: skip


@dataclass
class SourceText:
    """A text as a Moodle file holds it, with its format: html, moodle_auto_format,
    plain_text or markdown."""

    text: str = ""
    format: str = "html"

    def plain(self):
        return plain_text(self.text, self.format)


@dataclass
class SourceAnswer:
    text: SourceText
    fraction: Fraction
    feedback: SourceText = field(default_factory=SourceText)


@dataclass
class SourceQuestion:
    """One question of a Moodle file, in Moodle's terms."""

    position: int
    name: str
    qtype: str
    text: SourceText = field(default_factory=SourceText)
    answers: list[SourceAnswer] = field(default_factory=list)
    general_feedback: SourceText = field(default_factory=SourceText)
    single: bool = True
    default_grade: Fraction = Fraction(1)
    files: list[str] = field(default_factory=list)
    problem: str = ""  # why the reader found the question broken, when it did


@dataclass(frozen=True)
class Refusal:
    """A question that is not imported (or not exported), and why."""

    position: int
    name: str
    reason: str

    def __str__(self):
        values = {"position": self.position, "name": self.name, "reason": self.reason}
        if self.name:
            return gettext("Question %(position)s “%(name)s”: %(reason)s") % values
        return gettext("Question %(position)s: %(reason)s") % values


@dataclass
class BankImport:
    """What a file gives: the questions to add, as ``(block type, value)``, those refused, and
    notes on what an imported question lost (its embedded files)."""

    questions: list[tuple[str, dict]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    notes: list[Refusal] = field(default_factory=list)


class BankRefused(Exception):
    """The file as a whole cannot be imported; nothing is written. ``problems`` says where and
    why, each naming the question when one is at fault."""

    def __init__(self, problems):
        self.problems = [str(problem) for problem in problems]
        super().__init__("; ".join(self.problems))


class QuestionBroken(Exception):
    """A question of a kind we import that its own format's rules reject (no right answer, a
    fraction that is not a number...): the whole file is refused."""


# Text ----------------------------------------------------------------------------------------

BLOCK_TAGS = {"p", "h2", "h3", "ul", "ol"}
SHOWN_PROTOCOLS = ("http://", "https://", "mailto:")


class _PlainText(HTMLParser):
    """Lays sanitised HTML out as plain text, as a browser would show its words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            words = "".join(self.parts[start:]).strip()
            if href.startswith(SHOWN_PROTOCOLS) and href not in (words, f"mailto:{words}"):
                self.parts.append(f" ({href})")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        lines = (line.strip() for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_text(text, text_format="html"):
    """``text`` of a Moodle file as the plain text our blocks hold."""
    if text_format in ("plain_text", "markdown"):
        return text.strip()
    if text_format == "moodle_auto_format":
        text = text.replace("\r\n", "\n").replace("\n", "<br>")
    parser = _PlainText()
    parser.feed(clean_html(text))
    parser.close()
    return parser.text()


def html_from_plain(text):
    """Our plain text as the HTML a Moodle file holds: a paragraph per blank-line-separated
    part, a ``<br>`` per line break. ``plain_text`` reads it back as it was."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "".join(
        "<p>"
        + "<br>".join(html.escape(line.strip(), quote=False) for line in part.split("\n"))
        + "</p>"
        for part in paragraphs
    )


# Import --------------------------------------------------------------------------------------


def is_moodle_fraction(value, target):
    return abs(value - target) <= MOODLE_PRECISION


def percent(fraction):
    text = f"{float(fraction * 100):.5f}".rstrip("0").rstrip(".")
    return f"{text} %"


def points_for(question):
    grade = question.default_grade
    if grade.denominator != 1 or not MIN_POINTS <= grade <= MAX_POINTS:
        return None, gettext(
            "its default mark is %(mark)s; our questions weigh a whole number of points from "
            "%(min)s to %(max)s"
        ) % {"mark": f"{float(grade):g}", "min": MIN_POINTS, "max": MAX_POINTS}
    return int(grade), None


def moodle_credit(fractions, chosen):
    return min(Fraction(1), max(Fraction(0), sum((fractions[i] for i in chosen), Fraction(0))))


def our_credit(correct, chosen, partial):
    right = {i for i, is_right in enumerate(correct) if is_right}
    wrong = len(correct) - len(right)
    if not partial:
        return Fraction(int(set(chosen) == right))
    earned = Fraction(len(set(chosen) & right), len(right))
    if wrong:
        earned -= Fraction(len(set(chosen) - right), wrong)
    return max(Fraction(0), earned)


def first_disagreement(fractions, correct, partial):
    """A choice of options that Moodle and our rule score differently, or None."""
    options = range(len(fractions))
    right = [i for i in options if correct[i]]
    wrong = [i for i in options if not correct[i]]
    candidates = chain(
        ([i] for i in options),
        [right],
        (right + [i] for i in wrong),
        [list(options)],
    )
    for chosen in candidates:
        theirs, ours = moodle_credit(fractions, chosen), our_credit(correct, chosen, partial)
        if theirs != ours:
            return chosen, theirs, ours
    return None


def multiple_answer_rule(question):
    """``(partial_credit, None)`` when our rule scores the question as Moodle does, else
    ``(None, reason)``."""
    fractions = [answer.fraction for answer in question.answers]
    right = [f for f in fractions if f > 0]
    wrong = [f for f in fractions if f <= 0]
    if len(right) == 1 and wrong and all(f == -1 for f in wrong):
        return False, None
    if all(is_moodle_fraction(f, Fraction(1, len(right))) for f in right) and all(
        is_moodle_fraction(f, Fraction(-1, len(wrong))) for f in wrong
    ):
        return True, None
    correct = [f > 0 for f in fractions]
    disagreement = first_disagreement(fractions, correct, partial=True)
    marks = ", ".join(percent(f) for f in fractions)
    if disagreement is None:
        return None, gettext(
            "its fractions (%(fractions)s) have no equal in our partial credit"
        ) % {"fractions": marks}
    chosen, theirs, ours = disagreement
    labels = ", ".join(f"“{question.answers[i].text.plain()[:40]}”" for i in chosen)
    return None, gettext(
        "its fractions (%(fractions)s) have no equal in our partial credit, which gives each "
        "right option 1/%(right)s and takes away 1/%(wrong)s for each wrong one: choosing "
        "%(options)s scores %(moodle)s in Moodle but %(ours)s here"
    ) % {
        "fractions": marks,
        "right": len(right),
        "wrong": len(wrong) or 1,
        "options": labels,
        "moodle": percent(theirs),
        "ours": percent(ours),
    }


def check_fractions(question):
    """Moodle's own rules for a multichoice question's fractions; QuestionBroken if broken."""
    if len(question.answers) < 2:
        raise QuestionBroken(gettext("it has fewer than two answers"))
    for answer in question.answers:
        if not -1 <= answer.fraction <= 1:
            raise QuestionBroken(
                gettext("an answer's fraction %(fraction)s is outside -100 %% to 100 %%")
                % {"fraction": percent(answer.fraction)}
            )
        if not answer.text.plain():
            raise QuestionBroken(gettext("an answer has no text"))
    if question.single:
        if not any(answer.fraction == 1 for answer in question.answers):
            raise QuestionBroken(gettext("no answer gives full marks"))
    else:
        positive = sum((a.fraction for a in question.answers if a.fraction > 0), Fraction(0))
        # Each fraction is within Moodle's precision of its value, so their sum within as many.
        if abs(positive - 1) > MOODLE_PRECISION * len(question.answers):
            raise QuestionBroken(
                gettext("its positive fractions add up to %(sum)s, not 100 %%")
                % {"sum": percent(positive)}
            )


def options_of(question):
    return [
        {
            "text": answer.text.plain(),
            "correct": answer.fraction > 0,
            "feedback": answer.feedback.plain(),
        }
        for answer in question.answers
    ]


def to_block(question):
    """``((block type, value), None)`` for a question we can hold, ``(None, reason)`` for one
    we cannot. Raises QuestionBroken for one its format's own rules reject."""
    qtype = question.qtype
    if qtype in UNSUPPORTED or qtype not in (MULTICHOICE, TRUEFALSE, "multichoiceset"):
        return None, gettext(
            "Moodle's “%(type)s” questions have no equal among our question kinds"
        ) % {"type": qtype or "?"}
    text = question.text.plain()
    if not text:
        raise QuestionBroken(gettext("it has no question text"))
    points, problem = points_for(question)
    if problem:
        return None, problem
    common = {"explanation": question.general_feedback.plain(), "points": points}
    if qtype == TRUEFALSE:
        return true_false_block(question, text, common), None
    if qtype == "multichoiceset":  # Moodle's all-or-nothing plugin: every right option, or 0
        if not any(answer.fraction > 0 for answer in question.answers):
            raise QuestionBroken(gettext("no answer is marked right"))
        value = {"question": text, "options": options_of(question), "partial_credit": False}
        return (MULTIPLE_CHOICE, {**value, **common}), None
    check_fractions(question)
    if question.single:
        odd = [a for a in question.answers if a.fraction not in (0, 1)]
        if odd or sum(1 for a in question.answers if a.fraction == 1) != 1:
            marks = ", ".join(percent(a.fraction) for a in question.answers)
            return None, gettext(
                "its answers give %(marks)s; our single-choice questions have one right answer "
                "(100 %%) and give nothing, never a part or a penalty, for the others"
            ) % {"marks": marks}
        return (SINGLE_CHOICE, {"question": text, "options": options_of(question), **common}), None
    partial, problem = multiple_answer_rule(question)
    if problem:
        return None, problem
    value = {"question": text, "options": options_of(question), "partial_credit": partial}
    return (MULTIPLE_CHOICE, {**value, **common}), None


def true_false_block(question, text, common):
    needs_both = gettext("a true/false question needs one “true” and one “false” answer")
    by_value = {}
    for answer in question.answers:
        key = answer.text.plain().strip().lower()
        if key not in ("true", "false") or key in by_value:
            raise QuestionBroken(needs_both)
        by_value[key] = answer
    if set(by_value) != {"true", "false"}:
        raise QuestionBroken(needs_both)
    if {by_value["true"].fraction, by_value["false"].fraction} != {Fraction(0), Fraction(1)}:
        raise QuestionBroken(gettext("one of “true” and “false” must be right and the other wrong"))
    value = {
        "statement": text,
        "is_true": by_value["true"].fraction == 1,
        "feedback_if_true": by_value["true"].feedback.plain(),
        "feedback_if_false": by_value["false"].feedback.plain(),
    }
    return TRUE_FALSE, {**value, **common}


def block_problems(kind, value):
    """Why our block refuses ``value`` (a text too long, say), as one sentence, or None."""
    block = QuestionStreamBlock().child_blocks[kind]
    try:
        block.clean(block.normalize(value))
    except ValidationError as error:
        return "; ".join(dict.fromkeys(error_messages(error)))
    return None


def error_messages(error, label=""):
    if hasattr(error, "block_errors"):
        errors = error.block_errors
        items = errors.items() if isinstance(errors, dict) else enumerate(errors)
        for name, child in items:
            if child is not None:
                yield from error_messages(child, name if isinstance(name, str) else label)
        for child in error.non_block_errors.as_data():
            yield from error_messages(child, label)
        return
    for message in error.messages:
        yield f"{label}: {message}" if label else str(message)


def map_questions(source_questions):
    """A ``BankImport`` from a file's questions; BankRefused names every broken one."""
    result, broken = BankImport(), []
    for question in source_questions:
        if question.qtype == CATEGORY:
            continue
        try:
            if question.problem:
                raise QuestionBroken(question.problem)
            block, reason = to_block(question)
        except QuestionBroken as error:
            broken.append(Refusal(question.position, question.name, str(error)))
            continue
        if block is not None:
            reason = block_problems(*block)
        if reason:
            result.refused.append(Refusal(question.position, question.name, reason))
            continue
        result.questions.append(block)
        if question.files:
            result.notes.append(
                Refusal(
                    question.position,
                    question.name,
                    gettext(
                        "imported without its embedded files, which our questions cannot hold: "
                        "%(files)s"
                    )
                    % {"files": ", ".join(question.files)},
                )
            )
    if broken:
        raise BankRefused(broken)
    return result


# Export --------------------------------------------------------------------------------------


@dataclass
class ExportQuestion:
    """One of our questions in Moodle's terms, for the writers; ``qtype`` is ``multichoiceset``
    for an all-or-nothing question with several right options, which standard Moodle multichoice
    cannot score."""

    position: int
    name: str
    qtype: str
    text: str
    answers: list[tuple[str, Fraction, str]]
    general_feedback: str
    points: int
    single: bool = True


def question_name(text, position):
    first_line = text.strip().split("\n", 1)[0]
    return first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"


def from_block(block, position):
    """Moodle's terms for one block of a quiz's ``questions``."""
    kind, value = block.block_type, block.value
    common = {
        "position": position,
        "general_feedback": value["explanation"],
        "points": value["points"] or 1,
    }
    if kind == TRUE_FALSE:
        answers = [
            ("true", Fraction(int(value["is_true"])), value["feedback_if_true"]),
            ("false", Fraction(int(not value["is_true"])), value["feedback_if_false"]),
        ]
        text = value["statement"]
        return ExportQuestion(
            name=question_name(text, position),
            qtype=TRUEFALSE,
            text=text,
            answers=answers,
            **common,
        )
    options = [(o["text"], o["correct"], o["feedback"]) for o in value["options"]]
    text = value["question"]
    if kind == SCENARIO:
        text = f"{value['situation'].strip()}\n\n{text.strip()}"
    name = question_name(value["question"], position)
    if kind in (SINGLE_CHOICE, SCENARIO):
        answers = [(t, Fraction(int(c)), f) for t, c, f in options]
        return ExportQuestion(name=name, qtype=MULTICHOICE, text=text, answers=answers, **common)
    right = sum(1 for _, correct, _ in options if correct)
    wrong = len(options) - right
    if value.get("partial_credit"):
        answers = [(t, Fraction(1, right) if c else Fraction(-1, wrong), f) for t, c, f in options]
        qtype = MULTICHOICE
    elif right == 1:
        answers = [(t, Fraction(1) if c else Fraction(-1), f) for t, c, f in options]
        qtype = MULTICHOICE
    else:
        answers = [(t, Fraction(int(c)), f) for t, c, f in options]
        qtype = "multichoiceset"
    return ExportQuestion(
        name=name, qtype=qtype, text=text, answers=answers, single=False, **common
    )


def moodle_fraction(fraction):
    """A fraction as Moodle writes it in a file, in percent with five decimals at most."""
    return f"{float(fraction * 100):.5f}".rstrip("0").rstrip(".")
