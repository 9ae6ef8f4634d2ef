"""A real browser against the real site.

The demo course is loaded once into an SQLite file; each server is gunicorn on 127.0.0.1 serving
a copy of that file, so a test that changes content (the author's) gets a site of its own.
Screenshots go to test-output/e2e/<test>/ (or $E2E_OUTPUT).
"""

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = Path(os.environ.get("E2E_OUTPUT", ROOT / "test-output" / "e2e"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Site:
    url: str
    folder: Path

    @property
    def database(self):
        return self.folder / "db.sqlite3"

    def query(self, sql, *params):
        """Rows of ``sql`` read straight from the served database."""
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, params).fetchall()

    def query_until(self, done, sql, *params, timeout=30):
        """Rows of ``sql`` once ``done(rows)`` holds (or the last ones after ``timeout``):
        a browser's click returns before the server has answered, so the write lands later."""
        deadline = time.monotonic() + timeout
        while not done(rows := self.query(sql, *params)) and time.monotonic() < deadline:
            time.sleep(0.1)
        return rows

    def translation(self, slug, language):
        """(id, address) of the page with ``slug`` (in any language) in ``language``,
        waiting a moment for it to be written."""
        ((page_id, url_path),) = self.query_until(
            bool,
            "SELECT p.id, p.url_path FROM wagtailcore_page p "
            "JOIN wagtailcore_locale l ON p.locale_id = l.id WHERE l.language_code = ? "
            "AND p.translation_key = (SELECT translation_key FROM wagtailcore_page "
            "WHERE slug = ? LIMIT 1)",
            language,
            slug,
        )
        return page_id, f"{self.url}/{language}/{url_path.split('/', 2)[2]}"

    def manage(self, *command):
        manage(self.folder, *command)

    def mail_to(self, address):
        """The newest e-mail the site wrote to ``address`` (Django's file e-mail backend)."""
        messages = sorted((self.folder / "mail").glob("*.log"), key=lambda f: f.stat().st_mtime)
        for message in reversed(messages):
            text = message.read_text()
            if re.search(rf"^To: {re.escape(address)}$", text, re.MULTILINE):
                return text
        raise AssertionError(f"No e-mail to {address}")


def site_environment(folder, port):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ecourse.settings.browser",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "EMAIL_FILE_PATH": str(folder / "mail"),
        "MEDIA_ROOT": str(folder / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    environment.pop("REDIS_URL", None)
    return environment


def manage(folder, *command):
    subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=site_environment(folder, 0),
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def demo_site_files(tmp_path_factory):
    """A folder holding the demo course in four languages and the demo users, built once."""
    folder = tmp_path_factory.mktemp("demo-site")
    manage(folder, "migrate", "--noinput")
    manage(folder, "load_demo_content")
    manage(folder, "create_demo_users")
    manage(folder, "create_demo_class")
    return folder


def wait_until_serving(url, server):
    for _ in range(200):
        if server.poll() is not None:
            raise RuntimeError(f"The server stopped with exit code {server.returncode}")
        try:
            urllib.request.urlopen(url + "/en/", timeout=2)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("The server did not answer within 20 s")


def serve(demo_site_files, folder):
    """Start gunicorn on a copy of the demo site in ``folder``; yields the Site."""
    shutil.copytree(demo_site_files, folder)
    port = free_port()
    site = Site(url=f"http://127.0.0.1:{port}", folder=folder)
    with open(folder / "server.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "ecourse.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "1", "--threads", "4", "--access-logfile", "-"],
            cwd=ROOT,
            env=site_environment(folder, port),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_serving(site.url, server)
            yield site
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def site(demo_site_files, tmp_path_factory):
    """The demo site, shared by the tests that only add learners to it."""
    yield from serve(demo_site_files, tmp_path_factory.mktemp("shared") / "site")


@pytest.fixture
def own_site(demo_site_files, tmp_path):
    """A demo site for one test alone, for tests that change the course."""
    yield from serve(demo_site_files, tmp_path / "site")


@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"The browser tests need Debian's chromium at {CHROMIUM}; make test installs it"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Camera:
    """Numbered screenshots of one test's steps."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    def __call__(self, page, step):
        self.count += 1
        page.screenshot(path=self.folder / f"{self.count:02d}-{step}.png", full_page=True)


@pytest.fixture
def camera(request):
    return Camera(OUTPUT / re.sub(r"[^\w.-]+", "_", request.node.name))


def open_context(browser, **options):
    """A fresh browser profile that records every Content-Security-Policy violation."""
    context = browser.new_context(accept_downloads=True, **options)
    context.csp_violations = []

    def record(message):
        if "Content Security Policy" in message.text:
            context.csp_violations.append(message.text)

    context.on("console", record)
    return context


@pytest.fixture
def context(browser):
    context = open_context(browser)
    yield context
    violations = context.csp_violations
    context.close()
    assert violations == [], "The pages broke their own Content-Security-Policy"


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page_without_javascript(browser):
    context = open_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
