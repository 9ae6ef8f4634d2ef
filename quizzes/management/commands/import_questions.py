"""``manage.py import_questions FILE --quiz ID``: a Moodle XML or GIFT file into a quiz, as a new
draft revision for the author to review (``quizzes.banks``)."""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from quizzes.banks import FORMATS, BankRefused, add_to_quiz, format_of, read_bank
from quizzes.models import QuizPage


class Command(BaseCommand):
    help = (
        "Add the questions of a Moodle XML or GIFT file to a quiz as a new draft revision. "
        "The file is checked whole first; questions we cannot hold are listed, not added."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--quiz", type=int, required=True, help="The quiz page's id.")
        parser.add_argument("--format", choices=FORMATS, help="Default: from the file name.")

    def handle(self, *args, file, quiz, format=None, **options):
        page = QuizPage.objects.filter(pk=quiz).first()
        if page is None:
            raise CommandError(f"No quiz has the id {quiz}.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            bank = read_bank(data, format or format_of(file.name, data))
        except BankRefused as refusal:
            raise CommandError(
                f"{file} was refused; nothing was imported.\n" + "\n".join(refusal.problems)
            ) from refusal
        for refused in bank.refused:
            self.stderr.write(self.style.WARNING(f"Not imported: {refused}"))
        for note in bank.notes:
            self.stderr.write(self.style.WARNING(f"Note: {note}"))
        try:
            result = add_to_quiz(page, bank)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        if result.already_there:
            self.stdout.write(f"{len(result.already_there)} question(s) already in the quiz.")
        if result.added:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{result.added} question(s) added to “{page.title}” as draft revision "
                    f"{result.revision.pk}; review and publish it in the admin."
                )
            )
        else:
            self.stdout.write("No question added; the quiz is unchanged.")
