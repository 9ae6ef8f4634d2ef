"""Course teams in the admin: Authors write, Reviewers approve and publish, Translators translate,
learners never get in."""

import re

import pytest
from django.urls import URLResolver, get_resolver, reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from modules.models import LessonPage

pytestmark = pytest.mark.django_db

LESSON_TITLE = "Talking with a child after an arrest"


@pytest.fixture
def module(build_course):
    return build_course(lessons=1).get_children().get().specific


def lesson_form(action, **fields):
    return nested_form_data(
        {
            "title": LESSON_TITLE,
            "slug": "talking-after-an-arrest",
            "summary": "What to say, and what not to promise.",
            "estimated_minutes": 10,
            "body": streamfield(
                [("rich_text", rich_text("<p>Tell the truth in words the child knows.</p>"))]
            ),
            action: "1",
            **fields,
        }
    )


def add_lesson(client, module, action):
    url = reverse("wagtailadmin_pages:add", args=["modules", "lessonpage", module.pk])
    return client.post(url, lesson_form(action))


def submitted_lesson(client, team_member, module):
    team_member("Authors")
    add_lesson(client, module, "action-submit")
    return LessonPage.objects.get(title=LESSON_TITLE)


def test_the_expert_review_workflow_covers_every_page_and_is_done_by_reviewers(home):
    workflow = Workflow.objects.get(name="Expert review")
    assert Page.get_first_root_node().get_workflow() == workflow
    assert home.get_workflow() == workflow
    [task] = workflow.tasks.all()
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Reviewers"]


def test_an_author_creates_and_submits_a_lesson_but_cannot_publish_it(client, team_member, module):
    author = team_member("Authors")

    response = add_lesson(client, module, "action-publish")

    lesson = LessonPage.objects.get(title=LESSON_TITLE)
    assert response.status_code == 302
    assert not lesson.live
    assert not lesson.permissions_for_user(author).can_publish()

    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    client.post(edit_url, lesson_form("action-submit"))
    lesson.refresh_from_db()
    assert not lesson.live
    assert lesson.current_workflow_state.status == "in_progress"
    assert lesson.current_workflow_task.name == "Expert review"


def test_a_reviewer_sees_the_submitted_lesson_on_the_dashboard_and_approving_publishes_it(
    client, team_member, module
):
    lesson = submitted_lesson(client, team_member, module)
    team_member("Reviewers")

    dashboard = client.get(reverse("wagtailadmin_home"))
    assert LESSON_TITLE in dashboard.text
    assert "Awaiting your review" in dashboard.text

    task_state = lesson.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk]),
        {"comment": "Checked against the sources."},
    )

    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live
    assert client.get(lesson.url).status_code == 200


def test_a_reviewer_who_rejects_a_lesson_keeps_it_from_learners(client, team_member, module):
    lesson = submitted_lesson(client, team_member, module)
    team_member("Reviewers")
    task_state = lesson.current_workflow_state.current_task_state

    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "reject", task_state.pk]),
        {"comment": "The figure needs its source."},
    )

    lesson.refresh_from_db()
    assert not lesson.live
    assert lesson.current_workflow_state.status == "needs_changes"


def test_a_translator_translates_into_french_but_cannot_edit_the_english_page(
    client, team_member, module, translate_tree, locales
):
    english = module.get_children().get().specific
    translate_tree(module.get_parent(), "fr")
    french = english.get_translation(locales["fr"])
    translator = team_member("Translators")

    assert client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).status_code == 200
    assert not english.permissions_for_user(translator).can_edit()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]),
        lesson_form("action-publish", title="Changed by a translator"),
    )
    assert response.status_code in (302, 403)
    english.refresh_from_db()
    assert english.title != "Changed by a translator"

    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locales["fr"]
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        "value=Parler+avec+un+enfant",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    french.refresh_from_db()
    assert french.title == "Parler avec un enfant"
    assert french.live


def admin_urls():
    """Every URL pattern under /admin/, its parameters filled with placeholder values."""
    samples = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": "0" * 32}
    admin = next(p for p in get_resolver().url_patterns if str(p.pattern) == "admin/")

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif "^" not in route:
                yield "/" + re.sub(
                    r"<(?:(\w+):)?\w+>", lambda match: samples[match[1] or "str"], route
                )

    return sorted(set(walk(admin.url_patterns, "admin/")))


# The log-in pages and the static assets they need; none shows content or personal data.
PUBLIC_ADMIN_URLS = {
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite",
}


def test_every_admin_url_is_listed():
    urls = admin_urls()
    assert len(urls) > 200
    assert "/admin/pages/1/edit/" in urls
    assert "/admin/course-reports/uptake/" in urls


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_learner_is_turned_away_from_every_admin_url(client, learner, method):
    turned_away = {}
    for url in admin_urls():
        if any(url.startswith(public) for public in PUBLIC_ADMIN_URLS):
            continue
        response = getattr(client, method)(url)
        turned_away[url] = response.status_code in (302, 403) and (
            response.status_code != 302 or "/admin/login/" in response["Location"]
        )
    assert [url for url, refused in turned_away.items() if not refused] == []
    assert len(turned_away) > 200
