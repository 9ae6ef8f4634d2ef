"""A platform on another loopback origin launches the tool, inside its own page's iframe and in
a new window: the learner lands logged in on the Portuguese lesson, completes it, passes a quiz
launched from a gradebook column, and the worker posts the score to the platform.

The tool is served over HTTPS (a self-signed certificate made here), as production is, so its
LTI cookies are SameSite=None; Secure and come back on the platform's cross-site POST. Chromium
blocks every third-party cookie in Playwright's off-the-record contexts, SameSite=None or not, so
the framed launch runs in a profile whose preferences allow them, as a browser that has not
turned them off does (README: a browser that blocks them needs the new-window mode)."""

import datetime
import ipaddress
import json
import shutil
import ssl
import subprocess
import sys
import time
import urllib.request

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, Platform

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, Site, free_port, open_context, site_environment
from .journeys import answer_quiz, start_quiz

LEARNER = {
    "sub": "moodle-user-555",
    "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
    "name": "Joana Silva",
    "email": "joana@example.org",
    "locale": "pt-BR",
}
UNVERIFIED = ssl._create_unverified_context()
SCORE_TASK = (
    "SELECT id FROM django_tasks_database_dbtaskresult WHERE task_path = 'lti.tasks.send_score'"
)


def self_signed(folder):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )


def environment(folder, port):
    return {
        **site_environment(folder, port),
        "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{port}",
        "LTI_TOOL_KEY_FILE": str(folder / "lti-tool-key.pem"),
    }


def manage(folder, port, *command):
    subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=environment(folder, port),
        check=True,
        capture_output=True,
    )


@pytest.fixture
def tls_site(demo_site_files, tmp_path):
    folder = tmp_path / "site"
    shutil.copytree(demo_site_files, folder)
    self_signed(folder)
    port = free_port()
    manage(folder, port, "lti_tool_key")
    site = Site(url=f"https://127.0.0.1:{port}", folder=folder)
    with open(folder / "server.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "ecourse.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "1", "--threads", "4", "--access-logfile", "-"]
            + ["--certfile", str(folder / "cert.pem"), "--keyfile", str(folder / "key.pem")],
            cwd=ROOT,
            env=environment(folder, port),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(site.url + "/en/", timeout=2, context=UNVERIFIED)
                    break
                except OSError:
                    time.sleep(0.1)
            site.port = port
            yield site
        finally:
            server.terminate()
            server.wait(timeout=10)


def register(site, platform):
    site.query(
        "INSERT INTO lti_platform (name, issuer, client_id, deployment_ids, auth_login_url, "
        "auth_token_url, key_set_url, audience) VALUES (?, ?, ?, ?, ?, ?, ?, '')",
        "Campus",
        platform.url,
        CLIENT_ID,
        DEPLOYMENT_ID,
        f"{platform.url}/authorize",
        f"{platform.url}/token",
        f"{platform.url}/jwks",
    )
    with urllib.request.urlopen(site.url + "/lti/jwks/", context=UNVERIFIED) as response:
        platform.trust_tool_keys(json.load(response))


def translation_key(site, table):
    ((key,),) = site.query(
        f"SELECT p.translation_key FROM wagtailcore_page p JOIN {table} t ON t.page_ptr_id = p.id "
        "ORDER BY p.path LIMIT 1"
    )
    return key


def launched(page, platform, user, framed, **launch):
    """The platform's course page launches the tool, in its iframe or, as a "new window"
    launch, in the page itself: returns the frame the tool's pages are in."""
    platform.next_launch = {"user": user, **launch}
    if framed:
        page.goto(f"{platform.url}/course", wait_until="domcontentloaded")
        return page.locator("iframe").element_handle().content_frame()
    page.goto(f"{platform.url}/course?window")
    page.locator("a").click()
    return page.main_frame


def lesson_then_quiz(page, site, platform, camera, framed):
    """The launched learner completes the Portuguese lesson, then passes the quiz launched
    from a gradebook column, and the worker posts the score to the platform."""
    lesson = translation_key(site, "modules_lessonpage")
    tool = launched(page, platform, LEARNER, framed, resource={"resource": lesson})
    tool.wait_for_url(f"{site.url}/pt/**")
    camera(page, "lesson")
    tool.locator("form.complete-lesson button").click()
    completions = site.query_until(
        bool,
        "SELECT c.language_code FROM learners_lessoncompletion c "
        "JOIN auth_user u ON u.id = c.user_id WHERE u.email = ?",
        LEARNER["email"],
    )
    assert completions == [("pt",)]

    lineitem = platform.add_lineitem("quiz", "Quiz", 100)
    quiz = translation_key(site, "quizzes_quizpage")
    tool = launched(page, platform, LEARNER, framed, resource={"resource": quiz}, lineitem=lineitem)
    tool.wait_for_url(f"{site.url}/pt/**")
    start_quiz(tool)
    tool.locator("form.quiz fieldset").first.wait_for()
    answer_quiz(tool, site, right=True)
    # The score is queued once the attempt is committed: wait for it, then run the worker.
    site.query_until(bool, SCORE_TASK)
    camera(page, "quiz-passed")
    manage(
        site.folder,
        site.port,
        "db_worker",
        "--batch",
        "--backend=background",
        "--no-startup-delay",
    )
    score = platform.scores["quiz"][LEARNER["sub"]]
    assert (score["scoreGiven"], score["scoreMaximum"]) == (100, 100)


def test_a_launch_in_a_new_window_completes_a_lesson_and_posts_the_score(browser, tls_site, camera):
    context = open_context(browser, ignore_https_errors=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    with Platform(host="localhost", tool=tls_site.url) as platform:
        register(tls_site, platform)
        lesson_then_quiz(page, tls_site, platform, camera, framed=False)
    assert context.csp_violations == []
    context.close()


def test_a_launch_inside_the_platforms_frame_completes_a_lesson_and_posts_the_score(
    browser, tls_site, camera, tmp_path
):
    # A profile whose preferences let third-party cookies through.
    preferences = {"profile": {"cookie_controls_mode": 0, "block_third_party_cookies": False}}
    (tmp_path / "profile" / "Default").mkdir(parents=True)
    (tmp_path / "profile" / "Default" / "Preferences").write_text(json.dumps(preferences))
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile",
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        ignore_https_errors=True,
    )
    violations = []
    context.on("console", lambda message: violations.append(message.text))
    page = context.new_page()
    page.set_default_timeout(15_000)
    with Platform(host="localhost", tool=tls_site.url) as platform:
        register(tls_site, platform)
        lesson_then_quiz(page, tls_site, platform, camera, framed=True)
    assert [text for text in violations if "Content Security Policy" in text] == []
    context.close()
