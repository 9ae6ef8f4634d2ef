"""GIFT question files, read and written: a small reader for the part of GIFT we map, written
after Moodle's own (``question/format/gift/format.php``), and a writer.

Why our own: of the GIFT parsers on PyPI, ``pygiftparser`` 1.1 was last released in 2017,
drags in yattag and two Markdown packages to render HTML we do not want, and has no answer
weights beyond its own model; ``pygift`` 3.0.4 is not a GIFT parser at all (a Python 2 tool for
pinned pip requirements that shares the name); ``gift-wrapper`` only writes GIFT. Moodle's rules
for telling a question's type are short, so this reader follows them line for line and leaves
every decision about what a question becomes to ``mapping``.

What it reads: questions separated by blank lines, ``//`` comment lines, ``$CATEGORY:`` lines
(skipped, as categories are), ``::name::``, a ``[html]``/``[moodle]``/``[plain]``/``[markdown]``
format, the answer block in braces with ``=``, ``~``, ``%n%`` weights and ``#`` feedback,
``####`` general feedback, ``T``/``TRUE``/``F``/``FALSE``, and the escapes ``\\~ \\= \\# \\{ \\}
\\: \\\\ \\n``. Types are told as Moodle tells them (no braces: description; empty braces: essay;
``#`` first: numerical; a ``~``: multiple choice; ``=`` with ``->``: matching; ``T``/``F``:
true/false; else short answer), so an unsupported question is named by its real type.

GIFT has no marks: Moodle gives every GIFT question 1. The writer puts a question's points in a
``// points: N`` comment line before it, which Moodle skips as a comment and this reader takes
as the question's points, so our own files round-trip with their weights.
"""

import html
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from django.utils.translation import gettext

from .mapping import (
    CATEGORY,
    MULTICHOICE,
    TRUEFALSE,
    BankRefused,
    Refusal,
    SourceAnswer,
    SourceQuestion,
    SourceText,
    moodle_fraction,
)

# Escaped characters stand in for themselves through parsing as private-use characters.
ESCAPES = {"\\\\": "\ue000", "\\:": "\ue001", "\\#": "\ue002", "\\=": "\ue003",
           "\\{": "\ue004", "\\}": "\ue005", "\\~": "\ue006", "\\n": "\ue007"}  # fmt: skip
UNESCAPED = {"\ue000": "\\", "\ue001": ":", "\ue002": "#", "\ue003": "=", "\ue004": "{",
             "\ue005": "}", "\ue006": "~", "\ue007": "\n"}  # fmt: skip
FORMATS = {"html": "html", "moodle": "moodle_auto_format", "plain": "plain_text",
           "markdown": "markdown"}  # fmt: skip
WEIGHT = re.compile(r"^%(-*[0-9]{1,3}(?:\.[0-9]*)?)%")
POINTS = re.compile(r"^//\s*points:\s*([0-9]+)\b")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def unescape(text):
    for placeholder, character in UNESCAPED.items():
        text = text.replace(placeholder, character)
    return text


def with_format(text, default="moodle_auto_format"):
    text = text.strip()
    match = re.match(r"^\[(html|moodle|plain|markdown)\]", text)
    if match:
        return SourceText(unescape(text[match.end() :].strip()), FORMATS[match.group(1)])
    return SourceText(unescape(text), default)


def split_feedback(answer, text_format):
    text, _, feedback = answer.partition("#")
    return with_format(text, text_format), with_format(feedback, text_format)


