"""What the verification page says of an uploaded credential: valid, revoked, tampered with,
or not issued by us. The upload is read whole before anything is decided, and nothing is saved."""

import json
from dataclasses import dataclass
from enum import StrEnum

from django.utils.dateparse import parse_datetime
from pyld.jsonld import JsonLdError

from certificates.models import Certificate

from . import addresses, keys, signing, status
from .baking import NotABadge, unbake

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Verdict(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    TAMPERED = "tampered"
    UNKNOWN_ISSUER = "unknown-issuer"


class UnreadableUpload(ValueError):
    """Neither a credential's JSON nor a PNG with one baked in."""


@dataclass
class Result:
    verdict: Verdict
    credential: dict

    @property
    def name(self):
        identifiers = self.credential.get("credentialSubject", {}).get("identifier", [])
        return next(
            (
                item.get("identityHash")
                for item in identifiers
                if isinstance(item, dict) and item.get("identityType") == "name"
            ),
            "",
        )

    @property
    def achievement(self):
        return self.credential.get("credentialSubject", {}).get("achievement", {}).get("name", "")

    @property
    def issuer(self):
        issuer = self.credential.get("issuer")
        return issuer.get("name", "") if isinstance(issuer, dict) else ""

    @property
    def valid_from(self):
        """The date of issue, as a datetime for the template to write in the reader's way."""
        value = self.credential.get("validFrom")
        return parse_datetime(value) if isinstance(value, str) else None


def read_upload(data):
    """The credential in an uploaded file: JSON, or a baked PNG."""
    if data.startswith(PNG_SIGNATURE):
        try:
            data = unbake(data).encode()
        except NotABadge as error:
            raise UnreadableUpload(str(error)) from error
    try:
        credential = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableUpload(str(error)) from error
    if not isinstance(credential, dict) or not isinstance(credential.get("proof"), dict):
        raise UnreadableUpload("no proof")
    return credential


def _issuer_id(credential):
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def verify(credential, request=None):
    """The verdict on a credential read by ``read_upload``."""
    ours = addresses.issuer_id(request)
    method = credential["proof"].get("verificationMethod")
    controller, _, fragment = method.partition("#") if isinstance(method, str) else ("", "", "")
    public_key = keys.public_key(fragment) if controller == ours else None
    if _issuer_id(credential) != ours or public_key is None:
        return Result(Verdict.UNKNOWN_ISSUER, credential)
    try:
        genuine = signing.proof_verifies(credential, public_key)
    except (JsonLdError, ValueError, TypeError, KeyError, AttributeError):
        # Not JSON-LD we can canonicalise (a context we hold no copy of, a relative IRI…):
        # whatever it was, it is not what we signed.
        genuine = False
    if not genuine:
        return Result(Verdict.TAMPERED, credential)
    entry = credential.get("credentialStatus", {})
    number = entry.get("statusListCredential", "").rpartition("/")[2] or "x"
    index = entry.get("statusListIndex", "x")
    certificate = None
    if number.isdigit() and index.isdigit():
        pk = status.certificate_pk(int(number), int(index))
        certificate = Certificate.objects.filter(pk=pk).first()
    if certificate is None or certificate.is_revoked:
        return Result(Verdict.REVOKED, credential)
    return Result(Verdict.VALID, credential)
