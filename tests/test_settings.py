import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "production-test-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa",
    "ALLOWED_HOSTS": "ecourse.example.org",
    "PUBLIC_BASE_URL": "https://ecourse.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def manage(*args, settings_module, extra_environment=None):
    """Run manage.py in a fresh process whose environment holds only what the test gives it
    (no DATABASE_URL or SECRET_KEY inherited from the machine)."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
    environment.pop("DATABASE_URL", None)
    environment.pop("SECRET_KEY", None)
    environment.update(extra_environment or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist_without_warnings(tmp_path):
    """Once the LTI tool key has been made, as production's set-up does (README)."""
    environment = {**PRODUCTION_ENVIRONMENT, "LTI_TOOL_KEY_FILE": str(tmp_path / "lti.pem")}
    made = manage(
        "lti_tool_key", settings_module="ecourse.settings.production", extra_environment=environment
    )
    assert made.returncode == 0, made.stderr

    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings_module="ecourse.settings.production",
        extra_environment=environment,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("variable", ["SECRET_KEY", "REDIS_URL"])
def test_production_refuses_to_start_without_its_secret_key_or_redis(variable):
    without = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != variable}

    result = manage(
        "check", settings_module="ecourse.settings.production", extra_environment=without
    )

    assert result.returncode != 0
    assert f"KeyError: '{variable}'" in result.stderr


def test_production_without_its_public_address_fails_the_deployment_check_and_says_why():
    without = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != "PUBLIC_BASE_URL"}

    result = manage(
        "check",
        "--deploy",
        settings_module="ecourse.settings.production",
        extra_environment=without,
    )

    assert result.returncode != 0
    assert "certificates.E001" in result.stderr
    assert "PUBLIC_BASE_URL must be the site's public https address" in result.stderr


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        pytest.param(
            {"REDIS_URL": ""},
            ["django.db.backends.sqlite3", "django.core.cache.backends.locmem.LocMemCache"],
            id="nothing configured: SQLite and local memory",
        ),
        pytest.param(
            {
                "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
                "REDIS_URL": "redis://127.0.0.1:6379/1",
            },
            ["django.db.backends.postgresql", "modules.caching.ForgivingRedisCache"],
            id="DATABASE_URL and REDIS_URL: PostgreSQL and Redis",
        ),
    ],
)
def test_the_environment_chooses_the_database_and_the_cache(environment, expected):
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
        settings_module="ecourse.settings.dev",
        extra_environment=environment,
    )

    assert result.stdout.split() == expected
