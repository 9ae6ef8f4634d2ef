"""Hardening that spans the apps: the CSP, hostile text in every field a learner can fill in or
put in a URL, and certificate codes nobody can guess. The deployment check is pinned in
tests/test_settings.py, log-in throttling in tests/learners/test_accounts.py."""

import os

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from certificates.models import Certificate
from learners.factories import LearnerProfileFactory, UserFactory
from learners.models import LearnerProfile
from quizzes.models import QuizAttempt
from tests.certificates.helpers import complete_course

pytestmark = pytest.mark.django_db


# Text a name may hold (and must then be escaped), and text the profile refuses.
ATTRIBUTE_BREAKERS = [
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
REFUSED = [
    "Ana\u202eRuiz",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    '"><iframe src="javascript:alert(1)">',
    "{{ request.user.password }}",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction"}


def assert_no_injected_markup(html):
    """Nothing in the page runs script: no script element, no on* attribute, no javascript: URL."""
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"<{element.name} {name}=…> in the page"
            if name in URL_ATTRIBUTES:
                assert not value.strip().lower().startswith("javascript:"), f"{name}={value!r}"
    assert soup.find("iframe") is None


def test_public_pages_carry_a_content_security_policy_without_unsafe_inline(client, build_course):
    course = build_course(modules=1, lessons=1)
    for address in ["/en/", course.url, reverse("account_login"), "/en/no-such-page/"]:
        policy = client.get(address)["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "object-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("payload", REFUSED)
@pytest.mark.parametrize("field", ["full_name", "organisation"])
def test_markup_in_the_profile_is_refused_and_not_echoed(client, field, payload):
    client.force_login(UserFactory())
    data = {"full_name": "Ana", "role": "other", "preferred_language": "en", field: payload}

    response = client.post(reverse("profile"), data)

    assert response.status_code == 200
    assert_no_injected_markup(response.content.decode())
    assert not LearnerProfile.objects.exists()


@pytest.mark.parametrize("payload", ATTRIBUTE_BREAKERS)
def test_hostile_names_are_stored_as_text_and_escaped_wherever_they_are_shown(
    client, build_course, payload
):
    user = UserFactory()
    client.force_login(user)
    profile = {"role": "other", "preferred_language": "en"}
    response = client.post(
        reverse("profile"), profile | {"full_name": payload, "organisation": payload}
    )
    assert response.status_code == 302
    course = build_course(modules=1, lessons=1, quiz=True)
    complete_course(client, course)
    certificate = Certificate.objects.get(user=user)
    assert certificate.full_name == payload

    pages = [
        reverse("profile"),
        reverse("dashboard"),
        course.url,
        reverse("certificate", args=[certificate.code]),
        reverse("verify_certificate", args=[certificate.code]),
    ]
    for address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        assert_no_injected_markup(response.content.decode())


@pytest.mark.parametrize("payload", REFUSED + ATTRIBUTE_BREAKERS)
def test_hostile_text_in_addresses_and_search_boxes_is_never_reflected_as_markup(client, payload):
    requests = [
        (reverse("search"), {"query": payload}),
        (reverse("verify_certificate_form"), {"code": payload}),
        (reverse("account_login"), {"next": payload}),
        ("/en/", {"untranslated": payload}),
    ]
    for address, query in requests:
        response = client.get(address, query)
        assert response.status_code < 500, address
        assert_no_injected_markup(response.content.decode())
    response = client.post(reverse("account_login"), {"login": payload, "password": "x"})
    assert_no_injected_markup(response.content.decode())
    response = client.get(reverse("verify_certificate", args=[payload.replace("/", "")]))
    assert response.status_code in {302, 404}
    assert_no_injected_markup(response.content.decode())


def test_certificate_codes_cannot_be_guessed_from_one_another(client, build_course):
    course = build_course(modules=1, lessons=1, quiz=True)
    codes = []
    for _ in range(3):
        client.force_login(LearnerProfileFactory().user)
        complete_course(client, course)
    codes = sorted(Certificate.objects.values_list("code", flat=True))

    assert len(set(codes)) == 3
    assert all(len(code) == 28 for code in codes)
    for code in codes:
        neighbour = code[:-1] + ("1" if code[-1] != "1" else "2")
        assert client.get(reverse("verify_certificate", args=[neighbour])).status_code == 404
    shared_prefix = os.path.commonprefix(codes)
    assert len(shared_prefix) < 4, "codes issued one after another share a prefix"


def test_every_page_of_one_person_s_data_is_private_and_never_stored(client, build_course):
    course = build_course(modules=1, lessons=1, quiz=True)
    client.force_login(LearnerProfileFactory().user)
    complete_course(client, course)
    attempt = QuizAttempt.objects.get()
    certificate = Certificate.objects.get()
    pages = {
        "dashboard": client.get(reverse("dashboard")),
        "profile": client.get(reverse("profile")),
        "data export": client.get(reverse("download_data")),
        "account deletion": client.get(reverse("delete_account")),
        "quiz result": client.get(reverse("quiz_attempt", args=[attempt.pk])),
        "quiz submission": client.post(reverse("quiz_submit", args=[attempt.pk])),
        "certificate": client.get(reverse("certificate", args=[certificate.code])),
        "certificate PDF": client.get(reverse("certificate_pdf", args=[certificate.code])),
    }

    for name, response in pages.items():
        assert response.status_code in {200, 409}, name  # a second submission is a 409
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, name


def test_the_favicon_is_the_sites_own_mark(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
