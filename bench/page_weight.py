"""Print the weight of every lesson page (HTML + CSS + JS, images aside) against the 60 KB budget.

Run after `make run` has loaded the demo content:  .venv/bin/python bench/page_weight.py
"""

import os
import re
import sys
from pathlib import Path

BUDGET_BYTES = 60 * 1024

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecourse.settings.dev")

import django

django.setup()

from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from modules.models import LessonPage

ASSET = re.compile(r'(?:href|src)="/static/([^"]+\.(?:css|js))"')


def asset_bytes(html):
    return sum(Path(finders.find(name)).stat().st_size for name in set(ASSET.findall(html)))


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    lessons = LessonPage.objects.live().order_by("locale__language_code", "path")
    worst = 0
    print(f"{'lesson':60} {'HTML':>7} {'CSS+JS':>7} {'total':>7} {'queries':>7}")
    for lesson in lessons:
        client.get(lesson.url)  # warm caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(lesson.url)
        assert response.status_code == 200, (lesson.url, response.status_code)
        html = response.content.decode()
        total = len(html.encode()) + asset_bytes(html)
        worst = max(worst, total)
        print(
            f"{lesson.url[-60:]:60} {len(html.encode()):7} {asset_bytes(html):7} {total:7}"
            f" {len(queries):7}"
        )
    print(f"heaviest lesson page: {worst} bytes = {worst / BUDGET_BYTES:.2f} of the 60 KB budget")


if __name__ == "__main__":
    main()
