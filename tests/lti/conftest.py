import pytest
from bs4 import BeautifulSoup

from lti import keys
from lti.models import Platform as PlatformRow

from .platform import CLIENT_ID, DEPLOYMENT_ID, Platform

LEARNER = {
    "sub": "moodle-user-1024",
    "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
    "name": "Lucía Fernández",
    "email": "lucia@example.org",
    "locale": "es-419",
}
INSTRUCTOR = {
    "sub": "moodle-user-7",
    "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
    "name": "Marta Gómez",
    "email": "marta@example.org",
    "locale": "es",
}


@pytest.fixture(scope="session")
def tool_key_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("lti") / "tool-key.pem"
    keys.generate(path)
    return path


@pytest.fixture(autouse=True)
def tool_key(settings, tool_key_file):
    settings.LTI_TOOL_KEY_FILE = str(tool_key_file)


@pytest.fixture
def platform(client, tool_key):
    """The platform, running, with the tool registered in it (the tool's keys taken from the
    tool's own JWKS endpoint)."""
    with Platform() as running:
        running.trust_tool_keys(client.get("/lti/jwks/").json())
        yield running


@pytest.fixture
def registered(db, platform):
    """The platform registered in the tool, as an administrator does in the Wagtail admin."""
    return PlatformRow.objects.create(
        name="Campus virtual IIN",
        issuer=platform.url,
        client_id=CLIENT_ID,
        deployment_ids=f"other-deployment\n{DEPLOYMENT_ID}",
        auth_login_url=f"{platform.url}/authorize",
        auth_token_url=f"{platform.url}/token",
        key_set_url=f"{platform.url}/jwks",
    )


def form_fields(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {field["name"]: field.get("value", "") for field in soup.select("form input[name]")}


def start(client, platform, user):
    """The browser follows the platform's login initiation to the tool, which sends it back to
    the platform's authorisation endpoint: that address."""
    response = client.get(platform.login_url(user["sub"]))
    assert response.status_code == 302, response.content
    return response["Location"]


def launch(client, platform, user, **options):
    """A whole launch as a browser goes through it: login initiation, authorisation, the
    id_token posted to the tool. The tool's answer."""
    form = platform.authorize(start(client, platform, user), user, **options)
    return client.post(form["launch_url"], {"state": form["state"], "id_token": form["id_token"]})
