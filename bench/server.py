"""A PostgreSQL database with the demo course and gunicorn serving it on 127.0.0.1, for the
load and throughput benches."""

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def environment(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ecourse.settings.bench",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
    }


def prepare_database(database):
    """Create ``database`` afresh and load the demo course and users into it."""
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["create_demo_users"]):
        print("manage.py", *command, flush=True)
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=environment(database),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    subprocess.run(["redis-cli", "-n", "3", "FLUSHDB"], check=False, stdout=subprocess.DEVNULL)


@contextmanager
def gunicorn(
    database, port, workers=2, threads=1, production_config=False, app="ecourse.wsgi", **env
):  # noqa: E501
    """Serve the site (or another WSGI ``app``) from ``database`` on 127.0.0.1:``port`` until
    the block ends: sync workers by default, or as production serves it (gunicorn.conf.py)."""
    command = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}"]
    if production_config:
        command += ["--config", "ecourse/gunicorn.conf.py"]
    else:
        command += ["--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(
        [*command, "--log-level", "warning"], cwd=ROOT, env={**environment(database), **env}
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/hello/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def django_setup(database):
    """Configure Django in this process against the bench database (for log-ins and checks)."""
    os.environ.update(environment(database))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def session_cookie(email):
    """A logged-in session for the user with ``email``, as a Cookie header value."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return f"sessionid={client.cookies['sessionid'].value}"
