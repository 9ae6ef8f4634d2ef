"""Throughput of every learner path as a ratio to a stock Django view (bench/stock.py: no apps,
no middleware), both served by gunicorn -w 2 on 127.0.0.1 and loaded by wrk -t 2 -c 8, in
interleaved rounds; each figure is the median of the rounds. Exits 1 if a path misses its budget.

    apt-get install wrk
    .venv/bin/python bench/throughput.py [--rounds 3] [--seconds 5]

Creates the PostgreSQL database cip_bench (demo course, demo users) and uses Redis database 3.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import django_setup, gunicorn, prepare_database

DATABASE = "cip_bench"
SITE_PORT, STOCK_PORT = 8765, 8766
BUDGETS = {
    "static file (WhiteNoise)": None,
    "floor: the visitor read, no page, logged in": None,
    "lesson, anonymous, all lessons in 4 languages": 0.8,
    "lesson, logged in": 0.3,
    "module, logged in": 0.15,
    "course, logged in": 0.15,
    "dashboard": 0.15,
    "quiz page, logged in": 0.15,
    "quiz result": 0.15,
    "POST mark complete": 0.15,
}
# wrk sends each request of a target from this script: a list of paths cycled in turn, with the
# method, headers and body they need.
WRK_SCRIPT = """
local targets = %s
local i = 0
request = function()
  i = i %% #targets.paths + 1
  return wrk.format(targets.method, targets.paths[i], targets.headers, targets.body)
end
"""


def requests_per_second(base, target, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT % lua_table(target))
        script.flush()
        command = ["wrk", "-t", "2", "-c", "8", "-d", f"{seconds}s", "-s", script.name, base]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{target['paths'][0]} answered {errors.group(1)} errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def lua_table(target):
    """``target`` as a Lua table literal (JSON strings are valid Lua strings)."""
    headers = target["headers"].items()
    headers = ", ".join(f"[{json.dumps(name)}] = {json.dumps(value)}" for name, value in headers)
    paths = ", ".join(json.dumps(path) for path in target["paths"])
    body = json.dumps(target["body"]) if target["body"] else "nil"
    return (
        f'{{method = "{target["method"]}", paths = {{{paths}}}, headers = {{{headers}}},'
        f" body = {body}}}"
    )


def target(*paths, cookie=None, method="GET", body=None, headers=None):
    headers = dict(headers or {})
    if cookie:
        headers["Cookie"] = cookie
    return {"paths": list(paths), "method": method, "headers": headers, "body": body}


def learner_targets():
    """The learner's pages, and a completed attempt to show the result page of (made through the
    site's own views, in this process, against the bench database)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from modules.languages import source_pages
    from modules.models import LessonPage
    from quizzes.forms import field_name
    from quizzes.models import QuizAttempt, QuizPage

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(email="learner@example.com"))
    lesson = source_pages(LessonPage).live().order_by("path").first()
    module = lesson.get_parent().specific
    course = module.get_parent().specific
    quiz = QuizPage.objects.child_of(module).get()
    with translation.override("en"):
        client.post(reverse("quiz_start", args=[quiz.pk]))
        attempt = QuizAttempt.objects.filter(submitted_at=None).latest("pk")
        answers = {}
        for question in quiz.questions_for(attempt):
            ids = question.correct_ids
            answers[field_name(question.id)] = sorted(ids) if question.accepts_several else min(ids)
        client.post(reverse("quiz_submit", args=[attempt.pk]), answers)
        client.get(lesson.url)  # sets the CSRF cookie
        complete = reverse("complete_lesson", args=[lesson.pk])
        result = reverse("quiz_attempt", args=[attempt.pk])
        dashboard = reverse("dashboard")
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    csrf = {"X-CSRFToken": client.cookies["csrftoken"].value}
    lessons = [page.url for page in LessonPage.objects.live().order_by("locale_id", "path")]
    return {
        "floor: the visitor read, no page, logged in": target("/bench/visitor/", cookie=cookie),
        "lesson, anonymous, all lessons in 4 languages": target(*lessons),
        "lesson, logged in": target(lesson.url, cookie=cookie),
        "module, logged in": target(module.url, cookie=cookie),
        "course, logged in": target(course.url, cookie=cookie),
        "dashboard": target(dashboard, cookie=cookie),
        "quiz page, logged in": target(quiz.url, cookie=cookie),
        "quiz result": target(result, cookie=cookie),
        "POST mark complete": target(complete, cookie=cookie, method="POST", headers=csrf),
    }


def warm_up(base, target):
    """Every path of ``target`` asked a few times, so that both workers have it as a running
    site would (the anonymous pages in their own memory, the routes, the fragments)."""
    if target["method"] == "GET":
        for path in target["paths"] * 4:
            request = urllib.request.Request(base + path, headers=target["headers"])
            urllib.request.urlopen(request).read()
    requests_per_second(base, target, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    options = parser.parse_args()
    prepare_database(DATABASE)
    django_setup(DATABASE)
    targets = {"static file (WhiteNoise)": target("/static/css/site.css"), **learner_targets()}
    stock = target("/bench/hello/")
    rates = {name: [] for name in ["stock Django view", *targets]}
    with ExitStack() as servers:
        site = servers.enter_context(gunicorn(DATABASE, SITE_PORT))
        stock_site = servers.enter_context(gunicorn(DATABASE, STOCK_PORT, app="bench.stock"))
        for each in targets.values():
            warm_up(site, each)
        warm_up(stock_site, stock)
        for _ in range(options.rounds):
            rates["stock Django view"].append(
                requests_per_second(stock_site, stock, options.seconds)
            )
            for name, each in targets.items():
                rates[name].append(requests_per_second(site, each, options.seconds))
    report(rates, options.rounds)


def report(rates, rounds):
    stock = statistics.median(rates.pop("stock Django view"))
    print(f"\nstock Django view: {stock:.0f} req/s (median of {rounds} rounds)")
    print(f"{'path':48} {'req/s':>7} {'x stock':>8} {'budget':>7}")
    missed = []
    for name, measured in rates.items():
        rate = statistics.median(measured)
        ratio, budget = rate / stock, BUDGETS[name]
        verdict = "" if budget is None else ("ok" if ratio >= budget else "MISSED")
        print(f"{name:48} {rate:7.0f} {ratio:8.3f} {budget or '':>7} {verdict}")
        missed += [name] if verdict == "MISSED" else []
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
