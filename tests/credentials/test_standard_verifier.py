"""The credential passes Digital Bazaar's verifier (@digitalbazaar/vc with the eddsa-rdfc-2022
cryptosuite and the Bitstring Status List checker), which fetches our issuer document and status
list from a live test server, exactly as a wallet or an employer's verifier would."""

import pytest

from certificates.issuing import revoke
from credentials import keys

from .conftest import download, run_verifier

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_address(settings, live_server):
    settings.PUBLIC_BASE_URL = live_server.url
    return live_server.url


def test_an_issued_credential_verifies(client, certificate, site_address, tmp_path):
    report = run_verifier(site_address, download(client, certificate).decode(), tmp_path)
    assert report == {"verified": True, "revoked": False, "errors": []}


def test_one_changed_character_fails_verification(client, certificate, site_address, tmp_path):
    text = download(client, certificate).decode()
    assert text.count("José Ñúñez") == 1
    report = run_verifier(site_address, text.replace("José Ñúñez", "Josá Ñúñez"), tmp_path)
    assert report["verified"] is False
    assert any("Invalid signature" in error for error in report["errors"])


def test_a_revoked_credential_fails_once_revoked(client, certificate, site_address, tmp_path):
    text = download(client, certificate).decode()
    assert run_verifier(site_address, text, tmp_path)["revoked"] is False
    revoke(certificate, "Issued by mistake.")
    report = run_verifier(site_address, text, tmp_path)
    assert report["verified"] is True  # still our signature…
    assert report["revoked"] is True  # …but its bit is set in the list fetched again


def test_a_credential_signed_before_a_key_rotation_still_verifies(
    client, certificate, site_address, tmp_path
):
    before = download(client, certificate).decode()
    keys.make_key()
    after = download(client, certificate).decode()
    assert before != after
    for text in (before, after):
        assert run_verifier(site_address, text, tmp_path) == {
            "verified": True,
            "revoked": False,
            "errors": [],
        }
