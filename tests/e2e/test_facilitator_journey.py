"""A facilitator fills their class from a CSV list; an invited learner follows the e-mailed link,
signs up in Spanish, reads a lesson, and the facilitator's class page shows it."""

import re

from playwright.sync_api import expect

from .conftest import open_context
from .journeys import PASSWORD

CLASS_LIST = "email,name,profession,language\nrosa.quispe@example.org,Rosa Quispe,front_line,es\n"


def test_an_invited_learner_signs_up_from_the_e_mail_and_shows_on_the_class_page(
    site, browser, camera, tmp_path
):
    facilitator = open_context(browser).new_page()
    facilitator.set_default_timeout(15_000)
    facilitator.goto(f"{site.url}/admin/login/")
    facilitator.fill("input[name=username]", "facilitator")
    facilitator.fill("input[name=password]", "cip-facilitator-demo")
    facilitator.locator("form button[type=submit]").click()
    facilitator.goto(f"{site.url}/admin/cohorts/")
    facilitator.get_by_role("link", name=re.compile("clase de demostración")).click()
    camera(facilitator, "class-page")
    expect(facilitator.locator("main")).to_contain_text("Lucía Méndez")
    facilitator.get_by_role("link", name="Add people from a class list (CSV)").click()
    class_list = tmp_path / "class.csv"
    class_list.write_text(CLASS_LIST)
    facilitator.set_input_files("input[type=file]", class_list)
    camera(facilitator, "class-list-chosen")
    facilitator.get_by_role("button", name="Add these people").click()
    expect(facilitator.locator(".messages")).to_contain_text("1 invited by e-mail")
    camera(facilitator, "invited")

    learner = open_context(browser).new_page()
    learner.set_default_timeout(15_000)
    invitation = site.mail_to("rosa.quispe@example.org")
    assert "Hola, Rosa Quispe:" in invitation
    link = re.search(r"http://127\.0\.0\.1:\d+/es/classes/invitations/\S+/", invitation)
    learner.goto(link.group(0))
    camera(learner, "sign-up-to-join")
    expect(learner.locator("main")).to_contain_text("rosa.quispe@example.org")
    learner.fill("input[name=email]", "rosa.quispe@example.org")
    learner.fill("input[name=password1]", PASSWORD)
    learner.fill("input[name=password2]", PASSWORD)
    learner.locator("main form button[type=submit]").click()
    confirmation = re.search(
        r"http://127\.0\.0\.1:\d+/\S+/confirm-email/\S+", site.mail_to("rosa.quispe@example.org")
    )
    learner.goto(confirmation.group(0))
    learner.locator("main form button[type=submit]").click()
    camera(learner, "joined-the-class")
    expect(learner.locator(".messages")).to_contain_text("Academia de Policía")
    learner.goto(f"{site.url}/es/profile/")
    expect(learner.locator("input[name=full_name]")).to_have_value("Rosa Quispe")
    learner.goto(site.translation("what-every-professional-can-do", "es")[1])
    learner.locator("main .cards a").first.click()
    learner.locator("main a.button").first.click()
    learner.locator("form.complete-lesson button").click()
    camera(learner, "read-a-lesson")
    learner.goto(f"{site.url}/es/dashboard/")
    expect(learner.locator("main")).to_contain_text("Academia de Policía")

    facilitator.reload()
    camera(facilitator, "class-page-with-the-new-learner")
    row = facilitator.locator("tr", has_text="Rosa Quispe")
    expect(row).to_contain_text("(1/")

    marta = facilitator.locator("tr", has_text="Marta Silva")
    marta.get_by_role("button", name="Remove").click()
    expect(facilitator.locator(".messages")).to_contain_text("removed from the class")
    expect(facilitator.locator("tr", has_text="Marta Silva")).to_have_count(0)
