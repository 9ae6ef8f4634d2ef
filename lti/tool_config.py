"""pylti1p3's view of the registered platforms: registrations and deployments from the
``Platform`` rows, the tool's key from its file, one-time nonces in the cache."""

import requests
from pylti1p3.contrib.django import DjangoCacheDataStorage
from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from . import keys
from .models import Platform

PLATFORM_TIMEOUT = 10  # seconds for any call to a platform: its keys, tokens, grades, class list


class PlatformSession(requests.Session):
    """HTTP to a platform with a timeout. pylti1p3 calls without one, so a platform that
    accepts the connection and never answers would hold the request (or the worker) for good."""

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", PLATFORM_TIMEOUT)
        return super().request(method, url, **kwargs)


def find_platform(iss, client_id=None):
    """The platform registered for ``iss`` (and ``client_id`` when the message names one)."""
    platforms = Platform.objects.filter(issuer=iss)
    if client_id:
        platforms = platforms.filter(client_id=client_id)
    found = list(platforms[:2])
    return found[0] if len(found) == 1 else None


def registration(platform):
    private, public = keys.tool_keys()
    return (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_login_url(platform.auth_login_url)
        .set_auth_token_url(platform.auth_token_url)
        .set_auth_audience(platform.audience or None)
        .set_key_set_url(platform.key_set_url)
        .set_tool_private_key(private)
        .set_tool_public_key(public)
    )


class PlatformsConfig(ToolConfAbstract):
    """Every issuer may hold several client IDs (one per registration)."""

    def check_iss_has_one_client(self, iss):
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        return self.find_registration_by_params(iss, None)

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = find_platform(iss, client_id)
        return registration(platform) if platform else None

    def find_deployment(self, iss, deployment_id):
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        platform = find_platform(iss, client_id)
        if platform is None or deployment_id not in platform.deployments():
            return None
        return Deployment().set_deployment_id(deployment_id)


class OneTimeNonceStorage(DjangoCacheDataStorage):
    """pylti1p3 only checks that a nonce was issued; here checking it also spends it, so a
    replayed id_token is refused. (The cache's delete says whether the key was there, in one
    step, so two replays racing cannot both pass.)"""

    def check_value(self, key):
        if key.startswith("lti1p3-nonce-"):
            return bool(self._get_cache().delete(self._prepare_key(key)))
        return super().check_value(key)
