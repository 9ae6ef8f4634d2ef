import pytest
from django.utils.html import escape

from modules.models import CourseIndexPage, LessonPage, ModulePage
from translation.localize import MissingTranslations, source_strings, translate_page


def into_spanish(page, locale):
    """Translate through wagtail-localize, every string marked so the test can see it."""
    return translate_page(page, locale, {text: f"ES {text}" for text in source_strings(page)})


@pytest.fixture
def course(build_course):
    return build_course(modules=1, lessons=2)


@pytest.fixture
def spanish_tree(course, home, locales):
    """Home, catalogue, course and module translated into Spanish; the lessons not yet."""
    module = ModulePage.objects.child_of(course).get()
    pages = [home, CourseIndexPage.objects.get(), course, module]
    return [into_spanish(page, locales["es"]).specific for page in pages]


@pytest.mark.django_db
def test_a_translated_course_lives_under_es_and_its_switcher_links_to_the_english_twin(
    client, course, spanish_tree
):
    spanish_course = spanish_tree[2]

    response = client.get(spanish_course.url)
    html = response.content.decode()

    assert spanish_course.url.startswith("/es/")
    assert spanish_course.translation_key == course.translation_key
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert f"<h1>ES {course.title}</h1>" in html
    assert f'<a href="{course.url}" hreflang="en" lang="en">' in html
    assert f'<link rel="alternate" hreflang="en" href="{course.url}">' in html
    assert f'<link rel="alternate" hreflang="es" href="{spanish_course.url}">' in html


@pytest.mark.django_db
def test_an_untranslated_lesson_sends_the_switcher_to_the_nearest_translated_ancestor(
    client, course, spanish_tree
):
    spanish_module = spanish_tree[3]
    lesson = LessonPage.objects.descendant_of(course).first()

    html = client.get(lesson.url).content.decode()
    target = f"{spanish_module.url}?untranslated=1"
    notice_page = client.get(target, follow=True)

    assert f'href="{escape(target)}" hreflang="es"' in html
    assert "Español <small>(aún sin traducir)</small>" in html  # said in the link's language
    assert 'rel="alternate" hreflang="es"' not in html
    # The Spanish module lacks that lesson, so it is not shown yet: its course is.
    assert notice_page.redirect_chain == [(f"{spanish_tree[2].url}?untranslated=1", 302)]
    assert "La página de la que viene aún no está traducida" in notice_page.text


@pytest.mark.django_db
def test_a_language_with_no_translated_ancestor_is_left_out_of_the_switcher(client, course):
    html = client.get(course.url).content.decode()

    assert 'hreflang="fr"' not in html


@pytest.mark.django_db
def test_a_translation_missing_strings_is_refused_and_nothing_is_published(home, course, locales):
    with pytest.raises(MissingTranslations):
        translate_page(home, locales["es"], {})

    assert not home.get_translations().exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Page not found"),
        ("es", "Página no encontrada"),
        ("pt", "Página não encontrada"),
        ("fr", "Page introuvable"),
    ],
)
def test_the_404_page_speaks_the_language_of_the_url(client, home, language, heading):
    response = client.get(f"/{language}/no-such-lesson/")

    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.content.decode()
    assert f"<h1>{heading}</h1>" in response.content.decode()
