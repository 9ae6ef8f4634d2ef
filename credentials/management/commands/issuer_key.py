from django.core.management.base import BaseCommand

from credentials import keys


class Command(BaseCommand):
    help = (
        "Make the key that signs Open Badges credentials, if there is none yet; with --rotate, "
        "replace it by a new one (credentials signed before still verify)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rotate", action="store_true", help="Make a new current key.")

    def handle(self, rotate=False, **options):
        if keys.has_key() and not rotate:
            key = keys.current_public_key()
            self.stdout.write(f"The issuer key is {key.multibase} in {keys.folder()}; unchanged.")
            return
        key = keys.make_key()
        self.stdout.write(self.style.SUCCESS(f"New issuer key {key.multibase} in {keys.folder()}."))
