"""A learner's whole way through the course in a real browser, in Spanish and across languages."""

import re

from playwright.sync_api import expect
from pypdf import PdfReader

from .journeys import (
    answer_quiz,
    course_url,
    fill_in_profile,
    finish_course,
    log_in,
    read_lessons,
    sign_up,
    start_quiz,
)


def test_a_spanish_learner_signs_up_fails_a_quiz_passes_it_and_gets_a_verifiable_certificate(
    site, page, camera, tmp_path
):
    sign_up(page, site, "ana.ruiz@example.org", "es", camera)
    assert page.url.endswith("/es/profile/")
    fill_in_profile(page, camera)

    page.goto(course_url(site, "es"))
    assert page.locator("html").get_attribute("lang") == "es"
    camera(page, "course")
    page.locator("main .cards a").first.click()
    camera(page, "module")
    page.locator("main a.button").click()
    read_lessons(page, camera)
    camera(page, "quiz")

    start_quiz(page)
    camera(page, "first-attempt")
    answer_quiz(page, site, right=False)
    camera(page, "failed")
    expect(page.locator("main")).to_contain_text("Esta vez no ha aprobado")
    expect(page.locator("main")).to_contain_text("Le quedan 2 intentos")
    start_quiz(page)
    answer_quiz(page, site, right=True)
    camera(page, "passed")
    expect(page.locator("main")).to_contain_text("Su puntuación: 100 %")

    finish_course(page, site, "es")
    camera(page, "course-completed")
    page.get_by_role("link", name="Ver su certificado").click()
    camera(page, "certificate")
    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar el PDF").click()
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    text = "".join(sheet.extract_text() for sheet in PdfReader(pdf).pages)
    assert "Ana María Ruiz" in text

    verification_url = re.search(r"http://127\.0\.0\.1:\d+/es/certificates/verify/\S+/", text)
    page.goto(verification_url.group(0))
    camera(page, "verification")
    expect(page.locator("main")).to_contain_text("Ana María Ruiz")
    assert site.query(
        "SELECT count(*) FROM certificates_certificate c JOIN auth_user u ON c.user_id = u.id "
        "WHERE u.email = ? AND c.language_code = 'es'",
        "ana.ruiz@example.org",
    ) == [(1,)]


def test_a_learner_who_switches_from_spanish_to_portuguese_finds_their_progress(site, page, camera):
    sign_up(page, site, "joao.silva@example.org", "es", camera)
    fill_in_profile(page, camera, full_name="João Silva", role="police", country="BR")
    page.goto(course_url(site, "es"))
    page.locator("main .cards a").first.click()
    page.locator("main a.button").click()
    lesson_form = page.locator("form.complete-lesson button")
    lesson_form.click()
    lesson_form.click()
    camera(page, "two-lessons-read-in-spanish")

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="Português").click()
    camera(page, "same-lesson-in-portuguese")
    assert page.locator("html").get_attribute("lang") == "pt"
    page.goto(course_url(site, "pt"))
    camera(page, "course-in-portuguese")
    progress = page.locator("main progress").first
    assert progress.get_attribute("value") == "2"
    page.locator("main a.button").click()
    camera(page, "resumes-at-the-third-lesson")
    read_lessons(page)
    assert page.locator("main form[action*='/start/']").count()
    log_in_elsewhere = page.context.browser.new_context()
    other = log_in_elsewhere.new_page()
    log_in(other, site, "joao.silva@example.org", "pt")
    other.goto(course_url(site, "pt"))
    assert other.locator("main progress").first.get_attribute("value") == "4"
    log_in_elsewhere.close()