def blocks_of(source):
    """``(first line number, lines, points)`` of each question or category line of the file;
    ``points`` from a ``// points: N`` comment before the question, else None."""
    block, start, points = [], 0, None
    for number, line in enumerate(source.splitlines() + [""], start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            match = POINTS.match(stripped)
            if match and not block:
                points = int(match.group(1))
            continue
        if stripped.startswith("$CATEGORY:"):
            yield number, [stripped], None
            continue
        if stripped:
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block, points
            block, points = [], None


def read_question(text, position, line):
    question = SourceQuestion(position=position, name="", qtype="")
    if text.startswith("::"):
        name_end = text.find("::", 2)
        if name_end < 0:
            question.problem = gettext("its name has no closing “::” (line %(line)s)") % {
                "line": line
            }
            return question
        question.name = unescape(text[2:name_end]).strip()
        text = text[name_end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        question.qtype = "description"
        question.text = with_format(text)
        return question
    if start < 0 or finish < start:
        question.problem = gettext("its braces { } do not match (line %(line)s)") % {"line": line}
        return question
    answers = text[start + 1 : finish].strip()
    if text.rstrip().endswith("}"):
        question_text = text[:start] + text[finish + 1 :]
    else:  # Moodle's "missing word": the answers stand for a gap in the text
        question_text = text[:start] + "_____" + text[finish + 1 :]
    question.text = with_format(question_text)
    text_format = question.text.format
    general = answers.rfind("####")
    if general >= 0:
        question.general_feedback = with_format(answers[general + 4 :], text_format)
        answers = answers[:general].strip()
    if answers == "":
        question.qtype = "essay"
    elif answers.startswith("#"):
        question.qtype = "numerical"
    elif "~" in answers:
        question.qtype = MULTICHOICE
        read_choices(question, answers, text_format, line)
    elif "=" in answers and "->" in answers:
        question.qtype = "match"
    elif answers.split("#", 1)[0].strip() in TRUE_FALSE:
        question.qtype = TRUEFALSE
        read_true_false(question, answers, text_format)
    else:
        question.qtype = "shortanswer"
    return question


def read_choices(question, answers, text_format, line):
    question.single = "=" in answers
    parts = answers.replace("=", "~=").split("~")
    if not parts[0].strip():
        parts = parts[1:]
    for part in parts:
        part = part.strip()
        if part.startswith("="):
            fraction, part = Fraction(1), part[1:]
        elif part.startswith("%"):
            match = WEIGHT.match(part)
            try:
                fraction = Fraction(Decimal(match.group(1))) / 100
            except (AttributeError, InvalidOperation):
                question.problem = gettext(
                    "its answer weight in “%(answer)s” is unreadable (line %(line)s)"
                ) % {"answer": unescape(part[:20]), "line": line}
                return
            part = part[match.end() :]
        else:
            fraction = Fraction(0)
        text, feedback = split_feedback(part, text_format)
        question.answers.append(SourceAnswer(text=text, fraction=fraction, feedback=feedback))


def read_true_false(question, answers, text_format):
    """Moodle's rule: the first feedback is for a wrong answer, the second for a right one."""
    value, _, comment = answers.partition("#")
    wrong, _, right = comment.partition("#")
    is_true = TRUE_FALSE[value.strip()]
    feedback = {is_true: right, not is_true: wrong}
    question.answers = [
        SourceAnswer(
            SourceText(str(value).lower(), "plain_text"),
            Fraction(int(value == is_true)),
            with_format(feedback[value], text_format),
        )
        for value in (True, False)
    ]


def read(data):
    """The questions of a GIFT file (bytes, UTF-8), in the file's order. BankRefused when the
    file is not text."""
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = gettext("The file is not UTF-8 text (%(error)s).") % {"error": error}
        raise BankRefused([problem]) from error
    for escape, placeholder in ESCAPES.items():
        source = source.replace(escape, placeholder)
    questions, position = [], 0
    for line, block, points in blocks_of(source):
        if block[0].startswith("$CATEGORY:"):
            questions.append(SourceQuestion(position=position, name="", qtype=CATEGORY))
            continue
        position += 1
        question = read_question("\n".join(block).strip(), position, line)
        if points is not None:
            question.default_grade = Fraction(points)
        questions.append(question)
    if not any(question.qtype != CATEGORY for question in questions):
        raise BankRefused([gettext("The file holds no GIFT question.")])
    return questions


# Writing -------------------------------------------------------------------------------------

SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_text(text):
    """Our plain text in GIFT's default (Moodle auto-format) text: HTML's own characters and
    GIFT's special ones escaped, line breaks as ``\\n``."""
    escaped = SPECIAL.sub(r"\\\1", html.escape(text.strip(), quote=False))
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def write(questions):
    """A GIFT file (str) of ``ExportQuestion``s and the ``Refusal``s of those GIFT cannot hold
    (an all-or-nothing question with several right options: GIFT has only Moodle's standard
    multiple choice)."""
    blocks, refused = [], []
    for question in questions:
        if question.qtype not in (MULTICHOICE, TRUEFALSE):
            refused.append(
                Refusal(
                    question.position,
                    question.name,
                    gettext(
                        "all-or-nothing with several right options has no form in GIFT; export "
                        "to Moodle XML, where it is an all-or-nothing multiple choice"
                    ),
                )
            )
            continue
        head = f"::{gift_text(question.name)}::{gift_text(question.text)}"
        if question.points != 1:  # GIFT has no marks: Moodle reads 1, this reader the comment
            head = f"// points: {question.points}\n{head}"
        general = f"####{gift_text(question.general_feedback)}" if question.general_feedback else ""
        if question.qtype == TRUEFALSE:
            (_, true_mark, true_feedback), (_, _, false_feedback) = question.answers
            right, wrong = (
                (true_feedback, false_feedback) if true_mark else (false_feedback, true_feedback)
            )
            body = "TRUE" if true_mark else "FALSE"
            if right or wrong:
                body += f"#{gift_text(wrong)}#{gift_text(right)}"
            blocks.append(f"{head} {{{body}{general}}}")
            continue
        lines = []
        for text, fraction, feedback in question.answers:
            if question.single:
                mark = "=" if fraction == 1 else "~"
            else:
                mark = f"~%{moodle_fraction(fraction)}%"
            comment = f" #{gift_text(feedback)}" if feedback else ""
            lines.append(f"    {mark}{gift_text(text)}{comment}")
        if general:
            lines.append(f"    {general}")
        blocks.append(head + " {\n" + "\n".join(lines) + "\n}")
    return "\n\n".join(blocks) + "\n", refused
