"""Revocation as a Bitstring Status List (W3C, 2025): each certificate owns one bit, at its own
primary key, in lists of 131 072 bits (16 KB, the size the specification asks for, so a list
shows no one which credential is being checked). The list is drawn from the certificates' rows
every time: a revoked or withdrawn certificate's bit is 1.

The signed list is kept in the cache until a certificate in it is revoked
(``receivers.py`` hears ``certificates.signals.certificate_revoked``)."""

import base64
import gzip
from datetime import UTC, datetime

from django.core.cache import cache

from certificates.models import Certificate

from . import addresses, keys, signing
from .jsonld import VC_V2

LIST_LENGTH = 131_072
PURPOSE = "revocation"
KEPT_FOR = 24 * 60 * 60


def position(certificate_pk):
    """(list number, index in it)."""
    return divmod(certificate_pk, LIST_LENGTH)


def certificate_pk(number, index):
    return number * LIST_LENGTH + index


def entry(certificate, request=None):
    """The ``credentialStatus`` of a certificate's credential."""
    number, index = position(certificate.pk)
    url = addresses.status_list_url(number, request)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def encoded_list(number):
    """The list's bits, first bit the most significant of the first byte, gzipped and in
    base64url with the multibase prefix ``u``."""
    bits = bytearray(LIST_LENGTH // 8)
    first = certificate_pk(number, 0)
    revoked = Certificate.objects.filter(
        pk__gte=first, pk__lt=first + LIST_LENGTH, revoked_at__isnull=False
    ).values_list("pk", flat=True)
    for pk in revoked:
        index = pk - first
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def _cache_key(number):
    return f"credentials:status:{number}"


def status_list_credential(number, request=None):
    """The signed BitstringStatusListCredential for list ``number``."""
    issuer = addresses.issuer_id(request)
    kept_issuer, signed = cache.get(_cache_key(number)) or (None, None)
    if kept_issuer != issuer:
        url = addresses.status_list_url(number, request)
        document = {
            "@context": [VC_V2],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": issuer,
            "validFrom": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "credentialSubject": {
                "id": f"{url}#list",
                "type": "BitstringStatusList",
                "statusPurpose": PURPOSE,
                "encodedList": encoded_list(number),
            },
        }
        method = addresses.verification_method(keys.current_public_key(), request)
        signed = signing.sign(document, method)
        cache.set(_cache_key(number), (issuer, signed), KEPT_FOR)
    return signed


def forget(certificate_pks):
    """Drop the signed lists holding these certificates, so the next reader gets fresh bits."""
    for number in {position(pk)[0] for pk in certificate_pks}:
        cache.delete(_cache_key(number))
