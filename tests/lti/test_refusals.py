"""Launches the tool must refuse: each gets the refusal page with a 4xx, and nothing is made
(no account, no link, no session) and nothing private is logged."""

import logging
import socket
import time

import pytest
from django.contrib.auth import get_user_model

from lti import tool_config
from lti.models import PlatformAccount

from .conftest import LEARNER, launch, start
from .platform import Platform


def nothing_was_created():
    assert not get_user_model().objects.exists()
    assert not PlatformAccount.objects.exists()


def assert_refused(response, client, caplog, status=403):
    assert response.status_code == status
    assert "This launch was refused" in response.content.decode()
    assert "_auth_user_id" not in client.session
    nothing_was_created()
    assert LEARNER["email"] not in caplog.text
    assert LEARNER["name"] not in caplog.text


def form(client, platform, **options):
    return platform.authorize(start(client, platform, LEARNER), LEARNER, **options)


def post(client, fields):
    return client.post(
        fields["launch_url"], {"state": fields["state"], "id_token": fields["id_token"]}
    )


@pytest.fixture(autouse=True)
def logs(caplog):
    caplog.set_level(logging.DEBUG)


def test_a_token_with_a_bad_signature_is_refused(client, registered, platform, caplog):
    fields = form(client, platform)
    header, body, signature = fields["id_token"].split(".")
    fields["id_token"] = ".".join([header, body, signature[::-1]])
    assert_refused(post(client, fields), client, caplog)


def test_a_token_signed_by_another_key_is_refused(client, registered, platform, caplog):
    fields = form(client, platform)
    with Platform() as impostor:
        impostor.registration.set_iss(platform.url)
        forged = impostor.authorize(start(client, platform, LEARNER), LEARNER)
    fields["id_token"] = forged["id_token"]
    assert_refused(post(client, fields), client, caplog)


def test_an_unknown_issuer_is_refused_at_login(client, db, platform, caplog):
    response = client.get(platform.login_url(LEARNER["sub"]))
    assert_refused(response, client, caplog, status=400)


def test_a_launch_from_an_issuer_unregistered_since_login_is_refused(
    client, registered, platform, caplog
):
    fields = form(client, platform)
    registered.delete()
    assert_refused(post(client, fields), client, caplog)


def test_an_unknown_deployment_is_refused(client, registered, platform, caplog):
    platform.registration.set_deployment_id("deployment-nobody-registered")
    assert_refused(launch(client, platform, LEARNER), client, caplog)


def test_a_replayed_launch_is_refused(client, registered, platform, caplog):
    fields = form(client, platform)
    assert post(client, fields).status_code == 302
    client.logout()
    get_user_model().objects.all().delete()

    assert_refused(post(client, fields), client, caplog)


def test_an_expired_token_is_refused(client, registered, platform, caplog):
    assert_refused(post(client, form(client, platform, expires_in=-60)), client, caplog)


def test_a_launch_without_a_token_is_refused(client, registered, caplog):
    assert_refused(client.post("/lti/launch/", {"state": "x"}), client, caplog)


def test_a_forged_state_is_refused(client, registered, platform, caplog):
    fields = form(client, platform)
    fields["state"] = "state-forged"
    assert_refused(post(client, fields), client, caplog)


def test_a_platform_whose_keys_never_come_is_refused_within_the_timeout(
    client, registered, platform, caplog, monkeypatch
):
    """A platform that accepts the connection and never answers: the launch gives up after the
    timeout instead of holding the request for good."""
    silent = socket.create_server(("127.0.0.1", 0))  # listens, never reads, never answers
    registered.key_set_url = f"http://127.0.0.1:{silent.getsockname()[1]}/jwks"
    registered.save()
    monkeypatch.setattr(tool_config, "PLATFORM_TIMEOUT", 0.5)
    fields = form(client, platform)

    started = time.monotonic()
    with silent:
        response = post(client, fields)

    assert time.monotonic() - started < 5
    assert_refused(response, client, caplog)
