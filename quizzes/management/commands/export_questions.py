"""``manage.py export_questions --quiz ID --format xml|gift``: a quiz's questions as a Moodle
XML or GIFT file, on standard output or into ``--output``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.banks import FORMATS, export_quiz
from quizzes.models import QuizPage


class Command(BaseCommand):
    help = "Write a quiz's questions as a Moodle XML or GIFT file (answer keys included)."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", type=int, required=True, help="The quiz page's id.")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--output", type=Path, help="A file to write; default: stdout.")

    def handle(self, *args, quiz, format, output=None, **options):
        page = QuizPage.objects.filter(pk=quiz).first()
        if page is None:
            raise CommandError(f"No quiz has the id {quiz}.")
        export = export_quiz(page, format)
        for refused in export.refused:
            self.stderr.write(self.style.WARNING(f"Not exported: {refused}"))
        if output is None:
            self.stdout.write(export.text, ending="")
            return
        output.write_text(export.text, encoding="utf-8")
        self.stderr.write(self.style.SUCCESS(f"Wrote {output}."))
