"""The issuer's Ed25519 keys, kept as files outside the database (``CREDENTIALS_KEY_DIR``).

The folder holds one private key, the current one, and the public half of every key ever used:
rotating makes a new current key and deletes the old private one, while its public half stays
published, so credentials signed before still verify. Files are named by creation time, so the
newest private key is the current one.
"""

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

# The multicodec prefix of an Ed25519 public key, as Multikey's publicKeyMultibase carries it.
ED25519_PUB = b"\xed\x01"
PRIVATE_SUFFIX = ".key.pem"
PUBLIC_SUFFIX = ".pub.pem"


class NoIssuerKey(RuntimeError):
    """No key was generated yet: ``manage.py issuer_key`` makes one."""


@dataclass(frozen=True)
class PublicKey:
    key: Ed25519PublicKey

    @property
    def multibase(self):
        raw = self.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return "z" + base58.b58encode(ED25519_PUB + raw).decode()

    def verifies(self, signature, data):
        try:
            self.key.verify(signature, data)
        except Exception:  # cryptography raises InvalidSignature; a malformed one, ValueError
            return False
        return True


def folder():
    return Path(settings.CREDENTIALS_KEY_DIR)


def _sorted(suffix):
    return sorted(folder().glob("*" + suffix)) if folder().is_dir() else []


def current_private_key():
    keys = _sorted(PRIVATE_SUFFIX)
    if not keys:
        raise NoIssuerKey(str(folder()))
    return serialization.load_pem_private_key(keys[-1].read_bytes(), password=None)


def current_public_key():
    return PublicKey(current_private_key().public_key())


def published_keys():
    """Every key's public half, oldest first."""
    return [
        PublicKey(serialization.load_pem_public_key(path.read_bytes()))
        for path in _sorted(PUBLIC_SUFFIX)
    ]


def public_key(multibase):
    return next((key for key in published_keys() if key.multibase == multibase), None)


def make_key():
    """A new current key; the previous private key is deleted, its public half kept."""
    previous = _sorted(PRIVATE_SUFFIX)
    folder().mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    key = Ed25519PrivateKey.generate()
    private = folder() / (stamp + PRIVATE_SUFFIX)
    descriptor = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    (folder() / (stamp + PUBLIC_SUFFIX)).write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    for path in previous:
        path.unlink()
    return PublicKey(key.public_key())


def has_key():
    return bool(_sorted(PRIVATE_SUFFIX))
