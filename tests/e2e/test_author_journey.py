"""A lesson's way from an author's draft to French learners, through the Wagtail admin."""

import re

from playwright.sync_api import expect

from .conftest import open_context

ADMIN_PASSWORD = "a-long-Passphrase-for-the-team"
TEAM = f"""
from django.contrib.auth.models import Group, User
for name in ["Authors", "Reviewers", "Translators"]:
    user = User.objects.create_user(name[:-1].lower(), password="{ADMIN_PASSWORD}")
    user.groups.add(Group.objects.get(name=name))
"""
LESSON_TEXT = "When a parent is arrested, tell the child the truth in words they know."
TITLE = "Talking with a child about a parent's arrest"
SUMMARY = "Short, honest words a child can hold on to."
FRENCH = {
    TITLE: "Parler à un enfant de l'arrestation d'un parent",
    SUMMARY: "Des mots simples et vrais, auxquels l'enfant peut se fier.",
    LESSON_TEXT: "Quand un parent est arrêté, dites-lui la vérité avec des mots qu'il connaît.",
    "talking-about-an-arrest": "parler-d-une-arrestation",
}


def log_in_to_admin(browser, site, username):
    context = open_context(browser)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.locator("main")).to_be_visible()
    return page


def test_an_authors_new_lesson_is_reviewed_translated_into_french_and_read_at_fr(
    own_site, browser, camera
):
    site = own_site
    site.manage("shell", "-c", TEAM)
    module_id, _ = site.translation("foundations", "en")

    author = log_in_to_admin(browser, site, "author")
    author.goto(f"{site.url}/admin/pages/add/modules/lessonpage/{module_id}/")
    camera(author, "author-new-lesson")
    author.fill("#id_title", TITLE)
    author.fill("#id_summary", SUMMARY)
    camera(author, "author-filled-in")
    author.locator(
        "[data-streamfield-stream-container] button[title='Insert a block']"
    ).first.click()
    author.get_by_role("option", name="Text", exact=True).click()
    editor = author.locator(".Draftail-Editor .public-DraftEditor-content").first
    editor.click()
    editor.press_sequentially(LESSON_TEXT)
    # Draftail writes what was typed into its form field a moment later: wait for it there, or a
    # loaded machine submits the lesson without its text.
    expect(author.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(LESSON_TEXT))
    )
    author.get_by_role("tab", name="Promote").click()
    author.fill("#id_slug", "talking-about-an-arrest")
    author.get_by_role("tab", name="Content").click()
    camera(author, "author-wrote-the-lesson")
    author.locator("footer [data-w-dropdown-target=toggle]").click()
    author.get_by_role("button", name="Submit to Expert review").click()
    camera(author, "author-submitted")
    expect(author.locator(".messages")).to_contain_text("submitted")

    ((lesson_id,),) = site.query(
        "SELECT id FROM wagtailcore_page WHERE slug = 'talking-about-an-arrest'"
    )
    reviewer = log_in_to_admin(browser, site, "reviewer")
    reviewer.goto(f"{site.url}/admin/pages/{lesson_id}/edit/")
    camera(reviewer, "reviewer-opens-the-lesson")
    reviewer.locator("footer [data-w-dropdown-target=toggle]").click()
    reviewer.get_by_role("button", name="Approve and Publish", exact=True).click()
    camera(reviewer, "reviewer-approved")
    live = site.query_until(
        lambda rows: rows == [(1,)], "SELECT live FROM wagtailcore_page WHERE id = ?", lesson_id
    )
    assert live == [(1,)]

    author.goto(f"{site.url}/admin/localize/submit/page/{lesson_id}/")
    author.get_by_label("French").check()
    camera(author, "author-sends-it-for-translation")
    author.locator("main form button[type=submit], main form input[type=submit]").first.click()
    french_id, _ = site.translation("talking-about-an-arrest", "fr")
    translator = log_in_to_admin(browser, site, "translator")
    translator.goto(f"{site.url}/admin/pages/{french_id}/edit/")
    camera(translator, "translator-opens-the-french-draft")
    for tab in ("Content", "Promote"):
        translator.get_by_role("tab", name=tab).click()
        untranslated = translator.locator("li.incomplete:visible")
        for left in reversed(range(untranslated.count())):
            segment = untranslated.first
            source = segment.locator("p").first.inner_text()
            segment.get_by_role("button", name="Translate").click()
            segment.locator("textarea").fill(FRENCH[source])
            segment.get_by_role("button", name="Save").click()
            expect(untranslated).to_have_count(left)
    camera(translator, "translator-translated-every-string")
    translator.get_by_role("button", name="Publish in French").click()
    expect(translator.locator(".messages")).to_be_visible()
    camera(translator, "translator-published")

    learner = open_context(browser).new_page()
    learner.goto(site.translation("foundations", "fr")[1])
    learner.get_by_role("link", name=FRENCH[TITLE]).click()
    camera(learner, "french-learner-reads-the-lesson")
    expect(learner.locator("main")).to_contain_text(FRENCH[LESSON_TEXT])
    assert learner.url.endswith(f"/{FRENCH['talking-about-an-arrest']}/")
