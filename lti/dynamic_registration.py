"""LTI Advantage Dynamic Registration (IMS LTI-DR 1.0): an administrator pastes the tool's
registration URL into the platform; the tool reads the platform's OpenID configuration,
registers itself at the platform's registration endpoint and records the platform.

The registration URL carries a signed, dated token (``manage.py lti_registration_url``), so
only someone the site's team gave it to can register a platform."""

from urllib.parse import urlsplit

import requests
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from modules.addresses import public_base_url

from .models import Platform

SALT = "lti.dynamic-registration"
VALID_FOR = 7 * 24 * 3600
TIMEOUT = 10
PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
SCOPES = [
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
    "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
]
REQUIRED = ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"]


class RegistrationRefused(Exception):
    """The platform's configuration or answer cannot be used (says why, in English, for the
    log; the page shown says only that it failed)."""


def registration_url(request=None):
    token = signing.TimestampSigner(salt=SALT).sign("register")
    return public_base_url(request) + reverse("lti_register", args=[token])


def token_is_valid(token):
    try:
        signing.TimestampSigner(salt=SALT).unsign(token, max_age=VALID_FOR)
    except signing.BadSignature:
        return False
    return True


def tool_urls(request=None):
    base = public_base_url(request)
    return {name: base + reverse(f"lti_{name}") for name in ("login", "launch", "jwks")}


def client_metadata(name, urls):
    """What the tool asks the platform to register (LTI-DR 1.0, section 3.5.2)."""
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": urls["login"],
        "redirect_uris": [urls["launch"]],
        "client_name": name,
        "jwks_uri": urls["jwks"],
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join(SCOPES),
        TOOL_CONFIGURATION: {
            "domain": urlsplit(urls["launch"]).netloc,
            "target_link_uri": urls["launch"],
            "claims": ["iss", "sub", "name", "given_name", "family_name", "email", "locale"],
            "messages": [
                {"type": "LtiDeepLinkingRequest", "target_link_uri": urls["launch"]},
                {"type": "LtiResourceLinkRequest", "target_link_uri": urls["launch"]},
            ],
        },
    }


def fetch_json(method, url, **kwargs):
    try:
        response = requests.request(method, url, timeout=TIMEOUT, **kwargs)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        raise RegistrationRefused(f"{method} {url}: {error}") from error


def platform_configuration(url):
    """The platform's OpenID configuration, checked: its issuer on the same host as the address
    it was read from, and every endpoint the tool needs."""
    configuration = fetch_json("GET", url)
    if not isinstance(configuration, dict):
        raise RegistrationRefused("The configuration is not a JSON object")
    missing = [key for key in [*REQUIRED, "registration_endpoint"] if not configuration.get(key)]
    if missing:
        raise RegistrationRefused(f"The configuration lacks {', '.join(missing)}")
    if urlsplit(configuration["issuer"]).netloc != urlsplit(url).netloc:
        raise RegistrationRefused("The issuer is not on the configuration's host")
    return configuration


def register(openid_configuration, registration_token, name, urls):
    """Register the tool in the platform and record the platform; returns the ``Platform``."""
    configuration = platform_configuration(openid_configuration)
    headers = {"Authorization": f"Bearer {registration_token}"} if registration_token else {}
    answer = fetch_json(
        "POST",
        configuration["registration_endpoint"],
        json=client_metadata(name, urls),
        headers=headers,
    )
    if not isinstance(answer, dict) or not answer.get("client_id"):
        raise RegistrationRefused("The platform's answer names no client_id")
    deployment = (answer.get(TOOL_CONFIGURATION) or {}).get("deployment_id", "")
    product = (configuration.get(PLATFORM_CONFIGURATION) or {}).get("product_family_code", "")
    platform = Platform.objects.filter(
        issuer=configuration["issuer"], client_id=answer["client_id"]
    ).first() or Platform(issuer=configuration["issuer"], client_id=str(answer["client_id"]))
    deployments = set(platform.deployments()) if platform.pk else set()
    platform.name = platform.name or f"{product or 'LTI'} · {urlsplit(platform.issuer).netloc}"
    platform.deployment_ids = "\n".join(sorted(deployments | {str(deployment)} - {""}))
    platform.auth_login_url = configuration["authorization_endpoint"]
    platform.auth_token_url = configuration["token_endpoint"]
    platform.key_set_url = configuration["jwks_uri"]
    platform.audience = configuration.get("authorization_server", "")
    try:
        platform.full_clean()
    except ValidationError as error:
        raise RegistrationRefused(f"The platform's details do not fit: {error}") from error
    with transaction.atomic():
        platform.save()
    return platform
