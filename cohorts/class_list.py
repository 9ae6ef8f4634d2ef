"""Reading a class list: a CSV file with one person per line, checked whole before anything is
written, so a file with one bad line changes nothing and says which line and why.

Columns (a header line names them, in any order): ``email``, ``name``, ``profession`` and
``language``; profession and language take the codes the site uses (``police``, ``es``…).
"""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from learners.forms import reject_markup
from learners.models import Role

COLUMNS = ("email", "name", "profession", "language")
MAX_PEOPLE = 2000
MAX_BYTES = 1024 * 1024
EMAIL_LENGTH = 254  # what the database keeps, as Django's EmailField


@dataclass(frozen=True)
class Person:
    line: int
    email: str
    full_name: str
    role: str
    language_code: str


class ClassListError(Exception):
    """The file cannot be used; ``problems`` lists ``(line, message)``, line 0 for the file."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def read_class_list(data):
    """The people in the CSV file ``data`` (bytes), or ClassListError naming every bad line."""
    if len(data) > MAX_BYTES:
        raise ClassListError([(0, _("The file is larger than 1 MB."))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClassListError(
            [(0, _("The file is not UTF-8 text; save it as CSV UTF-8."))]
        ) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect=dialect_of(text)))
    except csv.Error as error:
        message = _("The file is not a CSV file (%(error)s).") % {"error": error}
        raise ClassListError([(0, message)]) from None
    rows = [(number, row) for number, row in enumerate(rows, start=1) if any(map(str.strip, row))]
    if not rows:
        raise ClassListError([(0, _("The file is empty."))])
    (header_line, header), *rows = rows
    header = [name.strip().lower() for name in header]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        message = _("The first line must name the columns %(columns)s; missing: %(missing)s.")
        raise ClassListError(
            [
                (
                    header_line,
                    message % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)},
                )
            ]
        )
    if not rows:
        raise ClassListError([(header_line, _("The list has nobody in it, only its first line."))])
    if len(rows) > MAX_PEOPLE:
        raise ClassListError(
            [(0, _("A list holds at most %(count)s people.") % {"count": MAX_PEOPLE})]
        )
    position = {name: header.index(name) for name in COLUMNS}
    people, problems, seen = [], [], {}
    for number, row in rows:
        values = {name: cell(row, index) for name, index in position.items()}
        problem = problem_with(values, seen)
        if problem:
            problems.append((number, problem))
            continue
        seen[values["email"].lower()] = number
        people.append(
            Person(
                number,
                values["email"],
                " ".join(values["name"].split()),
                values["profession"],
                values["language"],
            )
        )
    if problems:
        raise ClassListError(problems)
    return people


def dialect_of(text):
    """Commas, or the semicolons or tabs spreadsheets in Spanish, Portuguese and French save."""
    try:
        return csv.Sniffer().sniff(text.partition("\n")[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def cell(row, index):
    return row[index].strip() if index < len(row) else ""


def problem_with(values, seen):
    """What is wrong with one person's line, or None."""
    try:
        validate_email(values["email"])
        if len(values["email"]) > EMAIL_LENGTH:
            raise ValidationError("too long")
    except ValidationError:
        return _("“%(email)s” is not an e-mail address.") % {"email": values["email"]}
    if values["email"].lower() in seen:
        return _("%(email)s is already on line %(line)s.") % {
            "email": values["email"],
            "line": seen[values["email"].lower()],
        }
    if not values["name"] or len(values["name"]) > 150:
        return _("The name is missing or longer than 150 characters.")
    try:
        reject_markup(values["name"])
    except ValidationError as error:
        return error.messages[0]
    if values["profession"] not in Role.values:
        return _("“%(profession)s” is not a profession; use one of %(choices)s.") % {
            "profession": values["profession"],
            "choices": ", ".join(Role.values),
        }
    languages = [code for code, _name in settings.LANGUAGES]
    if values["language"] not in languages:
        return _("“%(language)s” is not a language of the course; use one of %(choices)s.") % {
            "language": values["language"],
            "choices": ", ".join(languages),
        }
    return None
