"""Two hundred learners at once for sixty seconds, then a check that nothing they were told was
saved has been lost.

    .venv/bin/python bench/load.py [--learners 200] [--seconds 60]

Creates the PostgreSQL database cip_bench (demo course), adds the learners, serves the site with
gunicorn on 127.0.0.1 and runs one asyncio task per learner (aiohttp, loopback only): read a
lesson, mark it complete, now and then take a quiz (start, open the attempt, submit). Prints
requests/s, p50/p95/p99 latency and errors, then looks up every completion and attempt the site
acknowledged (a redirect after the POST) in the database.
"""

import argparse
import asyncio
import random
import re
import statistics
import sys
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import django_setup, gunicorn, prepare_database, session_cookie

DATABASE = "cip_bench"
PORT = 8766
# Any 32 letters and digits: Django compares the form's token with the cookie's.
CSRF_TOKEN = "Bench0CsrfToken0123456789abcdefg"
ANSWER = re.compile(r'<input type="(?:radio|checkbox)" name="([^"]+)" value="([^"]+)"')
ATTEMPT = re.compile(r"/quizzes/attempts/(\d+)/")


class Run:
    def __init__(self):
        self.latencies = []
        self.errors = []
        self.completions = set()  # (user id, lesson translation key) the site acknowledged
        self.attempts = set()  # attempt ids the site acknowledged as submitted

    async def request(self, session, method, url, **kwargs):
        started = time.perf_counter()
        try:
            async with session.request(method, url, allow_redirects=False, **kwargs) as answer:
                body = await answer.text()
        except (aiohttp.ClientError, TimeoutError) as error:
            self.errors.append(f"{method} {url}: {error!r}")
            return None, ""
        self.latencies.append(time.perf_counter() - started)
        if answer.status >= 400:
            self.errors.append(f"{method} {url}: {answer.status}")
        return answer, body


async def learner(run, site, user_id, cookie, lessons, quizzes, deadline):
    headers = {"Cookie": f"{cookie}; csrftoken={CSRF_TOKEN}"}
    form = {"csrfmiddlewaretoken": CSRF_TOKEN}
    quizzes = random.sample(quizzes, len(quizzes))
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as session:
        while time.monotonic() < deadline:
            lesson_id, lesson_url, lesson_key = random.choice(lessons)
            answer, _ = await run.request(session, "GET", site + lesson_url)
            if answer is None or time.monotonic() >= deadline:
                continue
            done, _ = await run.request(
                session, "POST", f"{site}/en/lessons/{lesson_id}/complete/", data=form
            )
            if done is not None and done.status == 302:
                run.completions.add((user_id, lesson_key))
            if quizzes and random.random() < 0.2:
                await take_quiz(run, session, site, quizzes.pop(), form)


async def take_quiz(run, session, site, quiz_id, form):
    start_url = f"{site}/en/quizzes/{quiz_id}/start/"
    started, _ = await run.request(session, "POST", start_url, data=form)
    if started is None or started.status != 302:
        return
    attempt_url = site + started.headers["Location"]
    _, page = await run.request(session, "GET", attempt_url)
    answers = {}
    for name, value in ANSWER.findall(page):
        answers.setdefault(name, value)
    submitted, _ = await run.request(session, "POST", attempt_url + "submit/", data=form | answers)
    if submitted is not None and submitted.status == 302:
        run.attempts.add(int(ATTEMPT.search(attempt_url).group(1)))


def add_learners(count):
    from django.contrib.auth import get_user_model

    from learners.models import LearnerProfile

    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"load-{n}", email=f"load-{n}@example.org") for n in range(count)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(user=user, full_name=f"Learner {user.pk}", role="teachers") for user in users
    )
    return [(user.pk, session_cookie(user.email)) for user in users]


def lost_rows(run):
    from learners.models import LessonCompletion
    from quizzes.models import QuizAttempt

    saved = set(LessonCompletion.objects.values_list("user_id", "lesson_key"))
    lost_completions = {(user, str(key)) for user, key in run.completions} - {
        (user, str(key)) for user, key in saved
    }
    submitted = set(
        QuizAttempt.objects.filter(pk__in=run.attempts, submitted_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
    return len(lost_completions), len(run.attempts - submitted)


def course_pages():
    """(id, address, translation key) of every English lesson, and the English quizzes' ids."""
    from modules.languages import source_pages
    from modules.models import LessonPage
    from quizzes.models import QuizPage

    lessons = [
        (lesson.pk, lesson.url, str(lesson.translation_key))
        for lesson in source_pages(LessonPage).live()
    ]
    quizzes = list(source_pages(QuizPage).live().values_list("pk", flat=True))
    return lessons, quizzes


async def drive(run, site, people, lessons, quizzes, seconds):
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(learner(run, site, pk, cookie, lessons, quizzes, deadline) for pk, cookie in people)
    )


def main(learners, seconds):
    prepare_database(DATABASE)
    django_setup(DATABASE)
    lessons, quizzes = course_pages()
    people = add_learners(learners)
    run = Run()
    with gunicorn(DATABASE, PORT, workers=2, threads=4) as site:
        print(f"{learners} learners for {seconds} s on {site}", flush=True)
        started = time.monotonic()
        asyncio.run(drive(run, site, people, lessons, quizzes, seconds))
        elapsed = time.monotonic() - started
    lost_completions, lost_attempts = lost_rows(run)
    quantiles = statistics.quantiles(run.latencies, n=100)
    count = len(run.latencies)
    print(f"requests: {count} in {elapsed:.0f} s = {count / elapsed:.0f}/s")
    print(
        f"latency: p50 {quantiles[49] * 1000:.0f} ms, p95 {quantiles[94] * 1000:.0f} ms, "
        f"p99 {quantiles[98] * 1000:.0f} ms"
    )
    print(f"errors: {len(run.errors)}", *run.errors[:10], sep="\n  ")
    print(f"completions acknowledged: {len(run.completions)}, lost: {lost_completions}")
    print(f"quiz attempts acknowledged: {len(run.attempts)}, lost: {lost_attempts}")
    return 1 if run.errors or lost_completions or lost_attempts else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    arguments = parser.parse_args()
    sys.exit(main(arguments.learners, arguments.seconds))
