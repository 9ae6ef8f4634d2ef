"""A real LTI 1.3 platform for the tests: the ``lti1p3platform`` package (not ours) signs the
launches, issues the access tokens, checks the tool's signatures and deep-linking responses and
guards its grade and roster services. Only its storage (a dict) and the HTTP plumbing (a WSGI
server on a loopback port, as a platform's own web framework would be) are written here."""

import html
import json
import threading
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from jwcrypto.jwk import JWK
from lti1p3platform.exceptions import LineItemNotFoundException
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.membership import Context
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request
from lti1p3platform.score import UpdateScoreStatus
from lti1p3platform.service_connector import (
    AssignmentsGradesService,
    NamesRoleProvisioningService,
)

TOOL = "http://testserver"
CLIENT_ID = "ecourse-tool"
DEPLOYMENT_ID = "deployment-1"
CONTEXT = {"id": "course-77", "title": "Formación NNAPES 2027", "label": "NNAPES"}


class PlatformRequest(Request):
    """A request as the platform's framework hands it over: a WSGI environ, or the query of
    the address the browser was sent to."""

    def build_metadata(self, request):
        environ, body = request
        length = len(body)
        content_type = environ.get("CONTENT_TYPE", "")
        form = dict(parse_qsl(body.decode())) if "form" in content_type and length else {}
        return {
            "method": environ.get("REQUEST_METHOD", "GET"),
            "form_data": form,
            "json": json.loads(body) if "json" in content_type and length else None,
            "get_data": dict(parse_qsl(environ.get("QUERY_STRING", ""))),
            "headers": {"Authorization": environ.get("HTTP_AUTHORIZATION", "")},
            "content_type": content_type,
            "path": environ.get("PATH_INFO", "/"),
        }


def browser_request(url):
    """The platform's view of the browser arriving at ``url`` (its authorisation endpoint)."""
    parts = urlsplit(url)
    return PlatformRequest(({"QUERY_STRING": parts.query, "PATH_INFO": parts.path}, b""))


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, registration):
        self._registration = registration

    def get_registration_by_params(self, **kwargs):
        return self._registration


