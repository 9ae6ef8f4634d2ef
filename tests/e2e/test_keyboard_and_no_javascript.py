"""The course works for someone on a keyboard alone and in a browser with JavaScript off."""

from playwright.sync_api import expect

from quizzes.forms import FIELD_PREFIX

from .journeys import (
    answer_quiz,
    course_url,
    fill_in_profile,
    finish_course,
    read_lessons,
    right_answers,
    sign_up,
    start_quiz,
)

MOST_TABS = 80


def focus_by_tab(page, target):
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def choose_with_keyboard(page, fieldset, wanted):
    """Tab into a question's options; arrow keys move through radio buttons, Space ticks boxes."""
    options = fieldset.locator("input")
    if options.first.get_attribute("type") == "radio":
        focus_by_tab(page, options.first)
        page.keyboard.press("Space")
        while options.evaluate_all("inputs => inputs.find(i => i.checked).value") not in wanted:
            page.keyboard.press("ArrowDown")
        return
    for option in options.all():
        if option.get_attribute("value") in wanted:
            focus_by_tab(page, option)
            page.keyboard.press("Space")


def test_a_keyboard_user_completes_a_lesson_and_passes_a_quiz(site, page, camera):
    sign_up(page, site, "teclado@example.org", "es")
    fill_in_profile(page, full_name="Marta Gómez")
    page.goto(course_url(site, "es"))
    page.locator("main .cards a").first.click()
    page.locator("main a.button").click()

    focus_by_tab(page, page.get_by_role("link", name="Saltar al contenido principal"))
    page.keyboard.press("Enter")
    camera(page, "lesson-by-keyboard")
    lesson = page.url
    focus_by_tab(page, page.locator("form.complete-lesson button"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != lesson)
    read_lessons(page)

    focus_by_tab(page, page.locator("main form[action*='/start/'] button"))
    page.keyboard.press("Enter")
    page.wait_for_selector("form.quiz")
    answers = right_answers(site)
    for fieldset in page.locator("form.quiz fieldset").all():
        name = fieldset.locator("input").first.get_attribute("name")
        choose_with_keyboard(page, fieldset, answers[name.removeprefix(FIELD_PREFIX)])
    camera(page, "answers-chosen-by-keyboard")
    focus_by_tab(page, page.locator("form.quiz button[type=submit]"))
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Su puntuación: 100 %")
    camera(page, "passed-by-keyboard")


def test_without_javascript_a_learner_reads_completes_submits_and_downloads(
    site, page_without_javascript, camera, tmp_path
):
    page = page_without_javascript
    sign_up(page, site, "sin.javascript@example.org", "es", camera)
    fill_in_profile(page, full_name="Rosa Quispe", role="front_line", country="PE")
    page.goto(course_url(site, "es"))
    page.locator("main .cards a").first.click()
    page.locator("main a.button").click()
    camera(page, "lesson-without-javascript")
    expect(page.locator("main h1")).to_be_visible()
    assert len(page.locator("main").inner_text()) > 500
    read_lessons(page, camera)
    start_quiz(page)
    answer_quiz(page, site, right=False)
    camera(page, "result-without-javascript")
    expect(page.locator("main")).to_contain_text("Esta vez no ha aprobado")
    finish_course(page, site, "es")
    page.get_by_role("link", name="Ver su certificado").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar el PDF").click()
    download.value.save_as(tmp_path / "certificate.pdf")
    assert (tmp_path / "certificate.pdf").read_bytes().startswith(b"%PDF")
