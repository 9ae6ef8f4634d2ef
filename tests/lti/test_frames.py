"""Inside the platform's iframe: an LTI session's cookies travel cross-site and the platform may
frame the site; every other session keeps the site's defaults."""

from django.conf import settings

from .conftest import LEARNER

RESOURCE = "resource"


def secure_launch(client, platform, course):
    response = client.get(platform.login_url(LEARNER["sub"]), secure=True)
    fields = platform.authorize(
        response["Location"], LEARNER, resource={RESOURCE: str(course.translation_key)}
    )
    return client.post(
        fields["launch_url"],
        {"state": fields["state"], "id_token": fields["id_token"]},
        secure=True,
    )


def test_an_lti_session_over_https_works_in_a_frame(client, registered, platform, path_course):
    response = secure_launch(client, platform, path_course)

    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie["samesite"], cookie["secure"]) == ("None", True)
    page = client.get(response["Location"], secure=True)
    assert "X-Frame-Options" not in page
    assert f"frame-ancestors 'self' {platform.url}" in page["Content-Security-Policy"]


def test_other_sessions_keep_the_site_s_defaults(client, path_course, learner):
    page = client.get(path_course.url, secure=True)
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self';" in page["Content-Security-Policy"] + ";"
    client.logout()
    response = client.get("/en/accounts/login/", secure=True)
    assert response.cookies[settings.CSRF_COOKIE_NAME]["samesite"] == "Lax"


def test_the_refusal_page_can_be_shown_in_the_frame(client, registered):
    response = client.post("/lti/launch/", {"state": "x"})
    assert "X-Frame-Options" not in response
