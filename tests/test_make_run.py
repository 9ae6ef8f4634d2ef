"""`make run` serves on the port and address asked for (a dry run: nothing is started)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def dry_run(*variables):
    return subprocess.run(
        ["make", "-n", "run", *variables],
        cwd=Path(settings.BASE_DIR),
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_make_run_serves_on_8000_by_default_and_on_the_port_and_host_given():
    assert "runserver 127.0.0.1:8000" in dry_run()
    assert "runserver 127.0.0.1:8123" in dry_run("PORT=8123")
    assert "runserver 0.0.0.0:8123" in dry_run("PORT=8123", "HOST=0.0.0.0")


def test_make_run_prints_the_demo_log_ins_at_the_address_it_serves():
    commands = dry_run("PORT=8123")
    assert "create_demo_users --address http://127.0.0.1:8123" in commands
    assert "create_demo_class --address http://127.0.0.1:8123" in commands
