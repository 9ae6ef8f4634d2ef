"""A real learning record store for the xAPI tests: ralph (ralph-malph on PyPI) with its
file-system backend (made to append, see ralph_backend/appending_fs.py), served on loopback from
the virtualenv `make` builds for it (``.venv-lrs``, from requirements-lrs.txt), so its
dependencies never meet the project's."""

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.test import Client

from learners.factories import LearnerProfileFactory

ROOT = Path(settings.BASE_DIR)
LRS_VENV = ROOT / ".venv-lrs"
KEY, SECRET = "ecourse", "lrs-test-secret"


@pytest.fixture(scope="session")
def lrs_bin():
    """The LRS's virtualenv, built by make if it is missing or out of date."""
    subprocess.run(["make", "--silent", f"{LRS_VENV.name}/.installed"], cwd=ROOT, check=True)
    return LRS_VENV / "bin"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LearningRecordStore:
    """ralph's LRS API, which can be stopped and started again on the same port and data.

    It runs under uvicorn directly: ``ralph runserver`` does the same with uvicorn's reloader
    on, which would restart the server whenever its data directory changes."""

    def __init__(self, bin_dir, directory):
        self.bin = bin_dir
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        self.log = directory / "lrs.log"
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": str(directory),
            "RALPH_APP_DIR": str(directory),
            "RALPH_AUTH_FILE": str(directory / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "appending_fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(directory),
        }
        self.process = None
        subprocess.run(
            [self.bin / "ralph", "auth", "-u", KEY, "-p", SECRET, "-s", "all", "-w"]
            + ["-A", KEY, "http://lrs.test"],
            env=self.env,
            check=True,
            capture_output=True,
        )

    def start(self):
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [self.bin / "python", "-m", "uvicorn", "ralph.api:app"]
                + ["--host", "127.0.0.1", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        for _ in range(600):
            if self.process.poll() is not None:
                raise RuntimeError(f"the LRS did not start:\n{self.log.read_text()}")
            try:
                if requests.get(self.endpoint.replace("xAPI/", "__heartbeat__"), timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError(f"the LRS did not answer:\n{self.log.read_text()}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def statements(self):
        """Every statement the LRS holds, read back through its xAPI GET /statements."""
        found, url = [], self.endpoint + "statements?limit=100"
        while url:
            response = requests.get(
                url,
                auth=(KEY, SECRET),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=10,
            )
            response.raise_for_status()
            body = response.json()
            found += body["statements"]
            more = body.get("more")
            url = f"http://127.0.0.1:{self.port}{more}" if more else None
        return found

    def invalid(self, statements):
        """The statements ralph's own xAPI models refuse, with why (an empty list if none)."""
        check = (
            "import json, sys\n"
            "from pydantic import ValidationError\n"
            "from ralph.models.xapi.base.statements import BaseXapiStatement\n"
            "errors = []\n"
            "for statement in json.load(sys.stdin):\n"
            "    try:\n"
            "        BaseXapiStatement.model_validate(statement)\n"
            "    except ValidationError as error:\n"
            "        errors.append(str(error))\n"
            "print(json.dumps(errors))\n"
        )
        run = subprocess.run(
            [self.bin / "python", "-c", check],
            input=json.dumps(statements),
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(run.stdout)


@pytest.fixture
def lrs(lrs_bin, tmp_path, settings):
    """A running LRS, empty, which the site is configured to send statements to."""
    store = LearningRecordStore(lrs_bin, tmp_path)
    store.start()
    settings.XAPI_LRS_ENDPOINT = store.endpoint
    settings.XAPI_LRS_KEY, settings.XAPI_LRS_SECRET = KEY, SECRET
    yield store
    store.stop()


@pytest.fixture
def course(build_course):
    return build_course(modules=1, lessons=2, quiz=True)


@pytest.fixture
def learner_client():
    """A client logged in as a learner with a profile; the user is ``client.user``."""
    profile = LearnerProfileFactory(preferred_language="en")
    client = Client()
    client.force_login(profile.user)
    client.user = profile.user
    return client
