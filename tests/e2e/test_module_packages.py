"""A module leaves the site two ways: as a SCORM 1.2 package, run here in a real SCORM runtime
(the scorm-again npm package as the LMS's API, in Chromium), and as an offline pack a learner
downloads and opens from disk with the network off."""

import functools
import json
import shutil
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import ROOT, manage

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
LEARNER = ("learner@example.com", "cip-learner-demo")
UNPUBLISH_QUIZZES = (
    "from quizzes.models import QuizPage\n[q.unpublish() for q in QuizPage.objects.all()]"
)

# The LMS side: scorm-again's SCORM 1.2 API on the window that frames the package, as an LMS
# launches a SCO. Every value the SCO sets is recorded with the runtime's answer.
LMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>
window.API = new Scorm12API({autocommit: false});
window.lmsLog = [];
for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) {
  API.on(name, () => lmsLog.push([name]));
}
const setValue = API.LMSSetValue.bind(API);
API.LMSSetValue = (element, value) => {
  const result = setValue(element, value);
  lmsLog.push(["LMSSetValue", element, value, result, API.LMSGetLastError()]);
  return result;
};
</script></head>
<body><iframe id="sco" src="package/index.html" title="SCO" style="width:100%;height:90vh"></iframe>
</body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def lms(tmp_path):
    """``lms(package_zip)``: the address of an LMS page that launches the package."""
    folder = tmp_path / "lms"
    folder.mkdir()
    (folder / "index.html").write_text(LMS_PAGE)
    shutil.copy(SCORM_AGAIN, folder / "scorm12.min.js")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def launch(package):
        shutil.rmtree(folder / "package", ignore_errors=True)
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder / "package")
        return f"http://127.0.0.1:{server.server_address[1]}/index.html"

    yield launch
    server.shutdown()
    server.server_close()


@pytest.fixture
def export(demo_site_files, tmp_path):
    """``export(module_slug, language, unpublish_quizzes=False)``: the path of the module's
    SCORM package, exported by the management command from a copy of the demo site."""

    def run(slug, language, unpublish_quizzes=False):
        folder = tmp_path / f"site-{slug}-{language}-{unpublish_quizzes}"
        shutil.copytree(demo_site_files, folder)
        if unpublish_quizzes:
            manage(folder, "shell", "-c", UNPUBLISH_QUIZZES)
        output = tmp_path / f"{slug}-{language}.zip"
        manage(folder, "export_scorm", slug, "--language", language, "--output", str(output))
        return output

    return run


def runtime(page, expression):
    return page.evaluate(expression)


def read_every_lesson(page, camera):
    """Click through the package's lessons in its menu; return their titles as shown."""
    shell = page.frame_locator("#sco")
    content = shell.frame_locator("#sco-content")
    lessons = shell.locator(".sco-nav a[href^=lesson-]")
    titles = []
    for number in range(lessons.count()):
        link = lessons.nth(number)
        title = link.inner_text().split(". ", 1)[1]
        link.click()
        content.locator("h1", has_text=title).wait_for()
        titles.append(title)
        camera(page, f"lesson-{number + 1}")
    return titles


def take_quiz(page, right):
    """Answer every question the attempt drew right (or every one wrong) and submit: a quiz with
    a pool shows only the questions drawn for this attempt."""
    content = page.frame_locator("#sco").frame_locator("#sco-content")
    page.frame_locator("#sco").locator(".sco-nav a[href='quiz.html']").click()
    key = json.loads(content.locator("#quiz-key").text_content())
    content.locator("#quiz input:visible").first.wait_for()
    for question in key["questions"]:
        if not content.locator(f"input[name='answer-{question['id']}']").first.is_visible():
            continue
        options = (
            question["correct"]
            if right
            else [option for option in question["options"] if option not in question["correct"]][:1]
        )
        for option in options:
            content.locator(f"input[name='answer-{question['id']}'][value='{option}']").check()
    content.locator("#quiz button[type=submit]").click()
    content.locator("#quiz-result").wait_for()
    return content


def finish(page):
    """The learner leaves the SCO: the LMS unloads its frame."""
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("lmsLog.some(([name]) => name === 'LMSFinish')")


def last_set(page, element):
    """The last value the SCO set for a write-only element, as the runtime accepted it."""
    values = runtime(page, f"lmsLog.filter(e => e[0] === 'LMSSetValue' && e[1] === '{element}')")
    return values[-1][2]


