"""What the holder downloads from the certificate page: the credential as JSON and baked into
the badge image, in the language asked for."""

import hashlib
import json

import pytest
import time_machine
from django.urls import reverse

from certificates.issuing import reissue, revoke
from credentials import baking
from credentials.jsonld import OB_V3, VC_V2
from learners.factories import LearnerProfileFactory
from modules.models import CoursePage

from .conftest import download


def test_the_credential_is_an_open_badge_with_its_achievement_in_the_holders_language(
    client, certificate
):
    credential = json.loads(download(client, certificate))
    assert credential["@context"] == [VC_V2, OB_V3]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["inLanguage"] == "es"
    assert achievement["image"]["id"] == "http://testserver/credentials/badge.png"
    assert "1,5" in achievement["criteria"]["narrative"]  # 90 minutes, in Spanish figures
    assert credential["issuer"]["id"] == "http://testserver/credentials/issuer"
    assert credential["validFrom"] == certificate.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusListIndex"] == str(certificate.pk)
    proof = credential["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"


def test_another_language_can_be_asked_for(client, certificate):
    achievement = json.loads(download(client, certificate, language="fr"))["credentialSubject"][
        "achievement"
    ]
    assert achievement["inLanguage"] == "fr"
    # The course is published in English only: that is the other edition it names.
    assert [edition["inLanguage"] for edition in achievement["related"]] == ["en"]


def test_a_language_we_do_not_write_in_is_refused(client, certificate):
    url = reverse("credential_json", args=[certificate.code])
    response = client.get(url, {"language": "de"})
    assert response.status_code == 400


def test_the_recipient_is_named_and_identified_without_the_e_mail(client, certificate, holder):
    text = download(client, certificate).decode()
    assert holder.email not in text
    assert "jose.nunez" not in text
    identifiers = json.loads(text)["credentialSubject"]["identifier"]
    hashed = next(item for item in identifiers if item["identityType"] == "emailAddress")
    assert hashed["hashed"] is True
    expected = hashlib.sha256((holder.email + hashed["salt"]).encode()).hexdigest()
    assert hashed["identityHash"] == f"sha256${expected}"
    named = next(item for item in identifiers if item["identityType"] == "name")
    assert named == {
        "type": "IdentityObject",
        "identityHash": "José Ñúñez",
        "identityType": "name",
        "hashed": False,
    }


def test_the_baked_badge_carries_the_identical_credential(client, certificate):
    with time_machine.travel("2026-12-01 10:00:00 +0000", tick=False):
        text = download(client, certificate).decode()
        png = download(client, certificate, "credential_png")
    assert png.startswith(b"\x89PNG")
    assert json.loads(baking.unbake(png)) == json.loads(text)


def test_baking_keeps_every_character(certificate, client):
    text = download(client, certificate).decode()
    assert baking.unbake(baking.bake(text)) == text


def test_only_the_holder_downloads_and_only_a_valid_certificate(client, certificate):
    url = reverse("credential_json", args=[certificate.code])
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(LearnerProfileFactory().user)
    assert client.get(url).status_code == 404


def test_a_revoked_certificate_offers_no_credential(client, certificate):
    revoke(certificate, "Issued by mistake.")
    assert client.get(reverse("credential_json", args=[certificate.code])).status_code == 404
    page = client.get(reverse("certificate", args=[certificate.code])).content.decode()
    assert "credential.json" not in page


def test_the_certificate_page_links_the_downloads_and_linkedin(client, certificate):
    page = client.get(reverse("certificate", args=[certificate.code])).content.decode()
    assert "/credential.json?language=en" in page
    assert "/badge.png?language=en" in page
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in page
    assert f"certId={certificate.grouped_code.replace(' ', '+')}" in page


@pytest.mark.parametrize("kind", ["credential_json", "credential_png"])
def test_without_an_issuer_key_downloads_wait(client, certificate, settings, tmp_path, kind):
    settings.CREDENTIALS_KEY_DIR = tmp_path / "none"
    response = client.get(reverse(kind, args=[certificate.code]))
    assert response.status_code == 503


def test_each_language_edition_speaks_its_language_and_names_the_others(
    client, certificate, translate_tree
):
    course = CoursePage.objects.get(translation_key=certificate.course_key)
    translate_tree(course, "es")
    english = json.loads(download(client, certificate, language="en"))
    spanish = json.loads(download(client, certificate, language="es"))
    achievement = spanish["credentialSubject"]["achievement"]
    assert achievement["name"] == f"{course.certificate_title} [es]"
    assert spanish["name"] == achievement["name"]
    assert [edition["inLanguage"] for edition in achievement["related"]] == ["en"]
    assert achievement["related"][0]["id"] == english["credentialSubject"]["achievement"]["id"]
    assert english["credentialSubject"]["achievement"]["related"][0]["id"] == achievement["id"]


def test_a_name_correction_issues_a_new_credential_with_the_corrected_name(client, certificate):
    replacement = reissue(certificate, "José Núñez")
    credential = json.loads(download(client, replacement))
    names = [
        item["identityHash"]
        for item in credential["credentialSubject"]["identifier"]
        if item["identityType"] == "name"
    ]
    assert names == ["José Núñez"]
    assert credential["credentialStatus"]["statusListIndex"] == str(replacement.pk)
    assert client.get(reverse("credential_json", args=[certificate.code])).status_code == 404
