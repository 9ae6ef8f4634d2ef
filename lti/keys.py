"""The tool's signing key: a PEM file outside the database (settings.LTI_TOOL_KEY_FILE), made
by ``manage.py lti_tool_key``. Platforms read its public half from the tool's JWKS."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from jwcrypto.jwk import JWK
from pylti1p3.registration import Registration


def key_file():
    return Path(settings.LTI_TOOL_KEY_FILE)


def generate(path):
    """Write a new 2048-bit RSA key to ``path``, readable by its owner only."""
    pem = JWK.generate(kty="RSA", size=2048).export_to_pem(private_key=True, password=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_bytes(pem)
    read_key.cache_clear()


@cache
def read_key(path):
    """``(private PEM, public PEM)`` of the key in ``path``."""
    try:
        private = path.read_bytes()
    except FileNotFoundError as error:
        raise ImproperlyConfigured(
            f"No LTI tool key at {path}: run `manage.py lti_tool_key` first."
        ) from error
    public = JWK.from_pem(private).export_to_pem()
    return private.decode(), public.decode()


def tool_keys():
    return read_key(key_file())


def jwks():
    """The public keyset platforms check the tool's signatures against."""
    _private, public = tool_keys()
    return {"keys": [Registration.get_jwk(public)]}
