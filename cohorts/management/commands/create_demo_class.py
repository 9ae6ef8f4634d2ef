"""Create the demo facilitator and a class of demo learners at different stages, so the class
page has something to show on first look (`make run` calls this after create_demo_users)."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from learners.models import LearnerProfile, LessonCompletion, Role
from modules.languages import source_language
from modules.models import CoursePage, LessonPage, ModulePage
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import QuizPage

from ...membership import add_members
from ...models import Cohort, Invitation, Membership

FACILITATOR = ("facilitator", "facilitator@example.com", "cip-facilitator-demo")
CLASS_NAME = "Academia de Policía · clase de demostración"
# (e-mail, name, profession, how many of the course's modules they have done)
MEMBERS = [
    ("lucia.mendez@example.org", "Lucía Méndez", Role.POLICE, 2),
    ("carlos.rojas@example.org", "Carlos Rojas", Role.POLICE, 1),
    ("marta.silva@example.org", "Marta Silva", Role.POLICE, 0),
    ("jorge.pineda@example.org", "Jorge Pineda", Role.FRONT_LINE, 1),
]
INVITED = ("ines.castro@example.org", "Inés Castro", Role.POLICE)


class Command(BaseCommand):
    help = "Create a demo facilitator and a demo class with learners at different stages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address", default="http://127.0.0.1:8000", help="Where the site is served."
        )

    def handle(self, *args, address, **options):
        User = get_user_model()
        username, email, password = FACILITATOR
        course = (
            CoursePage.objects.live()
            .filter(locale__language_code=source_language())
            .order_by("path")
            .first()
        )
        if course is None:
            raise CommandError("Load the demo course first (manage.py load_demo_content).")
        with transaction.atomic():
            facilitator, created = User.objects.get_or_create(
                username=username, defaults={"email": email}
            )
            if created:
                facilitator.set_password(password)
                facilitator.save()
                EmailAddress.objects.create(
                    user=facilitator, email=email, verified=True, primary=True
                )
                facilitator.groups.add(Group.objects.get(name="Facilitators"))
            if not Cohort.objects.filter(name=CLASS_NAME).exists():
                self.create_class(course, facilitator)
        self.stdout.write(self.style.SUCCESS("Demo facilitator:"))
        self.stdout.write(f"  facilitator {address}/admin/cohorts/   {username} / {password}")

    def create_class(self, course, facilitator):
        today = timezone.localdate()
        cohort = Cohort.objects.create(
            name=CLASS_NAME,
            organisation="Academia Nacional de Policía (demostración)",
            course_key=course.translation_key,
            language_code="es",
            starts_on=today - datetime.timedelta(days=21),
            ends_on=today + datetime.timedelta(days=40),
        )
        cohort.facilitators.add(facilitator)
        modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
        for email, name, role, modules_done in MEMBERS:
            user = get_user_model().objects.create_user(email.split("@")[0], email)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            LearnerProfile.objects.create(
                user=user, full_name=name, role=role, preferred_language="es"
            )
            add_members(cohort, [user], Membership.Joined.LIST, shares_email=True)
            path_modules = [
                module for module in modules if not module.audiences or role in module.audiences
            ]
            for module in path_modules[:modules_done]:
                self.complete(user, module)
        email, name, role = INVITED
        Invitation.objects.create(
            cohort=cohort, email=email, full_name=name, role=role, language_code="es"
        )
        self.stdout.write(f"  + class “{CLASS_NAME}” with {len(MEMBERS)} learners")

    def complete(self, user, module):
        """Read the module's lessons and pass its quiz, as the learner would, through the
        functions the views use, so certificates are issued as for anyone."""
        for lesson in LessonPage.objects.live().child_of(module):
            LessonCompletion.objects.get_or_create(
                user=user, lesson_key=lesson.translation_key, defaults={"language_code": "es"}
            )
        for quiz in QuizPage.objects.live().child_of(module):
            attempt = start_attempt(user, quiz, "es")
            answers = {
                question.id: sorted(question.correct_ids)
                for question in quiz.questions_for(attempt)
            }
            submit_attempt(attempt.pk, user, quiz, answers, "es")
