"""Moodle XML question files, read and written.

Reading goes through defusedxml with DTDs forbidden: a Moodle file never has one, and refusing
it refuses external entities (XXE) and entity expansion (billion laughs) before any is
resolved. No package reads Moodle XML safely and whole (moodle-xml-parser 0.3.1 parses with the
standard library's unguarded ElementTree, reads no true/false question and prints, then skips, a
question it cannot read), so this module reads the few elements the mapping needs and leaves the
decisions to ``mapping``.
"""

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext

from .mapping import (
    CATEGORY,
    TRUEFALSE,
    BankRefused,
    SourceAnswer,
    SourceQuestion,
    SourceText,
    html_from_plain,
    moodle_fraction,
)


def number(text, problem):
    try:
        return Fraction(Decimal(text.strip()))
    except (InvalidOperation, ValueError, AttributeError) as error:
        raise ValueError(problem % {"text": text}) from error


def text_of(element, default_format="html"):
    if element is None:
        return SourceText("", default_format)
    return SourceText(element.findtext("text") or "", element.get("format", default_format))


def read_question(element, position):
    qtype = element.get("type", "")
    name = (element.findtext("name/text") or "").strip()
    question = SourceQuestion(position=position, name=name, qtype=qtype)
    if qtype == CATEGORY:
        return question
    question.text = text_of(element.find("questiontext"))
    question.general_feedback = text_of(element.find("generalfeedback"))
    question.single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    question.files = [f.get("name", "") for f in element.iter("file")]
    try:
        grade = element.findtext("defaultgrade")
        question.default_grade = (
            Fraction(1)
            if grade is None
            else number(grade, gettext("its default mark “%(text)s” is not a number"))
        )
        for answer in element.findall("answer"):
            question.answers.append(
                SourceAnswer(
                    text=text_of(answer, answer.get("format", "moodle_auto_format")),
                    fraction=number(
                        answer.get("fraction", "0"),
                        gettext("an answer's fraction “%(text)s” is not a number"),
                    )
                    / 100,
                    feedback=text_of(answer.find("feedback")),
                )
            )
    except ValueError as error:
        question.problem = str(error)
    return question


def read(data):
    """The questions of a Moodle XML file (bytes), in the file's order. BankRefused when the
    file is not well-formed Moodle XML or is refused as dangerous."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        problem = gettext(
            "The file declares a DTD or entities, which a Moodle file never does (%(error)s)."
        )
        raise BankRefused([problem % {"error": error}]) from error
    except ParseError as error:
        problem = gettext("The file is not well-formed XML (%(error)s).") % {"error": error}
        raise BankRefused([problem]) from error
    if root.tag != "quiz":
        problem = gettext("This is not a Moodle XML question file (its root is <%(tag)s>).")
        raise BankRefused([problem % {"tag": root.tag}])
    questions, position = [], 0
    for element in root.findall("question"):
        if element.get("type") != CATEGORY:
            position += 1
        questions.append(read_question(element, position))
    return questions


def add_text(parent, tag, text, text_format="html"):
    element = ElementTree.SubElement(parent, tag, {"format": text_format} if text_format else {})
    ElementTree.SubElement(element, "text").text = text
    return element


def write(questions, shuffle=False):
    """A Moodle XML file (str) of ``ExportQuestion``s; every one has a form here."""
    root = ElementTree.Element("quiz")
    for question in questions:
        element = ElementTree.SubElement(root, "question", {"type": question.qtype})
        add_text(element, "name", question.name, text_format=None)
        add_text(element, "questiontext", html_from_plain(question.text))
        add_text(element, "generalfeedback", html_from_plain(question.general_feedback))
        ElementTree.SubElement(element, "defaultgrade").text = f"{question.points}.0000000"
        ElementTree.SubElement(element, "penalty").text = "0.0000000"
        ElementTree.SubElement(element, "hidden").text = "0"
        if question.qtype != TRUEFALSE:
            if question.qtype == "multichoice":
                single = "true" if question.single else "false"
                ElementTree.SubElement(element, "single").text = single
            ElementTree.SubElement(element, "shuffleanswers").text = "true" if shuffle else "false"
            ElementTree.SubElement(element, "answernumbering").text = "abc"
        for text, fraction, feedback in question.answers:
            answer_format = "moodle_auto_format" if question.qtype == TRUEFALSE else "html"
            answer = ElementTree.SubElement(
                element, "answer", {"fraction": moodle_fraction(fraction), "format": answer_format}
            )
            answer_text = text if question.qtype == TRUEFALSE else html_from_plain(text)
            ElementTree.SubElement(answer, "text").text = answer_text
            add_text(answer, "feedback", html_from_plain(feedback))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"
