import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from learners.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "sign_in"),
    [("en", "Sign In"), ("es", "Iniciar sesión"), ("pt", "Entrar"), ("fr", "Connexion")],
)
def test_the_log_in_page_speaks_the_language_of_the_url(client, language, sign_in):
    html = client.get(f"/{language}/accounts/login/").content.decode()

    assert f'<html lang="{language}">' in html
    assert sign_in in html


def test_the_verification_email_is_written_in_the_language_of_the_sign_up(client, mailoutbox):
    client.post(
        "/es/accounts/signup/",
        {
            "email": "nueva@example.com",
            "password1": "Quiet-river-42!",
            "password2": "Quiet-river-42!",
        },
    )

    assert len(mailoutbox) == 1
    assert "/es/accounts/confirm-email/" in mailoutbox[0].body
    assert mailoutbox[0].subject == "Por favor, confirme su dirección de correo electrónico"


def test_after_five_failed_log_ins_even_the_right_password_is_refused_for_a_while(client):
    cache.clear()
    learner = LearnerProfileFactory().user
    for _ in range(5):
        client.post(reverse("account_login"), {"login": learner.email, "password": "wrong"})

    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": "a-long-test-password"}
    )

    assert response.status_code in {200, 429}
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_password_reset_is_sent_in_the_language_of_the_request(client, mailoutbox):
    learner = LearnerProfileFactory().user

    client.post("/fr/accounts/password/reset/", {"email": learner.email})

    assert len(mailoutbox) == 1
    assert "/fr/accounts/password/reset/key/" in mailoutbox[0].body
    assert "mot de passe" in mailoutbox[0].body


def test_a_learner_can_change_their_password(client):
    learner = LearnerProfileFactory().user
    client.force_login(learner)

    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "a-long-test-password",
            "password1": "New-river-43!",
            "password2": "New-river-43!",
        },
    )

    learner.refresh_from_db()
    assert learner.check_password("New-river-43!")


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_one_client_s_failed_log_ins_throttle_that_client_only(client):
    cache.clear()
    learner = LearnerProfileFactory().user
    abuser = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    colleague = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.23"}
    for number in range(10):
        client.post(
            reverse("account_login"),
            {"login": f"made-up-{number}@example.org", "password": "wrong"},
            **abuser,
        )

    throttled = client.post(
        reverse("account_login"), {"login": "another@example.org", "password": "x"}, **abuser
    )
    other = Client().post(
        reverse("account_login"),
        {"login": learner.email, "password": "a-long-test-password"},
        **colleague,
    )

    assert throttled.status_code in {200, 429}
    assert "Too many failed login attempts" in throttled.content.decode()
    assert other.status_code == 302


@pytest.mark.parametrize(
    "language, greeting, site_name, open_the_link",
    [
        ("en", "Hello nueva@example.com,", "CIP e-course", "open this link"),
        ("es", "Hola, nueva@example.com:", "Curso virtual", "abra este enlace"),
        ("pt", "Olá, nueva@example.com,", "Curso on-line", "abra este link"),
        ("fr", "Bonjour nueva@example.com,", "Cours en ligne", "ouvrez ce lien"),
    ],
)
def test_the_confirmation_greets_by_address_names_the_site_and_keeps_the_sites_register(
    client, mailoutbox, language, greeting, site_name, open_the_link
):
    client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "nueva@example.com",
            "password1": "Quiet-river-42!",
            "password2": "Quiet-river-42!",
        },
    )

    body = mailoutbox[0].body
    first_line = body.strip().splitlines()[0]
    assert first_line == greeting
    assert site_name in body and open_the_link in body
    assert "testserver!" not in body and "Hello from" not in body
    username = get_user_model().objects.get(email="nueva@example.com").username
    assert username not in body.replace("nueva@example.com", "")


def test_the_log_in_message_names_the_learner_by_their_address(client):
    learner = LearnerProfileFactory().user
    response = client.post(
        reverse("account_login"),
        {"login": learner.email, "password": "a-long-test-password"},
        follow=True,
    )

    shown = [str(message) for message in response.context["messages"]]
    assert any(learner.email in message for message in shown)
    assert not any(learner.username in message.replace(learner.email, "") for message in shown)


def test_the_admin_asks_no_other_host_for_avatars_or_releases(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
