"""Create the development log-ins that `make run` prints: an admin and a learner."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from learners.models import LearnerProfile, Role

DEMO_ADMIN = ("admin", "admin@example.com", "cip-admin-demo")
DEMO_LEARNER = ("learner", "learner@example.com", "cip-learner-demo")


class Command(BaseCommand):
    help = "Create a demo admin and a demo learner if they do not exist, and print their log-ins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address", default="http://127.0.0.1:8000", help="Where the site is served."
        )

    def handle(self, *args, address, **options):
        User = get_user_model()
        username, email, password = DEMO_ADMIN
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, email, password)
            self.stdout.write(f"  + admin “{username}”")
        username, email, learner_password = DEMO_LEARNER
        learner, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if created:
            learner.set_password(learner_password)
            learner.save()
            EmailAddress.objects.create(user=learner, email=email, verified=True, primary=True)
            LearnerProfile.objects.create(
                user=learner,
                full_name="Ana Pérez",
                role=Role.TEACHERS,
                organisation="Escuela Primaria N.º 12",
                country="UY",
                preferred_language="es",
            )
            self.stdout.write(f"  + learner “{email}”")
        self.stdout.write(self.style.SUCCESS("Demo log-ins:"))
        self.stdout.write(f"  admin   {address}/admin/   {DEMO_ADMIN[0]} / {password}")
        self.stdout.write(f"  learner {address}/en/accounts/login/   {email} / {learner_password}")
