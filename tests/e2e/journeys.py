"""What a learner does on the site, step by step, as browser actions."""

import json
import re

from quizzes.forms import FIELD_PREFIX

PASSWORD = "a-long-Passphrase-for-e2e"
COURSE_SLUG = "what-every-professional-can-do"


def no_screenshot(page, step):
    """The camera for journeys whose steps another test already photographs."""


def sign_up(page, site, email, language, camera=no_screenshot):
    """Sign up, confirm the address from the e-mail the site sent, land on the profile form."""
    page.goto(f"{site.url}/{language}/accounts/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    camera(page, "sign-up")
    page.locator("main form button[type=submit]").click()
    camera(page, "check-your-inbox")
    link = re.search(r"http://127\.0\.0\.1:\d+/\S+/confirm-email/\S+", site.mail_to(email))
    page.goto(link.group(0))
    camera(page, "confirm-address")
    page.locator("main form button[type=submit]").click()


def fill_in_profile(
    page, camera=no_screenshot, full_name="Ana María Ruiz", role="teachers", country="MX"
):
    page.fill("input[name=full_name]", full_name)
    page.select_option("select[name=role]", role)
    page.fill("input[name=organisation]", "Escuela Primaria 12")
    page.select_option("select[name=country]", country)
    camera(page, "profile")
    page.locator("main form button[type=submit]").click()


def log_in(page, site, email, language="en"):
    page.goto(f"{site.url}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()


def right_answers(site):
    """{question id: the option values that are right}; the ids are the same in every language."""
    right = {}
    for (questions,) in site.query("SELECT questions FROM quizzes_quizpage"):
        for question in json.loads(questions):
            value = question["value"]
            if question["type"] == "true_false":
                right[question["id"]] = {"true" if value["is_true"] else "false"}
            else:
                right[question["id"]] = {o["id"] for o in value["options"] if o["value"]["correct"]}
    return right


def answer_quiz(page, site, right):
    """On an attempt page: choose every right answer, or only wrong ones, and submit."""
    answers = right_answers(site)
    for fieldset in page.locator("form.quiz fieldset").all():
        options = fieldset.locator("input").all()
        question_id = options[0].get_attribute("name").removeprefix(FIELD_PREFIX)
        chosen = [o for o in options if (o.get_attribute("value") in answers[question_id]) == right]
        if options[0].get_attribute("type") == "radio":
            chosen = chosen[:1]
        for option in chosen:
            option.check()
    page.locator("form.quiz button[type=submit]").click()


def start_quiz(page):
    """On a quiz page: start (or try again)."""
    page.locator("main form[action*='/start/'] button").click()


def read_lessons(page, camera=no_screenshot):
    """From a lesson, mark each as complete until the module's lessons are done."""
    while page.locator("form.complete-lesson").count():
        camera(page, "lesson")
        page.locator("form.complete-lesson button").click()


def course_url(site, language):
    return site.translation(COURSE_SLUG, language)[1]


def finish_course(page, site, language):
    """Go through every lesson and quiz left in the course, passing each quiz."""
    course = course_url(site, language)
    page.goto(course)
    while not page.locator("main .notice a[href*='/certificates/']").count():
        if not page.locator("main a.button").count():
            page.locator("main .cards a").first.click()
        page.locator("main a.button").first.click()
        read_lessons(page)
        if page.locator("main form[action*='/start/']").count():
            start_quiz(page)
            answer_quiz(page, site, right=True)
        page.goto(course)
