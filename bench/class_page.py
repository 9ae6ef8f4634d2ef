"""Print the median time of a facilitator's class page and its exports for a class of 500
members at different stages, against the budget (< 0.5 s).

Run it on PostgreSQL with the demo course loaded:

    createdb -h 127.0.0.1 -U postgres cip_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/cip_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_content
    .venv/bin/python bench/class_page.py

It makes (once) a class "Bench class" of 500 learners: a fifth have done nothing, the others
have read some lessons and taken some quizzes, as a class a few weeks in would have. Requests go
through the whole Django stack with the test client, logged in as the class's facilitator.
"""

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecourse.settings.dev")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Cohort, Membership
from learners.models import Enrolment, LearnerProfile, LessonCompletion, Role
from modules.languages import source_language
from modules.models import CoursePage, LessonPage
from quizzes.models import QuizAttempt, QuizPage

MEMBERS = 500
from bench.timing import median_time

REPEATS = 7
BUDGET = 0.5  # seconds, issue 19
NAME = "Bench class"


def bench_class(facilitator):
    cohort = Cohort.objects.filter(name=NAME).first()
    if cohort is not None:
        return cohort
    course = CoursePage.objects.live().filter(locale__language_code=source_language()).first()
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    quizzes = list(QuizPage.objects.live().descendant_of(course).order_by("path"))
    today = timezone.localdate()
    generator = random.Random(19)
    with transaction.atomic():
        cohort = Cohort.objects.create(
            name=NAME,
            organisation="Bench",
            course_key=course.translation_key,
            language_code="es",
            starts_on=today - timezone.timedelta(days=30),
            ends_on=today + timezone.timedelta(days=30),
        )
        cohort.facilitators.add(facilitator)
        users = get_user_model().objects.bulk_create(
            get_user_model()(username=f"bench-member-{n}", email=f"bench-member-{n}@example.org")
            for n in range(MEMBERS)
        )
        roles = [Role.POLICE, Role.TEACHERS, Role.JUDGES, Role.FRONT_LINE]
        LearnerProfile.objects.bulk_create(
            LearnerProfile(
                user=user, full_name=f"Member {n}", role=roles[n % 4], preferred_language="es"
            )
            for n, user in enumerate(users)
        )
        Membership.objects.bulk_create(
            Membership(cohort=cohort, user=user, joined="list") for user in users
        )
        Enrolment.objects.bulk_create(
            Enrolment(user=user, course_key=course.translation_key, language_code="es")
            for user in users
        )
        completions, attempts = [], []
        for user in users[MEMBERS // 5 :]:
            for lesson in lessons[: generator.randint(1, len(lessons))]:
                completions.append(
                    LessonCompletion(
                        user=user, lesson_key=lesson.translation_key, language_code="es"
                    )
                )
            for quiz in quizzes[: generator.randint(0, len(quizzes))]:
                score = generator.choice([40, 60, 80, 100])
                attempts.append(
                    QuizAttempt(
                        user=user,
                        quiz_key=quiz.translation_key,
                        number=1,
                        seed=generator.randrange(2**31),
                        language_code="es",
                        submitted_at=timezone.now(),
                        score=score,
                        pass_mark=70,
                        passed=score >= 70,
                        answers={},
                        credits={},
                    )
                )
        LessonCompletion.objects.bulk_create(completions, batch_size=5000)
        QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
    return cohort


def main():
    settings.ALLOWED_HOSTS = ["*"]
    facilitator, _ = get_user_model().objects.get_or_create(username="bench-facilitator")
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    cohort = bench_class(facilitator)
    members = cohort.memberships.count()
    print(
        f"database: {connection.vendor}; class of {members} members, "
        f"{LessonCompletion.objects.filter(user__cohort_memberships__cohort=cohort).count()} "
        f"lesson completions, "
        f"{QuizAttempt.objects.filter(user__cohort_memberships__cohort=cohort).count()} attempts"
    )
    client = Client()
    client.force_login(facilitator)
    url = reverse("cohorts:class", args=[cohort.pk])
    print(f"median of {REPEATS} requests each; budget {BUDGET:.1f} s")
    worst = 0
    for label, params in {
        "class page": {},
        "class page, in progress, by progress": {"status": "in_progress", "ordering": "-percent"},
        "export csv": {"export": "csv"},
        "export xlsx": {"export": "xlsx"},
    }.items():
        median = median_time(client, url, params, REPEATS)
        worst = max(worst, median)
        print(f"{label:<40}{median:>8.3f}s{median / BUDGET:>8.2f}")
    print(f"slowest: {worst:.3f} s (ratio to budget {worst / BUDGET:.2f})")


if __name__ == "__main__":
    main()
