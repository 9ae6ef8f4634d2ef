import pytest

from modules.factories import LessonPageFactory
from modules.models import ModulePage
from translation.localize import source_strings, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(build_course):
    module = ModulePage.objects.child_of(build_course(lessons=0)).get()
    return LessonPageFactory(
        parent=module,
        title="Arrests where children are present",
        body__0__rich_text__value="<p>Officers can let the child say goodbye.</p>",
    )


def test_search_finds_a_lesson_by_its_body_in_the_current_language(client, lesson):
    html = client.get("/en/search/", {"query": "goodbye"}).content.decode()

    assert f'<a href="{lesson.url}">{lesson.title}</a>' in html
    assert "1 result" in html


def test_search_keeps_to_the_language_of_the_url(client, home, lesson, locales):
    for page in [home, *lesson.get_ancestors().filter(depth__gt=2), lesson]:
        strings = {text: f"{text} (es)" for text in source_strings(page.specific)}
        translate_page(page.specific, locales["es"], strings)
    spanish_lesson = lesson.get_translation(locales["es"])

    english = client.get("/en/search/", {"query": "goodbye"}).content.decode()
    spanish = client.get("/es/search/", {"query": "goodbye"}).content.decode()

    assert spanish_lesson.url in spanish and lesson.url not in spanish
    assert lesson.url in english and spanish_lesson.url not in english


def test_an_empty_or_overlong_query_answers_calmly(client, lesson):
    assert client.get("/en/search/").status_code == 200
    assert client.get("/en/search/", {"query": "x" * 5000, "page": "nope"}).status_code == 200


@pytest.mark.parametrize("query", ['"goodbye', "goodbye)", "(goodbye*", "goodbye:"])
def test_quotes_brackets_and_operators_in_a_query_are_read_as_plain_words(client, lesson, query):
    response = client.get("/en/search/", {"query": query})

    assert response.status_code == 200
    assert lesson.url in response.content.decode()
