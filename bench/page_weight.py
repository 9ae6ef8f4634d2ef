"""Print the weight of every lesson page against the 16 KB budget: HTML + CSS + JS as a phone
downloads them on a first visit (compressed, as the site sends them), images aside. Also printed,
uncompressed: the whole page, and its frame (the page without the lesson's own text), which is
what the site adds to every lesson. Exits 1 if a lesson is over budget.

Run after `make run` has loaded the demo content and collected the static files:
    .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import re
import sys
from pathlib import Path

BUDGET_BYTES = 16 * 1024

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecourse.settings.dev")

import django

django.setup()

from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from modules.models import LessonPage

ASSET = re.compile(r'(?:href|src)="/static/([^"]+\.(?:css|js))"')
LESSON_TEXT = re.compile(r"<article>.*</article>", re.DOTALL)


def assets(html):
    """``(uncompressed, compressed)`` bytes of the page's stylesheets and scripts as collected for
    production (minified), and compressed as WhiteNoise serves them (gzip at level 9)."""
    files = []
    for name in set(ASSET.findall(html)):
        with staticfiles_storage.open(name) as collected:
            files.append(collected.read())
    return sum(map(len, files)), sum(len(gzip.compress(data, 9)) for data in files)


def main():
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    lessons = LessonPage.objects.live().order_by("locale__language_code", "path")
    heaviest = heaviest_frame = 0
    print(f"{'lesson':58} {'HTML':>6} {'frame':>6} {'CSS+JS':>6} {'sent':>6} {'queries':>7}")
    for lesson in lessons:
        client.get(lesson.url)  # warm caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(lesson.url)
        assert response.status_code == 200, (lesson.url, response.status_code)
        assert response["Content-Encoding"] == "gzip", "HTML is sent uncompressed"
        html = gzip.decompress(response.content)
        frame = len(LESSON_TEXT.sub("", html.decode()).encode())
        asset_bytes, asset_sent = assets(html.decode())
        sent = len(response.content) + asset_sent
        heaviest = max(heaviest, sent)
        heaviest_frame = max(heaviest_frame, frame + asset_bytes)
        print(
            f"{lesson.url[-58:]:58} {len(html):6} {frame:6} {asset_bytes:6} {sent:6}"
            f" {len(queries):7}"
        )
    print(f"heaviest lesson page sent: {heaviest} bytes = {heaviest / BUDGET_BYTES:.2f} of 16 KB")
    print(
        f"heaviest frame + CSS + JS, uncompressed: {heaviest_frame} bytes"
        f" = {heaviest_frame / BUDGET_BYTES:.2f} of 16 KB"
    )
    sys.exit(0 if max(heaviest, heaviest_frame) <= BUDGET_BYTES else 1)


if __name__ == "__main__":
    main()
