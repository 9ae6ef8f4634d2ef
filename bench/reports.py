"""Print the median time of each course report page and export against the budget (< 1 s).

Run it on a PostgreSQL database filled with the synthetic data set:

    createdb -h 127.0.0.1 -U postgres cip_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/cip_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_content
    .venv/bin/python manage.py generate_report_data      # 100 000 learners
    .venv/bin/python bench/reports.py

Requests go through the whole Django stack (middleware, the admin's permission checks,
templates) with the test client, logged in as a member of "Course managers".
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecourse.settings.dev")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse

from bench.timing import median_time
from learners.models import Enrolment, LessonCompletion
from quizzes.models import QuizAttempt

REPEATS = 7
BUDGET = 1.0  # seconds, DESIGN.md
REPORTS = {
    "uptake": {},
    "uptake (teachers, Brazil, 2026)": {
        "role": "teachers",
        "country": "BR",
        "started_at_from": "2026-01-01",
    },
    "learners": {},
    "learners (role and country)": {"breakdown": "role_country"},
    "quiz_items": {},
    "quiz_items (Portuguese)": {"language": "pt"},
    "certificates": {},
    "translations": {},
}


def main():
    settings.ALLOWED_HOSTS = ["*"]
    print(
        f"database: {connection.vendor}, {get_user_model().objects.count()} users, "
        f"{Enrolment.objects.count()} enrolments, {LessonCompletion.objects.count()} lesson "
        f"completions, {QuizAttempt.objects.count()} quiz attempts"
    )
    manager, _ = get_user_model().objects.get_or_create(username="bench-manager")
    manager.groups.add(Group.objects.get(name="Course managers"))
    client = Client()
    client.force_login(manager)
    print(f"median of {REPEATS} requests each; budget {BUDGET:.1f} s")
    print(f"{'report':<34}{'page':>9}{'csv':>9}{'xlsx':>9}{'ratio':>8}")
    worst = 0
    for label, params in REPORTS.items():
        url = reverse(f"course_reports:{label.split()[0]}")
        page = median_time(client, url, params, REPEATS)
        csv = median_time(client, url, {**params, "export": "csv"}, REPEATS)
        xlsx = median_time(client, url, {**params, "export": "xlsx"}, REPEATS)
        worst = max(worst, page)
        print(f"{label:<34}{page:>8.3f}s{csv:>8.3f}s{xlsx:>8.3f}s{page / BUDGET:>8.2f}")
    print(f"slowest report page: {worst:.3f} s (ratio to budget {worst / BUDGET:.2f})")


if __name__ == "__main__":
    main()
