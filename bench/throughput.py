"""Lesson page throughput against a bare Django view, same server, same run (DESIGN.md budgets:
anonymous >= 0.5x, logged in >= 0.15x).

    apt-get install wrk
    .venv/bin/python bench/throughput.py

Creates the PostgreSQL database cip_bench (demo course, demo users), serves it with gunicorn -w 2
on 127.0.0.1 and runs wrk -t 2 -c 8 for 10 s on each address: the bare view before and after the
pages, so the ratio uses their mean.
"""

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import django_setup, gunicorn, prepare_database, session_cookie

DATABASE = "cip_bench"
PORT = 8765
SECONDS = 10
BUDGETS = {"lesson, anonymous": 0.5, "lesson, logged in": 0.15}


def requests_per_second(url, cookie=None):
    command = ["wrk", "-t", "2", "-c", "8", "-d", f"{SECONDS}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url} answered {errors.group(1)} errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main():
    prepare_database(DATABASE)
    django_setup(DATABASE)
    from modules.languages import source_pages
    from modules.models import LessonPage

    lesson = source_pages(LessonPage).live().first()
    cookie = session_cookie("learner@example.com")
    with gunicorn(DATABASE, PORT) as site:
        lesson_url = site + lesson.get_url()
        hello_before = requests_per_second(f"{site}/bench/hello/")
        pages = {
            "lesson, anonymous": requests_per_second(lesson_url),
            "lesson, logged in": requests_per_second(lesson_url, cookie),
        }
        hello_after = requests_per_second(f"{site}/bench/hello/")
    bare = (hello_before + hello_after) / 2
    print(f"\nbare Django view: {hello_before:.0f} and {hello_after:.0f} req/s")
    missed = []
    for name, rate in pages.items():
        ratio = rate / bare
        verdict = "ok" if ratio >= BUDGETS[name] else "MISSED"
        print(f"{name}: {rate:.0f} req/s = {ratio:.2f}x (budget {BUDGETS[name]}x) {verdict}")
        missed += [name] if ratio < BUDGETS[name] else []
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
