"""The offline pack: a module as one HTML file a learner downloads from the module page and
reads without the network. The browser test in tests/e2e/test_module_packages.py opens it from
disk with the network off."""

import base64
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from modules.models import LessonPage
from packages.offline import BUDGET_BYTES
from tests.packages.conftest import in_language

pytestmark = pytest.mark.django_db


def download(client, module):
    return client.get(reverse("offline_pack", args=[module.pk]))


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_module_page_links_to_its_pack_for_every_reader(client, learner, foundations):
    response = client.get(foundations.url)
    link = soup_of(response).find("a", href=reverse("offline_pack", args=[foundations.pk]))
    assert link.get_text() == "Download this module to read offline"
    spanish = in_language(foundations, "es")
    client.logout()
    with translation.override("es"):
        address = reverse("offline_pack", args=[spanish.pk])
    assert address in client.get(spanish.url).content.decode()


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_the_pack_holds_every_lesson_in_the_readers_language_within_the_budget(
    client, foundations, language
):
    module = in_language(foundations, language) if language != "en" else foundations
    response = download(client, module)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert f'filename="{module.slug}-{language}.html"' in response["Content-Disposition"]
    assert len(response.content) <= BUDGET_BYTES
    soup = soup_of(response)
    assert soup.html["lang"] == language
    lessons = LessonPage.objects.live().child_of(module).order_by("path")
    contents = [link["href"] for link in soup.select("nav ol a")]
    assert contents[: len(lessons)] == [f"#lesson-{n}" for n in range(1, len(lessons) + 1)]
    for number, lesson in enumerate(lessons, start=1):
        section = soup.find(id=f"lesson-{number}")
        assert section.h2.get_text() == lesson.title
        first_text = BeautifulSoup(lesson.body[0].render(), "html.parser").get_text().strip()
        assert first_text[:60] in section.get_text()


def test_the_pack_needs_no_network_and_no_script(client, foundations):
    soup = soup_of(download(client, foundations))

    assert not soup.find_all(["script", "iframe", "link"])
    assert "site-header" in soup.style.string  # the site's stylesheet, inline
    sources = [tag["src"] for tag in soup.find_all(src=True)]
    assert sources and all(src.startswith("data:") for src in sources)
    assert not re.search(r'(?:href|src)="/', str(soup)), "no address of the site's root"


def test_images_are_inlined_smaller_than_the_site_shows_them(client, foundations):
    soup = soup_of(download(client, foundations))
    (image,) = soup.select("figure img")
    media_type, data = image["src"].removeprefix("data:").split(";base64,")
    assert media_type == "image/webp"
    assert int(image["width"]) <= 480
    lesson = LessonPage.objects.child_of(foundations).order_by("path").first()
    site_image = BeautifulSoup(client.get(lesson.url).content.decode(), "html.parser")
    assert int(site_image.select_one("figure img")["width"]) >= int(image["width"])
    assert base64.b64decode(data)[:4] == b"RIFF"


def test_links_stay_in_the_pack_or_go_to_the_site_and_small_documents_come_along(
    client, foundations
):
    soup = soup_of(download(client, foundations))
    document = soup.select_one("a[download^=best-interests-checklist]")  # the storage may suffix it
    assert document["href"].startswith("data:text/plain;base64,")
    assert base64.b64decode(document["href"].split(",", 1)[1]).startswith(b"Best interests")
    quiz_link = soup.select_one("#quiz a")
    assert quiz_link["href"].startswith("http://testserver/en/")


def test_a_second_download_is_served_from_the_cache(
    client, foundations, django_assert_max_num_queries
):
    first = download(client, foundations)
    with django_assert_max_num_queries(6):
        second = download(client, foundations)
    assert second.content == first.content
