from django.core.management.base import BaseCommand

from lti.dynamic_registration import VALID_FOR, registration_url


class Command(BaseCommand):
    help = "Print a dynamic-registration URL to paste into Moodle or Canvas (valid 7 days)."

    def handle(self, *args, **options):
        self.stdout.write(registration_url())
        self.stdout.write(
            self.style.SUCCESS(
                f"Valid for {VALID_FOR // 86400} days; anyone holding it may register a platform."
            )
        )