def assert_every_value_was_accepted(page):
    refused = runtime(page, "lmsLog.filter(e => e[0] === 'LMSSetValue' && e[3] !== 'true')")
    assert refused == []


@pytest.mark.parametrize(("right", "status"), [(True, "passed"), (False, "failed")])
def test_the_scorm_package_reports_its_lessons_and_quiz_score_to_a_scorm_1_2_runtime(
    browser, context, export, lms, camera, right, status
):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(lms(export("foundations", "es")))
    page.wait_for_function("API.isInitialized()")
    assert runtime(page, "API.cmi.core.lesson_status") == "incomplete"
    camera(page, "launched")

    titles = read_every_lesson(page, camera)
    assert titles and titles[0] == "Quiénes son estas niñas, niños y adolescentes"
    assert runtime(page, "API.cmi.core.lesson_status") == "incomplete"
    assert runtime(page, "API.cmi.suspend_data").split() == [
        f"lesson-{n:02d}.html" for n in range(1, len(titles) + 1)
    ]

    result = take_quiz(page, right)
    camera(page, "quiz-result")
    assert runtime(page, "API.cmi.core.lesson_status") == status
    raw = int(runtime(page, "API.cmi.core.score.raw"))
    assert raw == 100 if right else raw < 70
    assert runtime(page, "API.cmi.core.score.min") == "0"
    assert runtime(page, "API.cmi.core.score.max") == "100"
    assert f"{raw}\u00a0%" in result.locator("#quiz-result").inner_text()  # Spanish spacing
    assert result.locator("#quiz-again").is_visible() == (not right)

    finish(page)
    assert runtime(page, "API.isTerminated()")
    assert last_set(page, "cmi.core.exit") == ("" if right else "suspend")
    assert last_set(page, "cmi.core.session_time").startswith("0000:")
    assert_every_value_was_accepted(page)


def test_a_module_without_a_quiz_reports_completed_once_every_lesson_is_read(
    browser, context, export, lms, camera
):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(lms(export("foundations", "en", unpublish_quizzes=True)))
    page.wait_for_function("API.isInitialized()")
    assert page.frame_locator("#sco").locator(".sco-nav a[href='quiz.html']").count() == 0

    read_every_lesson(page, camera)
    assert runtime(page, "API.cmi.core.lesson_status") == "completed"
    finish(page)
    assert runtime(page, "API.cmi.core.lesson_status") == "completed"
    assert_every_value_was_accepted(page)


def test_a_learner_reads_every_lesson_of_the_offline_pack_from_disk_without_network(
    browser, site, tmp_path, camera
):
    """Without JavaScript throughout: the pack needs none, and neither does sending back the
    lessons read."""
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{site.url}/es/accounts/login/")
    page.fill("input[name=login]", LEARNER[0])
    page.fill("input[name=password]", LEARNER[1])
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "login" not in url)
    _, module_url = site.translation("foundations", "es")
    page.goto(module_url)
    titles = page.locator(".lesson-list li > a").all_inner_texts()
    camera(page, "module-page")
    with page.expect_download() as download:
        page.locator("a[href*='/offline/']").click()
    pack = tmp_path / download.value.suggested_filename
    download.value.save_as(pack)
    assert pack.name == "fundamentos-es.html"
    assert pack.stat().st_size <= 300 * 1024

    context.set_offline(True)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(pack.as_uri())
    assert page.locator("html").get_attribute("lang") == "es"
    for number, title in enumerate(titles, start=1):
        page.locator(f"nav a[href='#lesson-{number}']").click()
        assert page.url.endswith(f"#lesson-{number}")
        lesson = page.locator(f"#lesson-{number}")
        assert lesson.locator("h2").first.inner_text() == title
        assert len(lesson.inner_text()) > 500
        camera(page, f"offline-lesson-{number}")
    figure = page.locator("figure img").first
    assert figure.evaluate("image => image.complete && image.naturalWidth > 0")
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    page.check("#read-1")
    page.check("#read-3")

    context.set_offline(False)  # back online: the ticks go to the site, which asks first
    page.locator("#offline-progress button").click()
    page.wait_for_url(lambda url: "/offline/read/" in url)
    assert page.locator("main li").all_inner_texts() == [titles[0], titles[2]]
    camera(page, "confirm-lessons-read")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(module_url)
    done = page.locator(".lesson-list li").all_inner_texts()
    assert ["✓" in item for item in done] == [n in (0, 2) for n in range(len(titles))]
    camera(page, "module-with-lessons-read")
    context.close()
