"""axe-core on every kind of page a learner meets, in two languages: no serious or critical
violation. The results per page are written to test-output/e2e/axe-<language>.json."""

import json

import pytest

from .conftest import OUTPUT, ROOT, open_context
from .journeys import course_url, fill_in_profile, finish_course, sign_up

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def graduate(browser, site):
    """A browser logged in as a learner who has finished the course in Spanish. axe is injected
    as an inline script, which the site's CSP refuses, so this profile bypasses the CSP."""
    context = open_context(browser, bypass_csp=True)
    page = context.new_page()
    sign_up(page, site, "graduate@example.org", "es")
    fill_in_profile(page, full_name="Lucía Fernández")
    finish_course(page, site, "es")
    yield page
    context.close()


def learner_pages(page, site, language):
    """{name: address} of each kind of page, found by following the site's own links."""
    course = course_url(site, language)
    page.goto(course)
    module = page.locator("main .cards a").first.get_attribute("href")
    certificate = page.locator("main .notice a[href*='/certificates/']").first.get_attribute("href")
    page.goto(site.url + module)
    lesson = page.locator("main .lesson-list a").first.get_attribute("href")
    quiz = page.locator("main h2 + p a").first.get_attribute("href")
    page.goto(site.url + quiz)
    result = page.locator("main table a").first.get_attribute("href")
    page.goto(site.url + certificate)
    verification = page.locator("main a[href*='/certificates/verify/']").get_attribute("href")
    return {
        "home": f"{site.url}/{language}/",
        "catalogue": course.rstrip("/").rsplit("/", 1)[0] + "/",
        "course": course,
        "module": site.url + module,
        "lesson": site.url + lesson,
        "quiz": site.url + quiz,
        "result": site.url + result,
        "dashboard": f"{site.url}/{language}/dashboard/",
        "certificate": site.url + certificate,
        "verification": verification,
    }


def axe_violations(page, address):
    page.goto(address)
    page.add_script_tag(path=AXE)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]],
        }
        for violation in results["violations"]
    ]


@pytest.mark.parametrize("language", ["es", "en"])
def test_no_page_a_learner_meets_has_a_serious_or_critical_accessibility_violation(
    graduate, site, language
):
    report = {
        name: axe_violations(graduate, address)
        for name, address in learner_pages(graduate, site, language).items()
    }
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"axe-{language}.json").write_text(json.dumps(report, indent=2))
    blocking = {
        name: [v for v in violations if v["impact"] in BLOCKING]
        for name, violations in report.items()
    }
    assert blocking == {name: [] for name in report}
    assert len(report) == 10
