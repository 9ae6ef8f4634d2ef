"""Question banks: Moodle XML and GIFT files into a quiz's questions, and a quiz out to both.

``read_bank`` reads and checks a whole file before anything is written: a file that is not
well-formed, is refused as dangerous, or holds a question its own format's rules reject raises
``BankRefused`` naming each such question (position and name) and why. Otherwise it returns a
``BankImport``: the questions to add, the questions refused with their reason (types we have no
kind for, scoring our rules cannot reproduce exactly, see ``mapping``), never dropped silently,
and notes on what an imported question lost. ``add_to_quiz`` then adds the questions to the
quiz as a new draft revision, never published, so the author reviews them first.
``export_quiz`` writes a quiz's questions as either format.

The readers (``moodle_xml``, ``gift``) only read; ``mapping`` decides.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from modules.languages import source_language

from . import gift, moodle_xml
from .mapping import BankImport, BankRefused, Refusal, from_block, map_questions

__all__ = [
    "FORMATS",
    "BankImport",
    "BankRefused",
    "Export",
    "Refusal",
    "add_to_quiz",
    "export_quiz",
    "format_of",
    "read_bank",
]

XML, GIFT = "xml", "gift"
FORMATS = (XML, GIFT)
READERS = {XML: moodle_xml.read, GIFT: gift.read}
MAX_BANK_BYTES = 5 * 1024 * 1024


def format_of(filename, data=b""):
    """The format a file is in, from its name (``.xml``, ``.gift``, ``.txt``) or else its first
    character."""
    name = (filename or "").lower()
    if name.endswith(".xml"):
        return XML
    if name.endswith((".gift", ".gift.txt", ".txt")):
        return GIFT
    return XML if data.lstrip()[:1] == b"<" else GIFT


def read_bank(data, bank_format):
    """A ``BankImport`` of a whole file (bytes), or BankRefused."""
    if len(data) > MAX_BANK_BYTES:
        raise BankRefused([gettext("The file is larger than 5 MB; split the question bank.")])
    return map_questions(READERS[bank_format](data))


def signature(kind, value):
    """What makes two questions the same question: kind, text, options and their correctness."""
    if kind == "true_false":
        return (kind, value["statement"].strip(), bool(value["is_true"]))
    options = tuple((o["text"].strip(), bool(o["correct"])) for o in value["options"])
    return (kind, value["question"].strip(), options)


@dataclass
class Added:
    revision: object = None
    added: int = 0
    already_there: list[tuple[str, dict]] = field(default_factory=list)


def add_to_quiz(quiz, bank, user=None):
    """Add ``bank``'s questions to ``quiz`` as a new draft revision (its latest draft kept), not
    published. A question the quiz already has (same kind, text, options and right answers) is
    not added again, so importing a file twice adds it once. Translations are not imported
    into: they follow the source quiz through wagtail-localize."""
    if quiz.locale.language_code != source_language():
        raise PermissionDenied(
            gettext(
                "Import questions into the quiz in the source language; its translations follow it."
            )
        )
    draft = quiz.get_latest_revision_as_object()
    existing = {signature(block.block_type, block.value) for block in draft.questions}
    result = Added()
    for kind, value in bank.questions:
        key = signature(kind, value)
        if key in existing:
            result.already_there.append((kind, value))
            continue
        existing.add(key)
        draft.questions.append((kind, value))
        result.added += 1
    if result.added:
        result.revision = draft.save_revision(user=user, log_action=True)
    return result


@dataclass
class Export:
    text: str
    refused: list[Refusal]
    filename: str
    content_type: str


def export_quiz(quiz, bank_format):
    """``quiz``'s questions (its latest revision, draft or live) as a file of ``bank_format``,
    with the questions that format cannot hold; those are named in the file's first lines too."""
    page = quiz.get_latest_revision_as_object()
    questions = [from_block(block, n) for n, block in enumerate(page.questions, start=1)]
    if bank_format == XML:
        text, refused = moodle_xml.write(questions, shuffle=page.shuffle_options), []
        content_type, extension = "application/xml", "xml"
    else:
        text, refused = gift.write(questions)
        if refused:
            text = "".join(f"// Not exported: {r}\n" for r in refused) + "\n" + text
        content_type, extension = "text/plain", "gift.txt"
    filename = f"{page.slug or 'quiz'}-questions.{extension}"
    return Export(text, refused, filename, f"{content_type}; charset=utf-8")
