"""Other processes on the test database: a second portal server, a management command, a
raw SQL client. For tests that show what one process writes is seen by another at once.

They need the test's writes committed (``transactional_db``) and, on SQLite, a test database
in a file (tests/conftest.py sees to that).
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

#: How long a second server may take to start, in seconds.
STARTUP = 60


def environment():
    """The environment of a portal process that works on the test database."""
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        env["SQLITE_PATH"] = database["NAME"]
    else:
        user = urllib.parse.quote(database["USER"] or "", safe="")
        password = urllib.parse.quote(database["PASSWORD"] or "", safe="")
        credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
        host = urllib.parse.quote(database["HOST"] or "", safe="")
        port = f":{database['PORT']}" if database["PORT"] else ""
        env["DATABASE_URL"] = f"postgres://{credentials}{host}{port}/{database['NAME']}"
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    env["PYTHONPATH"] = str(settings.BASE_DIR)
    return env


def manage(*arguments):
    """Run ``manage.py`` with ``arguments`` in a process of its own; returns its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


_RAW_SQL = """
import json, os, sys
statements = json.loads(sys.argv[1])
if os.environ.get("DATABASE_URL"):
    import dj_database_url, psycopg2
    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    database = psycopg2.connect(
        dbname=config["NAME"], user=config["USER"] or None, password=config["PASSWORD"] or None,
        host=config["HOST"] or None, port=config["PORT"] or None,
    )
    placeholder = "%s"
else:
    import sqlite3
    database = sqlite3.connect(os.environ["SQLITE_PATH"], timeout=20)
    placeholder = "?"
cursor = database.cursor()
for sql, params in statements:
    cursor.execute(sql.replace("%s", placeholder), params)
database.commit()
"""


def raw_sql(*statements):
    """Run SQL statements, ``(sql, params)`` with ``%s`` placeholders, in a process of their own
    that knows nothing of Django: as someone would in ``dbshell``."""
    done = subprocess.run(
        [sys.executable, "-c", _RAW_SQL, json.dumps(statements)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


class Server:
    """A portal server in a process of its own, with its own cache."""

    def __init__(self, port):
        self.port = port

    def get(self, path):
        """``(status, text)`` of the page at ``path``."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@contextmanager
def server():
    """Start a second portal server on a free port; stop it afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(port, process)
        yield Server(port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for(port, process):
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the second server stopped: {process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the second server did not start in time")
