"""Write a module's SCORM 1.2 package to a zip file, e.g.
``manage.py export_scorm foundations --language es --output foundations-es.zip``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from modules.languages import source_language
from modules.models import ModulePage
from packages.contents import translations_of
from packages.scorm import scorm_package


class Command(BaseCommand):
    help = (
        "Export a module as a SCORM 1.2 package for an LMS. The quiz's right answers ship "
        "in the package: give it to LMS operators, never to learners."
    )

    def add_arguments(self, parser):
        parser.add_argument("module", help="The module's id, or its slug in the source language.")
        parser.add_argument("--language", help="The language code (default: the source language).")
        parser.add_argument("--output", help="The zip file to write (default: in this folder).")

    def handle(self, module, language=None, output=None, **options):
        found = ModulePage.objects.filter(
            **({"pk": int(module)} if module.isdigit() else {"slug": module})
        ).first()
        if found is None:
            raise CommandError(f"No module with the id or slug “{module}”.")
        translations = translations_of(found)
        language = language or source_language()
        if language not in translations:
            raise CommandError(
                f"The module has no live page in “{language}”; it has: "
                + ", ".join(sorted(translations))
            )
        package = scorm_package(translations[language])
        path = Path(output or package.filename)
        path.write_bytes(package.content)
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {path} ({len(package.content)} bytes, {language}).")
        )
