"""Pages for readers without a session come whole from the cache, and never outlive a change."""

import gzip
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from learners.factories import LearnerProfileFactory
from learners.models import LessonCompletion
from modules.caching import GENERATION_KEY, GenerationMemo, generation, generation_memo
from modules.models import LessonPage, ModulePage
from resources.factories import GlossaryTermBlockFactory, GlossaryTermFactory
from translation.models import TranslationGap

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(build_course):
    module = ModulePage.objects.child_of(build_course(lessons=2)).get()
    return LessonPage.objects.child_of(module).order_by("path").first()


def test_a_second_anonymous_reader_gets_the_lesson_without_a_single_query(
    lesson, django_assert_num_queries
):
    first = Client().get(lesson.url)

    with django_assert_num_queries(0):
        second = Client().get(lesson.url)

    assert second.status_code == 200
    assert second.content == first.content
    assert "csrfmiddlewaretoken" not in second.content.decode()


def test_a_cached_lesson_travels_compressed_to_a_browser_that_accepts_it(lesson):
    plain = Client().get(lesson.url)
    Client().get(lesson.url, HTTP_ACCEPT_ENCODING="gzip")  # from the cache now

    compressed = Client().get(lesson.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    assert "default-src 'self'" in compressed["Content-Security-Policy"]  # kept with the page


def test_a_cached_page_never_answers_a_plain_http_request_that_must_be_redirected(lesson, settings):
    settings.SECURE_SSL_REDIRECT = True
    secure = Client().get(lesson.url, secure=True)
    assert Client().get(lesson.url, secure=True).content == secure.content  # now cached

    plain = Client().get(lesson.url)

    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


def test_a_published_change_reaches_the_next_anonymous_reader(lesson):
    Client().get(lesson.url)

    lesson.title = "Talking with a child about a parent's arrest"
    lesson.save_revision().publish()

    assert "Talking with a child about a parent" in Client().get(lesson.url).content.decode()


def test_a_change_made_in_another_process_reaches_readers_within_the_bound(lesson):
    """Another process moves the generation on in the shared cache; this one trusts the value it
    read for ``GenerationMemo.bound`` seconds, then reads it again."""
    Client().get(lesson.url)
    shown = generation()
    LessonPage.objects.filter(pk=lesson.pk).update(title="Changed elsewhere")
    cache.incr(GENERATION_KEY)  # what the other process's publish did

    assert Client().get(lesson.url).content.decode().count("Changed elsewhere") == 0
    generation_memo.reading = (shown, time.monotonic() - GenerationMemo.bound)

    assert "Changed elsewhere" in Client().get(lesson.url).content.decode()


def test_an_anonymous_reader_s_cache_hit_asks_the_shared_cache_nothing(lesson, monkeypatch):
    Client().get(lesson.url)
    asked = []
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: asked.append(args))

    assert Client().get(lesson.url).status_code == 200
    assert asked == []


def test_an_edited_glossary_term_reaches_the_next_anonymous_reader(lesson):
    term = GlossaryTermFactory(definition="The first definition.")
    lesson.body.append(("glossary_term", GlossaryTermBlockFactory(term=term)))
    lesson.save_revision().publish()
    assert "The first definition." in Client().get(lesson.url).content.decode()

    term.definition = "A clearer definition."
    term.save()

    assert "A clearer definition." in Client().get(lesson.url).content.decode()


def test_a_reader_who_completed_a_lesson_without_an_account_sees_their_own_progress(lesson):
    Client().get(lesson.url)
    reader = Client(enforce_csrf_checks=True)

    response = reader.post(reverse("complete_lesson", args=[lesson.pk]))

    assert response.status_code == 302
    assert "You have completed this lesson." in reader.get(lesson.url).content.decode()
    assert "You have completed this lesson." not in Client().get(lesson.url).content.decode()


def test_a_learner_is_never_served_the_anonymous_page(client, lesson):
    Client().get(lesson.url)
    learner = LearnerProfileFactory().user
    client.force_login(learner)

    page = client.get(lesson.url).content.decode()

    assert "csrfmiddlewaretoken" in page
    assert learner.email not in Client().get(lesson.url).content.decode()


