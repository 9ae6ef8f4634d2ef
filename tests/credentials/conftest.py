import json
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from certificates.models import Certificate
from credentials import keys
from learners.factories import LearnerProfileFactory

VERIFIER = Path(__file__).resolve().parent / "verify.mjs"


@pytest.fixture(autouse=True)
def issuer_key(settings, tmp_path):
    """A key folder of the test's own, with one key in it."""
    settings.CREDENTIALS_KEY_DIR = tmp_path / "keys"
    return keys.make_key()


@pytest.fixture
def holder(db, client):
    profile = LearnerProfileFactory(
        full_name="José Ñúñez", preferred_language="es", user__email="jose.nunez@example.org"
    )
    client.force_login(profile.user)
    return profile.user


@pytest.fixture
def certificate(holder, build_course):
    course = build_course(modules=1, lessons=2)
    return Certificate.objects.create(
        user=holder,
        course_key=course.translation_key,
        full_name="José Ñúñez",
        language_code="es",
        minutes=90,
    )


def download(client, certificate, kind="credential_json", language=None):
    url = reverse(kind, args=[certificate.code])
    response = client.get(url, {"language": language} if language else {})
    assert response.status_code == 200, response.content
    return response.content


def run_verifier(base_url, credential_text, tmp_path):
    """The independent verifier's report on a credential, as JSON text."""
    path = tmp_path / "credential.json"
    path.write_text(credential_text)
    finished = subprocess.run(
        ["node", str(VERIFIER), base_url, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(finished.stdout)