class Login(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class Launch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


class Gradebook(AssignmentsGradesService):
    """The platform's score service, storing in ``platform.scores``."""

    def __init__(self, request, platform):
        super().__init__(request, platform.conf, f"{platform.url}/lineitems")
        self.platform = platform

    def find_lineitems(self, **kwargs):
        return {"content": list(self.platform.lineitems.values()), "has_next": False}

    def find_lineitem(self, line_item_id):
        if line_item_id not in self.platform.lineitems:
            raise LineItemNotFoundException
        return self.platform.lineitems[line_item_id]

    def create_lineitem(self, creation_data):
        raise NotImplementedError

    def update_lineitem(self, update_data):
        raise NotImplementedError

    def delete_lineitem(self, line_item_id):
        raise NotImplementedError

    def update_score(self, line_item_id, score):
        self.find_lineitem(line_item_id)
        self.platform.scores.setdefault(line_item_id, {})[score["userId"]] = score
        return UpdateScoreStatus.SUCCESS

    def get_results(self, line_item_id, **kwargs):
        raise NotImplementedError


class Roster(NamesRoleProvisioningService):
    def __init__(self, request, platform):
        super().__init__(request, platform.conf, f"{platform.url}/memberships")
        self.platform = platform

    def get_context_by_id(self):
        return Context(**CONTEXT)

    def get_member_data_page(self, **kwargs):
        return {"content": [dict(member) for member in self.platform.members], "has_next": False}


class ThreadingServer(ThreadingMixIn, WSGIServer):
    """One thread per connection, as a real platform answers: a browser's idle preconnection
    must not hold up the tool's own calls (keys, token, scores) to the platform."""

    daemon_threads = True


class Platform:
    """The platform, its HTTP services on ``url``, its gradebook and its class list."""

    def __init__(self, host="127.0.0.1", tool=TOOL):
        self.private_key = JWK.generate(kty="RSA", size=2048).export_to_pem(True, None).decode()
        self.server = make_server(
            "127.0.0.1", 0, self.wsgi, server_class=ThreadingServer, handler_class=QuietHandler
        )
        self.url = f"http://{host}:{self.server.server_port}"
        self.lineitems = {}
        self.scores = {}
        self.members = []
        self.tool = tool
        self.tool_registrations = []
        self.next_launch = {}
        self.registration = (
            Registration()
            .set_iss(self.url)
            .set_client_id(CLIENT_ID)
            .set_deployment_id(DEPLOYMENT_ID)
            .set_oidc_login_url(f"{tool}/lti/login/")
            .set_launch_url(f"{tool}/lti/launch/")
            .set_deeplink_launch_url(f"{tool}/lti/launch/")
            .set_platform_public_key(
                JWK.from_pem(self.private_key.encode()).export_to_pem().decode()
            )
            .set_platform_private_key(self.private_key)
        )
        self.conf = PlatformConf(registration=self.registration)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def trust_tool_keys(self, jwks):
        self.registration.set_tool_key_set(jwks)

    def add_lineitem(self, name, label, maximum):
        url = f"{self.url}/lineitems/{name}"
        self.lineitems[name] = {"id": url, "label": label, "scoreMaximum": maximum}
        return url

    def login_url(self, user_id, hint="resource-link-1"):
        """Where the platform sends the browser to start a launch (third-party login)."""
        login = Login(None, self.conf)
        login.set_lti_message_hint(hint=hint)
        return login.prepare_preflight_url(user_id)

    def authorize(
        self, url, user, resource=None, lineitem=None, deep_link=False, expires_in=300, **claims
    ):
        """The platform's authorisation endpoint answering the tool's redirect ``url``: the
        fields of the form that posts the signed id_token to the tool."""
        launch = Launch(browser_request(url), self.conf)
        launch.set_id_token_expiration(expires_in)
        launch.set_user_data(
            user["sub"],
            user["roles"],
            full_name=user.get("name"),
            email_address=user.get("email"),
        )
        launch.set_resource_link_claim("resource-link-1")
        launch.set_launch_context_claim(CONTEXT["id"], context_title=CONTEXT["title"])
        if resource is not None:
            launch.set_custom_parameters_claim(resource)
        launch.set_ags(f"{self.url}/lineitems", lineitem_url=lineitem)
        launch.set_nrps(f"{self.url}/memberships")
        if deep_link:
            launch.set_dl(f"{self.url}/deep-link-return", accept_types={"ltiResourceLink"})
        launch.set_extra_claims({"locale": user.get("locale", "en"), **claims})
        return launch.lti_launch()

    def receive_deep_link(self, jwt):
        """The platform's deep-linking return endpoint: the checked content items."""
        return self.conf.validate_deeplinking_resp({"JWT": jwt})

    def wsgi(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request = PlatformRequest((environ, environ["wsgi.input"].read(length)))
        path = environ["PATH_INFO"]
        if path in ("/course", "/authorize"):
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [self.page(path, environ).encode()]
        if path == "/jwks":
            status, body = 200, self.conf.get_jwks()
        elif path == "/token":
            status, body = 200, self.conf.get_access_token(request.form_data)
        elif path.startswith("/lineitems/") and path.endswith("/scores"):
            name = path.split("/")[2]
            response = Gradebook(request, self).handle_resp(
                lambda: Gradebook(request, self).handle_update_score(name)
            )
            status, body = response.code, {"message": response.message}
        elif path == "/.well-known/openid-configuration":
            status, body = 200, self.openid_configuration()
        elif path == "/register":
            status, body = self.register_tool(environ, request.json)
        elif path == "/memberships":
            response = Roster(request, self).handle_resp(Roster(request, self).handle_get_members)
            status, body = response.code, response.result or {"message": response.message}
        else:
            status, body = 404, {}
        start_response(f"{status} -", [("Content-Type", "application/json")])
        return [json.dumps(body).encode()]

    def page(self, path, environ):
        """The platform's pages a browser sees: a course page framing the tool's login
        initiation (or, with ``?window``, linking to it, as a "new window" launch does), and
        the authorisation endpoint's form that posts the id_token (the way Moodle's does,
        submitted by a script)."""
        launch = self.next_launch
        if path == "/course":
            src = html.escape(self.login_url(launch["user"]["sub"]))
            if "window" in environ.get("QUERY_STRING", ""):
                return f'<!doctype html><title>Campus</title><a href="{src}">Open the course</a>'
            return (
                "<!doctype html><title>Campus</title>"
                f'<iframe src="{src}" width="1000" height="800"></iframe>'
            )
        url = f"{self.url}/authorize?{environ.get('QUERY_STRING', '')}"
        form = self.authorize(url, **launch)
        fields = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(form[name])}">'
            for name in ("state", "id_token")
        )
        return (
            "<!doctype html>"
            f'<form id="launch" method="post" action="{html.escape(form["launch_url"])}">'
            f"{fields}</form><script>document.getElementById('launch').submit()</script>"
        )

    # lti1p3platform has no dynamic registration (LTI-DR 1.0): these two endpoints answer as
    # the specification's examples (and Moodle's and Canvas's) do.
    def openid_configuration(self):
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "jwks_uri": f"{self.url}/jwks",
            "registration_endpoint": f"{self.url}/register",
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                "product_family_code": "moodle",
                "version": "4.5",
            },
        }

    def register_tool(self, environ, metadata):
        if environ.get("HTTP_AUTHORIZATION") != "Bearer one-time-token":
            return 401, {"error": "invalid_token"}
        self.tool_registrations.append(metadata)
        tool = "https://purl.imsglobal.org/spec/lti-tool-configuration"
        return 200, {
            **metadata,
            "client_id": CLIENT_ID,
            tool: {**metadata[tool], "deployment_id": DEPLOYMENT_ID},
        }


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass
