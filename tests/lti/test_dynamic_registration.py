"""An administrator pastes the tool's registration URL into the platform: the tool registers
itself and the platform can launch it at once."""

import datetime

from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from lti.dynamic_registration import registration_url
from lti.models import Platform

from .conftest import LEARNER, launch

TOOL = "https://purl.imsglobal.org/spec/lti-tool-configuration"


def opened_by(platform, url, token="one-time-token"):
    """The platform opens the pasted URL with its configuration's address and a token."""
    return {
        "openid_configuration": f"{platform.url}/.well-known/openid-configuration",
        "registration_token": token,
    }


def test_a_pasted_url_registers_the_platform_which_can_then_launch(
    client, db, platform, path_course
):
    url = registration_url()
    response = client.get(url, opened_by(platform, url))

    assert response.status_code == 200
    assert "lti/registered" in response.content.decode()
    assert "X-Frame-Options" not in response
    assert f"frame-ancestors 'self' {platform.url}" in response["Content-Security-Policy"]
    registered = Platform.objects.get()
    assert (registered.issuer, registered.client_id, registered.deployments()) == (
        platform.url,
        "ecourse-tool",
        ["deployment-1"],
    )
    assert registered.key_set_url == f"{platform.url}/jwks"
    [metadata] = platform.tool_registrations
    assert metadata["initiate_login_uri"] == "http://testserver/lti/login/"
    assert metadata["jwks_uri"] == "http://testserver/lti/jwks/"
    assert metadata[TOOL]["messages"][0]["type"] == "LtiDeepLinkingRequest"
    resource = {"resource": str(path_course.translation_key)}
    assert launch(client, platform, LEARNER, resource=resource)["Location"] == path_course.url


def test_registering_again_keeps_one_platform(client, db, platform):
    url = registration_url()
    client.get(url, opened_by(platform, url))
    client.get(url, opened_by(platform, url))
    assert Platform.objects.count() == 1


def test_a_url_without_the_tool_s_signature_is_refused(client, db, platform):
    forged = registration_url().replace("/register/", "/register/x")
    response = client.get(forged, opened_by(platform, forged))
    assert response.status_code == 403
    assert not Platform.objects.exists() and not platform.tool_registrations


def test_an_expired_url_is_refused(client, db, platform, time_machine):
    time_machine.move_to(timezone.now() - datetime.timedelta(days=8), tick=False)
    url = registration_url()
    time_machine.move_to(timezone.now() + datetime.timedelta(days=8), tick=False)
    assert client.get(url, opened_by(platform, url)).status_code == 403
    assert not Platform.objects.exists()


def test_a_platform_that_refuses_the_token_leaves_nothing(client, db, platform):
    url = registration_url()
    response = client.get(url, opened_by(platform, url, token="wrong"))
    assert response.status_code == 400
    assert not Platform.objects.exists()


def test_a_configuration_on_another_host_is_refused(client, db, platform):
    url = registration_url()
    other = {"openid_configuration": "http://localhost:1/.well-known/openid-configuration"}
    assert client.get(url, other).status_code == 400
    assert client.get(url).status_code == 400
    assert not Platform.objects.exists()


def test_the_command_prints_a_url_the_tool_accepts(capsys, db):
    call_command("lti_registration_url")
    url = capsys.readouterr().out.splitlines()[0]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert signing.TimestampSigner(salt="lti.dynamic-registration").unsign(token) == "register"
