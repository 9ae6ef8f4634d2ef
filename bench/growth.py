"""How a learner's course page and dashboard grow with the content: the median time of the course
page for a course of 5 modules and for one of 50, and of the dashboard with 1 course and with 20
(every one started), each as a ratio of the larger to the smaller. Exits 1 if one is above 1.2.

    .venv/bin/python bench/growth.py [--repeats 300]

Requests go through the whole stack in this process (Django's test client, logged in, warm as a
running site is: the structure of the courses is kept per content generation). Creates the
PostgreSQL database cip_growth (migrations only; the courses are made by the apps' factories)
and uses Redis database 4.
"""

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/4")

from bench.server import ROOT, django_setup, environment

DATABASE = "cip_growth"
BUDGET = 1.2
MODULES_SMALL, MODULES_LARGE = 5, 50
COURSES_SMALL, COURSES_LARGE = 1, 20


def create_database():
    import psycopg

    from bench.server import POSTGRES

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    print("manage.py migrate", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=environment(DATABASE),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(["redis-cli", "-n", "4", "FLUSHDB"], check=False, stdout=subprocess.DEVNULL)


def build_course(catalogue, modules, learner):
    """A course of ``modules`` modules of three lessons and a quiz, whose first lesson
    ``learner`` has completed (so the course is in progress on their dashboard)."""
    from learners.models import Enrolment, LessonCompletion
    from modules.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
    from modules.models import LessonPage
    from quizzes.factories import QuizPageFactory

    course = CoursePageFactory(parent=catalogue)
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        for _ in range(3):
            LessonPageFactory(parent=module, body__0__rich_text__value="<p>Text.</p>")
        QuizPageFactory(parent=module)
    first = LessonPage.objects.descendant_of(course).order_by("path").first()
    LessonCompletion.objects.create(
        user=learner, lesson_key=first.translation_key, language_code="en"
    )
    Enrolment.objects.create(user=learner, course_key=course.translation_key, language_code="en")
    return course


def interleaved(client, urls, repeats, rounds=5):
    """The median time of each of ``urls``, measured in turn over ``rounds`` rounds."""
    from bench.timing import median_time

    times = {url: [] for url in urls}
    for url in urls:
        median_time(client, url, {}, 20)  # warm: routes and structure kept
    for _ in range(rounds):
        for url in urls:
            times[url].append(median_time(client, url, {}, repeats // rounds))
    return [statistics.median(times[url]) for url in urls]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=300)
    options = parser.parse_args()
    create_database()
    django_setup(DATABASE)

    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from learners.factories import LearnerProfileFactory
    from modules.factories import CourseIndexPageFactory
    from modules.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPageFactory(parent=home)
    learner = LearnerProfileFactory().user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(learner)
    with translation.override("en"):
        dashboard = reverse("dashboard")

    small = build_course(catalogue, MODULES_SMALL, learner)
    (dashboard_small,) = interleaved(client, [dashboard], options.repeats)
    for _ in range(COURSES_LARGE - COURSES_SMALL):
        build_course(catalogue, MODULES_SMALL, learner)
    (dashboard_large,) = interleaved(client, [dashboard], options.repeats)
    large = build_course(catalogue, MODULES_LARGE, learner)
    course_small, course_large = interleaved(client, [small.url, large.url], options.repeats)

    rows = [
        (f"course page, {MODULES_SMALL} → {MODULES_LARGE} modules", course_small, course_large),
        (f"dashboard, {COURSES_SMALL} → {COURSES_LARGE} courses", dashboard_small, dashboard_large),
    ]
    print(f"\n{'page':36} {'small ms':>9} {'large ms':>9} {'ratio':>6} {'budget':>7}")
    missed = False
    for name, before, after in rows:
        ratio = after / before
        verdict = "ok" if ratio <= BUDGET else "MISSED"
        missed |= verdict == "MISSED"
        print(
            f"{name:36} {before * 1000:9.2f} {after * 1000:9.2f} {ratio:6.2f} {BUDGET:>7} {verdict}"
        )
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
