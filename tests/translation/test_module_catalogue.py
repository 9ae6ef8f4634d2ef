"""A translator downloads a whole module as one PO file, translates it anywhere, and uploads it."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from modules.models import LessonPage, ModulePage
from translation.localize import source_strings, translate_page

pytestmark = pytest.mark.django_db


def french(text):
    return f"{text} [fr]"


@pytest.fixture
def module(home, build_course, locales):
    """A module of two lessons and a quiz, in a course already published in French."""
    course = build_course(modules=1, lessons=2, quiz=True)
    for page in [home, course.get_parent(), course]:
        page = page.specific
        translate_page(page, locales["fr"], {text: french(text) for text in source_strings(page)})
    return ModulePage.objects.child_of(course).get()


@pytest.fixture
def translator(team_member):
    return team_member("Translators")


def download(client, module, language="fr"):
    response = client.get(reverse("module_translation_download", args=[module.pk, language]))
    assert response.status_code == 200, response.status_code
    return polib.pofile(response.content.decode())


def upload(client, module, catalogue, language="fr"):
    content = catalogue if isinstance(catalogue, bytes) else str(catalogue).encode()
    return client.post(
        reverse("module_translation_upload", args=[module.pk, language]),
        {"catalogue": SimpleUploadedFile("module.po", content)},
    )


def test_a_module_downloaded_as_po_and_uploaded_translated_goes_live_in_french(
    client, translator, module, locales
):
    catalogue = download(client, module)
    pages = [module, *module.get_children().specific()]
    assert len(catalogue) == sum(len(source_strings(page)) for page in pages)
    assert {entry.comment for entry in catalogue} >= {f"Lesson: {pages[1].title}"}
    for entry in catalogue:
        entry.msgstr = french(entry.msgid)

    response = upload(client, module, catalogue)

    assert response.status_code == 302
    french_module = module.get_translation(locales["fr"])
    french_pages = [french_module, *french_module.get_children().specific()]
    assert all(page.live for page in french_pages)
    assert [page.title for page in french_pages] == [french(page.title) for page in pages]
    lesson = LessonPage.objects.get(pk=french_pages[1].pk)
    html = client.get(lesson.url).text
    assert french("Text.") in html
    course_html = client.get(french_module.get_parent().url).text
    assert french(module.title) in course_html

    catalogue = download(client, module)
    assert all(entry.msgstr == french(entry.msgid) for entry in catalogue)


def test_pages_with_strings_missing_wait_unpublished_and_the_module_stays_hidden(
    client, translator, module, locales
):
    catalogue = download(client, module)
    quiz_key = str(module.get_children().last().translation_key)
    for entry in catalogue:
        if not entry.msgctxt.startswith(quiz_key):
            entry.msgstr = french(entry.msgid)

    response = upload(client, module, catalogue)
    messages = [str(message) for message in response.wsgi_request._messages]

    french_module = module.get_translation(locales["fr"])
    assert "3 pages published in French." in messages
    assert any("was not published" in message for message in messages)
    assert module.get_children().last().get_translation_or_none(locales["fr"]) is None
    assert french(module.title) not in client.get(french_module.get_parent().url).text


@pytest.mark.parametrize(
    "bad_file, error",
    [
        (b"\x00\xff not a catalogue", "not a readable PO file"),
        (b"", "The submitted file is empty."),
    ],
)
def test_an_unreadable_file_is_refused_with_a_reason_and_nothing_is_saved(
    client, translator, module, locales, bad_file, error
):
    response = upload(client, module, bad_file)

    assert response.status_code == 400
    assert error in response.text
    assert module.get_translation_or_none(locales["fr"]) is None


def test_a_file_for_another_language_is_refused_and_nothing_is_saved(
    client, admin_client, module, locales
):
    catalogue = download(admin_client, module, "es")
    for entry in catalogue:
        entry.msgstr = f"{entry.msgid} [es]"

    response = upload(admin_client, module, catalogue, "fr")

    assert response.status_code == 400
    assert "belongs to another module or language" in response.text
    assert module.get_translation_or_none(locales["fr"]) is None


def test_an_author_cannot_download_or_upload_a_translation(client, team_member, module, locales):
    """Wagtail sends them back to the dashboard with a "no permission" message."""
    team_member("Authors")

    assert client.get(reverse("module_translation", args=[module.pk])).status_code == 200
    download_url = reverse("module_translation_download", args=[module.pk, "fr"])
    for response in [client.get(download_url), upload(client, module, b"x")]:
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert module.get_translation_or_none(locales["fr"]) is None
