"""The glossary and the support directory: translatable snippets, shown in lessons and on their
own pages in every language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from modules.factories import LessonPageFactory
from resources.factories import (
    DirectoryPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    SupportOrganisationFactory,
)
from resources.models import GlossaryPage, GlossaryTerm
from translation.localize import source_strings, translate_page, translate_snippet

pytestmark = pytest.mark.django_db

TERM = {
    "en": ("best interests of the child", "A child's welfare comes first in every decision."),
    "es": ("interés superior del niño", "El bienestar del niño va primero en cada decisión."),
    "pt": ("interesse superior da criança", "O bem-estar da criança vem antes em cada decisão."),
    "fr": ("intérêt supérieur de l'enfant", "Le bien-être de l'enfant passe avant tout."),
}


@pytest.fixture
def term(locales):
    """A glossary term in English, translated into Spanish, Portuguese and French."""
    english = GlossaryTermFactory(term=TERM["en"][0], definition=TERM["en"][1])
    for language, (word, definition) in TERM.items():
        if language != "en":
            strings = dict(zip(TERM["en"], (word, definition), strict=True))
            strings["Where the term comes from."] = f"[{language}]"
            translate_snippet(english, locales[language], strings)
    return english


def translate_everything(pages, language):
    locale = Locale.objects.get(language_code=language)
    for page in pages:
        page = page.specific
        translate_page(
            page, locale, {text: f"{text} [{language}]" for text in source_strings(page)}
        )


@pytest.fixture
def lesson_with_the_term(home, build_course, term):
    course = build_course(modules=1, lessons=1)
    module = course.get_children().get()
    lesson = LessonPageFactory(parent=module, body__0__glossary_term__term__term=term)
    glossary = GlossaryPageFactory(parent=home)
    pages = [home, *course.get_ancestors().filter(depth__gt=2), course, module]
    pages += [*module.get_children().order_by("path"), glossary]
    for language in ("es", "pt", "fr"):
        translate_everything(pages, language)
    return lesson


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_a_glossary_term_in_a_lesson_opens_to_its_definition_in_each_language(
    client, lesson_with_the_term, language
):
    locale = Locale.objects.get(language_code=language)
    lesson = lesson_with_the_term.get_translation(locale)
    word, definition = TERM[language]
    term = GlossaryTerm.objects.get(locale=locale)

    html = client.get(lesson.url).text.replace("&#x27;", "'")

    assert '<details class="block glossary-term">' in html
    assert f">{word}</dfn></summary>" in html
    assert f"<p>{definition}</p>" in html
    assert f'href="{GlossaryPage.objects.get(locale=locale).url}#{term.anchor}"' in html


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_glossary_page_lists_every_term_of_its_language(
    client, lesson_with_the_term, home, language
):
    locale = Locale.objects.get(language_code=language)
    GlossaryTermFactory(term="alternatives to imprisonment", locale=locale)
    glossary = home.get_translation(locale).get_children().type(GlossaryPage).get()

    html = client.get(glossary.url).text.replace("&#x27;", "'")

    terms = GlossaryTerm.objects.filter(locale=locale)
    assert terms.count() == 2
    for term in terms:
        assert f'<dt id="{term.anchor}"><dfn>{term.term}</dfn></dt>' in html
    assert TERM[language][1] in html


@pytest.fixture
def directory(home):
    SupportOrganisationFactory(name="Red de apoyo", country="UY")
    SupportOrganisationFactory(name="Rede de apoio", country="BR")
    SupportOrganisationFactory(name="Relais enfants parents", country="FR")
    return DirectoryPageFactory(parent=home)


def test_the_directory_lists_every_organisation_and_filters_by_country(client, directory):
    everything = client.get(directory.url).text
    uruguay = client.get(directory.url, {"country": "UY"})

    assert all(name in everything for name in ["Red de apoyo", "Rede de apoio", "Relais enfants"])
    assert uruguay.status_code == 200
    assert "Red de apoyo" in uruguay.text
    assert "Rede de apoio" not in uruguay.text and "Relais enfants" not in uruguay.text
    assert '<option value="UY" selected>Uruguay</option>' in uruguay.text


def test_an_unknown_country_gets_a_400_with_the_form_error_and_the_whole_directory(
    client, directory
):
    response = client.get(directory.url, {"country": "ZZ"})

    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "Red de apoyo" in response.text and "Rede de apoio" in response.text


def test_a_lesson_block_lists_the_organisations_of_its_country(client, build_course, directory):
    module = build_course(lessons=0).get_children().get()
    lesson = LessonPageFactory(parent=module, body__0__support_directory__country="BR")

    html = client.get(lesson.url).text

    assert "Rede de apoio" in html
    assert "Red de apoyo" not in html
    assert f'href="{directory.url}"' in html


def test_a_translator_edits_the_french_term_but_not_the_english_one(
    client, team_member, term, locales
):
    team_member("Translators")
    french = term.get_translation(locales["fr"])

    def edit_url(snippet):
        return reverse("wagtailsnippets_resources_glossaryterm:edit", args=[snippet.pk])

    assert client.get(edit_url(french)).status_code == 200
    response = client.post(
        edit_url(term), {"term": "changed", "definition": "changed", "explanation": ""}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    term.refresh_from_db()
    assert term.term == TERM["en"][0]
