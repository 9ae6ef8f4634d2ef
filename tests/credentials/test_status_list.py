"""The Bitstring Status List: public, signed, and a certificate's bit turns on when it is
revoked, replaced after a name correction or withdrawn with the holder's account."""

import base64
import gzip

from django.urls import reverse

from certificates.issuing import reissue, revoke
from credentials import keys, signing, status
from learners.privacy import delete_learner


def bit(client, certificate):
    number, index = status.position(certificate.pk)
    response = client.get(reverse("credentials_status_list", args=[number]))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    encoded = document["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 == status.LIST_LENGTH
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_the_list_is_a_signed_status_list_credential(client, certificate, issuer_key):
    document = client.get(reverse("credentials_status_list", args=[0])).json()
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["issuer"] == "http://testserver/credentials/issuer"
    assert document["credentialSubject"]["statusPurpose"] == "revocation"
    assert signing.proof_verifies(document, issuer_key)


def test_revoking_flips_the_certificates_bit_and_only_its(
    client, certificate, django_capture_on_commit_callbacks
):
    other = certificate.__class__.objects.create(
        course_key=certificate.course_key, full_name="Ana", language_code="en", path="police"
    )
    assert bit(client, certificate) is False
    with django_capture_on_commit_callbacks(execute=True):
        revoke(certificate, "Issued by mistake.")
    assert bit(client, certificate) is True
    assert bit(client, other) is False


def test_a_name_correction_revokes_the_old_credential_and_the_new_one_is_clear(
    client, certificate, django_capture_on_commit_callbacks
):
    assert bit(client, certificate) is False
    with django_capture_on_commit_callbacks(execute=True):
        replacement = reissue(certificate, "José Núñez")
    assert bit(client, certificate) is True
    assert bit(client, replacement) is False


def test_withdrawing_with_the_account_flips_the_bit(
    client, certificate, holder, django_capture_on_commit_callbacks
):
    assert bit(client, certificate) is False
    with django_capture_on_commit_callbacks(execute=True):
        delete_learner(holder)
    assert bit(client, certificate) is True


def test_the_list_costs_two_queries_and_is_kept_until_a_revocation(
    client, certificate, django_assert_max_num_queries
):
    url = reverse("credentials_status_list", args=[0])
    with django_assert_max_num_queries(2):
        client.get(url)
    with django_assert_max_num_queries(1):
        client.get(url)


def test_a_list_past_the_last_certificate_is_not_found(client, certificate):
    url = reverse("credentials_status_list", args=[1])
    assert client.get(url, follow=True).status_code == 404


def test_the_issuer_publishes_every_key_it_ever_signed_with(client, issuer_key):
    newer = keys.make_key()
    document = client.get(reverse("credentials_issuer")).json()
    assert [method["publicKeyMultibase"] for method in document["verificationMethod"]] == [
        issuer_key.multibase,
        newer.multibase,
    ]
    assert document["assertionMethod"] == [m["id"] for m in document["verificationMethod"]]
    assert all(m["controller"] == document["id"] for m in document["verificationMethod"])
