"""Redis killed and restarted under load: every answer's status, requests lost, and how soon the
site uses Redis again. Goal: no 5xx, nothing lost.

    .venv/bin/python bench/faults.py

Serves the demo course with production's choices (ecourse.settings.bench, threaded workers as in
ecourse/gunicorn.conf.py) against a Redis of its own on port 6391, which it kills after 8 s and
starts again after 18 s, while 8 clients read lessons (anonymous and logged in) for 30 s.
"""

import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import django_setup, gunicorn, prepare_database, session_cookie

DATABASE = "cip_bench"
PORT = 8767
REDIS_PORT = 6391
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"
SECONDS, KILL_AT, RESTART_AT = 30, 8, 18
CLIENTS = 8


def start_redis():
    server = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if redis_keys() is not None:
            return server
        time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def redis_keys():
    answer = subprocess.run(
        ["redis-cli", "-p", str(REDIS_PORT), "DBSIZE"], capture_output=True, text=True
    )
    return (
        int(answer.stdout) if answer.returncode == 0 and answer.stdout.strip().isdigit() else None
    )


def read_pages(urls, cookie, deadline, statuses, lost):
    index = 0
    while time.monotonic() < deadline:
        request = urllib.request.Request(urls[index % len(urls)])
        if cookie:
            request.add_header("Cookie", cookie)
        index += 1
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                statuses[response.status] += 1
        except urllib.error.HTTPError as error:
            statuses[error.code] += 1
        except OSError:
            lost.append(1)


def main():
    prepare_database(DATABASE)
    redis = start_redis()
    django_setup(DATABASE)
    from modules.models import LessonPage

    lessons = [lesson.url for lesson in LessonPage.objects.live().order_by("path")]
    cookie = session_cookie("learner@example.com")
    statuses, lost = Counter(), []
    with gunicorn(DATABASE, PORT, production_config=True, REDIS_URL=REDIS_URL) as site:
        urls = [site + url for url in lessons]
        started = time.monotonic()
        deadline = started + SECONDS
        clients = [
            threading.Thread(
                target=read_pages, args=(urls, cookie if n % 2 else None, deadline, statuses, lost)
            )
            for n in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        time.sleep(KILL_AT)
        redis.kill()
        redis.wait()
        time.sleep(RESTART_AT - KILL_AT)
        redis = start_redis()
        restarted = time.monotonic()
        recovered = None
        while time.monotonic() < deadline:
            if (redis_keys() or 0) > 0:
                recovered = time.monotonic() - restarted
                break
            time.sleep(0.1)
        for client in clients:
            client.join()
    redis.kill()
    errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f"\nanswers by status: {dict(sorted(statuses.items()))}")
    print(f"5xx: {errors}, requests lost: {len(lost)}")
    print(
        "Redis used again "
        + (f"{recovered:.1f} s after it came back" if recovered is not None else "NEVER")
    )
    sys.exit(1 if errors or lost or recovered is None else 0)


if __name__ == "__main__":
    main()
