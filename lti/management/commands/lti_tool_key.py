from django.core.management.base import BaseCommand

from lti import keys


class Command(BaseCommand):
    help = "Make the key the LTI tool signs with (kept in LTI_TOOL_KEY_FILE, not the database)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="Replace an existing key; platforms pick the new one up from the JWKS.",
        )

    def handle(self, *args, rotate=False, **options):
        path = keys.key_file()
        if path.exists() and not rotate:
            self.stdout.write(f"The LTI tool key at {path} is kept (--rotate replaces it).")
            return
        keys.generate(path)
        self.stdout.write(self.style.SUCCESS(f"New LTI tool key written to {path}."))
