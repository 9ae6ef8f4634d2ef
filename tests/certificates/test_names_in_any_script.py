"""Names in any script print on the PDF, shaped and in their direction; a name no certificate
font can draw is refused at the profile in the learner's language, never printed blank.

Each PDF's page is also rendered to test-output/certificates/name-<script>.png for a person to
look at."""

import io
import re
from pathlib import Path

import pypdfium2
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from pypdf import PdfReader

from certificates.fonts import FALLBACKS, PRIMARY, check_name, covered, missing_characters
from certificates.models import Certificate
from learners.factories import LearnerProfileFactory
from learners.models import LearnerProfile

from .helpers import complete_course

pytestmark = pytest.mark.django_db

OUTPUT = Path(settings.BASE_DIR) / "test-output" / "certificates"

NAMES = {
    "cjk": "王小明",
    "arabic": "محمد بن سلمان",
    "hebrew": "שרה לוי",
    "devanagari": "देवनागरी नाम",
    "latin": "Nguyễn Ŵilliam Ōsaka",
}
RIGHT_TO_LEFT = {"arabic", "hebrew"}
# Linear B, assigned and printable, in none of the shipped fonts.
UNDRAWABLE = "\U00010000"


def certificate_pdf(client, course, name):
    profile = LearnerProfileFactory(full_name=name)
    client.force_login(profile.user)
    complete_course(client, course)
    certificate = Certificate.objects.get(user=profile.user)
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("script", NAMES)
def test_the_pdf_prints_the_name_in_its_script(client, course, script):
    name = NAMES[script]
    content = certificate_pdf(client, course, name)
    assert len(content) < 150 * 1024

    # pypdf reads every character of the name back. It gives the words of a right-to-left name
    # in visual order (left to right on the page), and reads the two-byte codes of the CJK font
    # (a CID-keyed font) as single bytes, so a NUL stands before each ideograph.
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text().replace("\x00", "")
    lines = text.splitlines()
    if script in RIGHT_TO_LEFT:
        assert " ".join(reversed(name.split())) in lines
    else:
        assert name in lines

    # PDFium, the engine of Chrome's PDF viewer, reads the name back in logical order.
    document = pypdfium2.PdfDocument(content)
    page = document[0]
    assert name in page.get_textpage().get_text_range().splitlines()

    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.render(scale=1.5).to_pil().save(OUTPUT / f"name-{script}.png")
    page.close()
    document.close()


def test_arabic_letters_are_drawn_in_their_joined_forms(client, course):
    """HarfBuzz gives a letter a different glyph at the start, middle and end of a word: the
    PDF's ToUnicode map then names the same letter for several glyphs (the م of محمد is initial,
    the one of سلمان medial). Unshaped text would use one glyph per letter."""
    content = certificate_pdf(client, course, NAMES["arabic"])
    fonts = PdfReader(io.BytesIO(content)).pages[0]["/Resources"]["/Font"]
    arabic = next(
        font.get_object()
        for font in fonts.values()
        if "NotoSansArabic" in font.get_object()["/BaseFont"]
    )
    to_unicode = arabic["/ToUnicode"].get_object().get_data().decode()
    letters = re.findall(r"^<[0-9A-F]{4}> <([0-9A-F]{4})>$", to_unicode, re.M)
    assert {chr(int(code, 16)) for code in letters} >= set(NAMES["arabic"]) - {" "}
    assert letters.count(f"{ord('م'):04X}") >= 2


def test_every_script_of_the_list_is_covered_by_an_installed_font():
    assert not missing_characters("".join(NAMES.values()))
    assert not missing_characters("Ζωή Ольга Łukasz ሰላም สมชาย ქართული 김민준 山田")
    for face in (PRIMARY, *FALLBACKS):
        assert covered(face, ""), f"{face.regular} is missing: run make run or make test"


def test_a_name_no_font_can_draw_is_refused_in_the_learner_s_language(client):
    profile = LearnerProfileFactory(full_name="Ana Pérez", preferred_language="pt")
    client.force_login(profile.user)
    assert missing_characters(f"Ana {UNDRAWABLE}") == [UNDRAWABLE]
    with translation.override("pt"):
        address = reverse("profile")
        try:
            check_name(f"Ana {UNDRAWABLE}")
        except ValidationError as error:
            message = error.messages[0]
    form = {
        "full_name": f"Ana {UNDRAWABLE}",
        "role": profile.role,
        "organisation": "",
        "country": "BR",
        "preferred_language": "pt",
    }

    response = client.post(address, form)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="pt' in html
    assert escape(message) in html  # gettext's Portuguese once the catalogue has it
    assert UNDRAWABLE in message
    assert LearnerProfile.objects.get(pk=profile.pk).full_name == "Ana Pérez"


def test_a_name_typed_with_combining_accents_is_saved_composed(client):
    profile = LearnerProfileFactory(full_name="Ana Pérez")
    client.force_login(profile.user)
    form = {
        "full_name": "Jose\u0301 Nun\u0303ez",
        "role": profile.role,
        "organisation": "",
        "country": "UY",
        "preferred_language": "es",
    }
    client.post(reverse("profile"), form)
    assert LearnerProfile.objects.get(pk=profile.pk).full_name == "José Nuñez"
