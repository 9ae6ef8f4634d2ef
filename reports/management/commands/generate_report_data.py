"""Fill the database with synthetic learners to measure the reports at regional scale.

    manage.py generate_report_data                 # 100 000 learners, ~1 000 000 completions
    manage.py generate_report_data --learners 500  # a small set

Synthetic accounts are named ``synthetic-<n>``; a new run deletes the previous ones first. Meant
for a benchmark database (PostgreSQL), never for production.
"""

import datetime
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from certificates.models import Certificate
from learners.enrolments import save_enrolments
from learners.models import Enrolment, LearnerProfile, LessonCompletion
from modules.languages import source_pages
from modules.models import CoursePage, LessonPage
from quizzes.models import QuestionResponse, QuizAttempt, QuizPage
from reports import synthetic

PREFIX = "synthetic-"
BATCH = 2000  # learners per transaction


class Command(BaseCommand):
    help = "Create synthetic learners with completions, quiz attempts and certificates."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=100_000)
        parser.add_argument("--completions", type=int, default=1_000_000)
        parser.add_argument("--attempts", type=int, default=200_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--months", type=int, default=18, help="Spread sign-ups over this many months."
        )

    def handle(self, *args, learners, completions, attempts, seed, months, **options):
        courses = self.course_shapes()
        lesson_count = sum(len(course.lessons) for course in courses)
        if completions > learners * lesson_count:
            raise CommandError(
                f"{learners} learners can complete at most {learners * lesson_count} lessons."
            )
        deleted, _ = get_user_model().objects.filter(username__startswith=PREFIX).delete()
        if deleted:
            self.stdout.write(f"Removed {deleted} rows of an earlier synthetic set.")
        rng = synthetic.new_rng(seed)
        difficulty = synthetic.question_difficulty(rng, courses)
        habits = synthetic.Habits.for_mean(
            completions / learners / len(courses), lesson_count // len(courses)
        )
        per_learner = synthetic.attempts_per_learner(courses, habits, difficulty, seed)
        if per_learner:
            habits.quiz_share = min(1.0, attempts / learners / per_learner)
        # Sign-ups stop four months ago, so every journey (at most about 100 days) has ended.
        start = timezone.now() - datetime.timedelta(days=30 * months)
        span = max(30 * months - 120, 1)
        attempts_left = [attempts]
        totals = dict.fromkeys(
            ["learners", "completions", "attempts", "responses", "certificates"], 0
        )
        began = time.monotonic()
        for first in range(0, learners, BATCH):
            size = min(BATCH, learners - first)
            journeys = [
                synthetic.journey(rng, courses, start, span, habits, difficulty, attempts_left)
                for _ in range(size)
            ]
            with transaction.atomic():
                self.save(first, journeys, totals)
            self.progress(first + size, learners, began)
        self.stdout.write("")
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would give later: the planner needs them to
            # see a million rows where it found a handful.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - began
        self.stdout.write(
            self.style.SUCCESS(
                f"{totals['learners']} learners, {totals['completions']} lesson completions, "
                f"{totals['attempts']} quiz attempts ({totals['responses']} question responses), "
                f"{totals['certificates']} certificates in {elapsed:.0f} s."
            )
        )

    def course_shapes(self):
        courses = list(source_pages(CoursePage).live())
        if not courses:
            raise CommandError("No published course: run `manage.py load_demo_content` first.")
        shapes = []
        for course in courses:
            lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
            quizzes = []
            for quiz in QuizPage.objects.live().descendant_of(course).order_by("path"):
                before = [lesson for lesson in lessons if lesson.path < quiz.path]
                quizzes.append(
                    (len(before) - 1, quiz.translation_key, quiz.pass_mark, quiz.question_list())
                )
            shapes.append(
                synthetic.CourseShape(
                    course.translation_key, [lesson.translation_key for lesson in lessons], quizzes
                )
            )
        return shapes

    def save(self, first, journeys, totals):
        User = get_user_model()
        users = User.objects.bulk_create(
            User(
                username=f"{PREFIX}{first + index:06d}",
                email=f"{PREFIX}{first + index:06d}@example.org",
                password="!",  # unusable: nobody logs in as a synthetic learner
                date_joined=journey.joined,
            )
            for index, journey in enumerate(journeys)
        )
        LearnerProfile.objects.bulk_create(
            LearnerProfile(
                user=user,
                full_name=f"Learner {user.username[len(PREFIX) :]}",
                role=journey.role,
                country=journey.country,
                preferred_language=journey.language,
            )
            for user, journey in zip(users, journeys, strict=True)
        )
        completions = [
            LessonCompletion(
                user=user, lesson_key=key, language_code=journey.language, completed_at=when
            )
            for user, journey in zip(users, journeys, strict=True)
            for key, when in journey.completions
        ]
        LessonCompletion.objects.bulk_create(completions, batch_size=5000)
        attempts = []
        for user, journey in zip(users, journeys, strict=True):
            for quiz_key, number, when, answers, result, pass_mark in journey.attempts:
                attempts.append(
                    QuizAttempt(
                        user=user,
                        quiz_key=quiz_key,
                        number=number,
                        language_code=journey.language,
                        seed=number,
                        started_at=when - datetime.timedelta(minutes=12),
                        submitted_at=when,
                        answers=answers,
                        credits={key: float(credit) for key, credit in result.credits.items()},
                        score=result.percent,
                        pass_mark=pass_mark,
                        passed=result.passes(pass_mark),
                    )
                )
        QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
        responses = [row for attempt in attempts for row in QuestionResponse.rows_for(attempt)]
        QuestionResponse.objects.bulk_create(responses, batch_size=5000)
        save_enrolments(
            Enrolment(
                user=user,
                course_key=course_key,
                language_code=journey.language,
                started_at=started,
                completed_at=completed,
            )
            for user, journey in zip(users, journeys, strict=True)
            for course_key, started, completed in journey.enrolments
        )
        certificates = Certificate.objects.bulk_create(
            Certificate(
                user=user,
                course_key=course_key,
                full_name=f"Learner {user.username[len(PREFIX) :]}",
                issued_at=issued,
                language_code=journey.language,
                code=code,
            )
            for user, journey in zip(users, journeys, strict=True)
            for course_key, issued, code in journey.certificates
        )
        totals["learners"] += len(users)
        totals["completions"] += len(completions)
        totals["attempts"] += len(attempts)
        totals["responses"] += len(responses)
        totals["certificates"] += len(certificates)

    def progress(self, done, total, began):
        width = 30
        filled = width * done // total
        elapsed = time.monotonic() - began
        left = elapsed / done * (total - done)
        self.stdout.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} learners, "
            f"{elapsed:.0f} s, about {left:.0f} s left",
            ending="",
        )
        self.stdout.flush()