def test_a_learner_s_completion_still_needs_the_csrf_token(lesson):
    learner = Client(enforce_csrf_checks=True)
    learner.force_login(LearnerProfileFactory().user)

    response = learner.post(reverse("complete_lesson", args=[lesson.pk]))

    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()


def test_a_form_with_one_visitor_s_csrf_token_is_never_served_to_another():
    first = Client(enforce_csrf_checks=True)
    first.get(reverse("account_login"))
    first.get(reverse("account_login"))  # now with a CSRF cookie, so no new one is set
    second = Client(enforce_csrf_checks=True)

    page = second.get(reverse("account_login"))

    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = second.post(
        reverse("account_login"),
        {"login": "a@example.org", "password": "x", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200  # the form again with its error, not a CSRF 403


def test_a_learner_s_second_visit_to_a_lesson_reuses_its_fragments(
    client, lesson, django_assert_max_num_queries
):
    client.force_login(LearnerProfileFactory().user)
    client.get(lesson.url)

    with django_assert_max_num_queries(4):
        response = client.get(lesson.url)

    assert lesson.title in response.content.decode()


def test_a_preview_shows_the_unsaved_lesson_even_when_the_live_one_is_cached(lesson):
    Client().get(lesson.url)
    client = Client()
    client.force_login(LearnerProfileFactory().user)
    client.get(lesson.url)

    lesson.title = "A title nobody has saved yet"
    preview = lesson.make_preview_request().content.decode()

    assert "<h1>A title nobody has saved yet</h1>" in preview
    assert "A title nobody has saved yet" not in client.get(lesson.url).content.decode()


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://another-site.example"}, {"Sec-Fetch-Site": "cross-site"}],
    ids=["another origin", "cross-site fetch"],
)
def test_another_site_cannot_post_a_completion_for_a_reader_without_an_account(lesson, headers):
    reader = Client(enforce_csrf_checks=True)

    response = reader.post(reverse("complete_lesson", args=[lesson.pk]), headers=headers)

    assert response.status_code == 403
    assert "sessionid" not in response.cookies


def test_a_reader_s_own_form_posts_from_the_same_origin(lesson):
    reader = Client(enforce_csrf_checks=True)

    response = reader.post(
        reverse("complete_lesson", args=[lesson.pk]),
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )

    assert response.status_code == 302


def test_a_translation_gap_written_after_a_publish_still_moves_the_content_generation(lesson):
    """wagtail-localize publishes on commit, so the gap may be written after the page's own
    signals have run; its own save must move the generation on."""
    before = generation()

    TranslationGap.objects.create(page=lesson, missing_strings=1)

    assert generation() != before


def test_a_published_lesson_joins_the_module_a_learner_sees(client, learner, lesson):
    module = lesson.get_parent()
    assert "Telling a child the truth" not in client.get(module.url).content.decode()

    new = LessonPage(title="Telling a child the truth", summary="Words for it.")
    module.add_child(instance=new)
    new.save_revision().publish()

    html = client.get(module.url).content.decode()
    assert f'<a href="{new.url}">Telling a child the truth</a>' in html


def test_one_learner_s_progress_never_shows_on_another_s_pages(lesson):
    """The kept structure is shared by every request; each learner's state rides beside it."""
    module, course = lesson.get_parent(), lesson.get_parent().get_parent()
    first, second = Client(), Client()
    first.force_login(LearnerProfileFactory().user)
    second.force_login(LearnerProfileFactory().user)
    for visitor in (first, second):  # both warm the same kept pages and fragments
        visitor.get(module.url)
        visitor.get(course.url)

    first.post(reverse("complete_lesson", args=[lesson.pk]))

    assert "1 of 2 lessons done" in first.get(course.url).content.decode()
    assert "✓" in first.get(module.url).content.decode()
    assert "lessons done" not in second.get(course.url).content.decode()
    assert "✓" not in second.get(module.url).content.decode()
    second.post(reverse("complete_lesson", args=[lesson.pk]))
    assert "1 of 2 lessons done" in second.get(course.url).content.decode()
