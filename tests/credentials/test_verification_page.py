"""The verification page takes an uploaded credential, as JSON or as the baked badge, and says
valid, revoked, tampered or unknown issuer in the reader's language."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from certificates.issuing import revoke
from credentials import baking, keys

from .conftest import download


def check(client, content, name="credential.json", language="en"):
    with translation.override(language):
        url = reverse("verify_credential")
    upload = SimpleUploadedFile(name, content)
    return client.post(url, {"credential": upload})


def says(response, language, msgid):
    """The page is in ``language`` and says ``msgid`` as that language's catalogue has it."""
    page = response.content.decode()
    with translation.override(language):
        expected = gettext(msgid)
    return f'<html lang="{language}">' in page and expected in page


VALID = "This credential is genuine and valid: we issued it, and nothing in it has changed."
REVOKED = "This credential was issued by us but has been revoked. It is no longer valid."
TAMPERED = (
    "This credential has been altered since it was issued: its signature does not match its "
    "content. It is not valid."
)
UNKNOWN = (
    "This credential was not issued by this site, or was signed with a key we never "
    "published. We cannot vouch for it."
)


def verdict(response):
    page = response.content.decode()
    marker = 'data-verdict="'
    return page[page.index(marker) + len(marker) :].split('"')[0]


@pytest.fixture
def credential_text(client, certificate):
    return download(client, certificate).decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_valid_credential_is_valid(client, certificate, credential_text, language):
    response = check(client, credential_text.encode(), language=language)
    assert response.status_code == 200
    assert verdict(response) == "valid"
    assert says(response, language, VALID)
    page = response.content.decode()
    assert "José Ñúñez" in page
    with translation.override(language):
        assert date_format(certificate.issued_at, "DATE_FORMAT") in page


def test_a_baked_badge_is_read_too(client, certificate):
    response = check(client, download(client, certificate, "credential_png"), "badge.png")
    assert verdict(response) == "valid"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_changed_character_is_tampering(client, credential_text, language):
    tampered = credential_text.replace("José Ñúñez", "Josá Ñúñez").encode()
    response = check(client, tampered, language=language)
    assert response.status_code == 200
    assert verdict(response) == "tampered"
    assert says(response, language, TAMPERED)


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_revoked_credential_is_revoked(client, certificate, credential_text, language):
    revoke(certificate, "Issued by mistake.")
    response = check(client, credential_text.encode(), language=language)
    assert verdict(response) == "revoked"
    assert says(response, language, REVOKED)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_key_we_never_published_is_an_unknown_issuer(
    client, certificate, settings, tmp_path, language
):
    published = settings.CREDENTIALS_KEY_DIR
    settings.CREDENTIALS_KEY_DIR = tmp_path / "a stranger's keys"
    keys.make_key()
    forged = download(client, certificate)
    settings.CREDENTIALS_KEY_DIR = published
    response = check(client, forged, language=language)
    assert verdict(response) == "unknown-issuer"
    assert says(response, language, UNKNOWN)


def test_another_sites_credential_is_an_unknown_issuer(client, certificate, settings):
    settings.PUBLIC_BASE_URL = "https://elsewhere.example"
    elsewhere = download(client, certificate)
    settings.PUBLIC_BASE_URL = ""
    assert verdict(check(client, elsewhere)) == "unknown-issuer"


def test_a_credential_from_before_a_key_rotation_stays_valid(client, credential_text):
    keys.make_key()
    assert verdict(check(client, credential_text.encode())) == "valid"


def no_chunk_png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"not json at all", "credential.json"),
        (b"[1, 2, 3]", "credential.json"),
        (json.dumps({"no": "proof"}).encode(), "credential.json"),
        (no_chunk_png(), "badge.png"),
        (b"\x89PNG\r\n\x1a\nbroken", "badge.png"),
        (baking.bake("not json"), "badge.png"),
    ],
)
def test_an_unreadable_upload_is_refused_with_a_reason(client, db, content, name):
    response = check(client, content, name)
    assert response.status_code == 400
    assert "holds no credential we can read" in response.content.decode()


def test_no_file_is_refused(client, db):
    response = client.post(reverse("verify_credential"), {})
    assert response.status_code == 400


def test_a_huge_file_is_refused(client, db):
    response = check(client, b" " * (1024 * 1024 + 1))
    assert response.status_code == 413


def corrupted(credential):
    """The credential with each field, and each field of its proof, replaced by a value of
    another shape."""
    odd_values = (None, 5, "x", [], {}, [1], {"a": 1}, "z", "z" + "1" * 90)
    for key in credential:
        for value in odd_values:
            yield {**credential, key: value}
    for key in credential["proof"]:
        for value in odd_values:
            yield {**credential, "proof": {**credential["proof"], key: value}}
    yield {**credential, "@context": ["https://example.org/a-context-we-hold-no-copy-of"]}


def test_no_corruption_passes_or_breaks_the_page(client, credential_text):
    for credential in corrupted(json.loads(credential_text)):
        response = check(client, json.dumps(credential).encode())
        assert response.status_code in (200, 400)
        if response.status_code == 200:
            assert verdict(response) in ("tampered", "unknown-issuer")


def test_the_form_is_shown_to_anyone(client, db):
    response = client.get(reverse("verify_credential"))
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()


def test_the_code_form_leads_to_the_upload(client, db):
    page = client.get(reverse("verify_certificate_form")).content.decode()
    assert reverse("verify_credential") in page
