"""An LTI session: the browser session a launch logged in. Inside a platform's iframe its
cookies must travel on cross-site requests (SameSite=None; Secure) and the platform may frame
its pages; every other session keeps the site's stricter defaults."""

from urllib.parse import urlsplit

from django.conf import settings

LTI_SESSION = "lti"


def remember_launch(request, platform, launch_id, language):
    parts = urlsplit(platform.auth_login_url)
    request.session[LTI_SESSION] = {
        "platform": platform.pk,
        "launch_id": launch_id,
        "language": language,
        "frame_origin": f"{parts.scheme}://{parts.netloc}",
    }


def lti_session(request):
    session = getattr(request, "session", None)
    return session.get(LTI_SESSION) if session is not None else None


class LtiFrameMiddleware:
    """Listed after XFrameOptionsMiddleware: the platform that launched the session may frame
    the site's pages (X-Frame-Options dropped, CSP frame-ancestors names it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = lti_session(request)
        if session:
            response.xframe_options_exempt = True
            update = getattr(response, "_csp_update", None) or {}
            response._csp_update = {
                **update,
                "frame-ancestors": ["'self'", session["frame_origin"]],
            }
        return response


class LtiCookieMiddleware:
    """Listed before SessionMiddleware, so it sees the cookies that middleware and CSRF's set:
    over HTTPS an LTI session's session and CSRF cookies become SameSite=None; Secure."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.is_secure() and lti_session(request):
            for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
                if name in response.cookies:
                    response.cookies[name]["samesite"] = "None"
                    response.cookies[name]["secure"] = True
        return response
