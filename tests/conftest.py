import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection

from tests import factories


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the test database is a file rather than memory, so that a second process (a
    server, an import, a raw SQL client) can work on it too: tests/processes.py."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("db") / "test.sqlite3"
        )


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates use {% static %}; tests don't run collectstatic, so skip the manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: cached figures and rankings of one test's rows
    (whose ids the next test may reuse) must not show up in another."""
    for cache in caches.all():
        cache.clear()
    yield


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run through scripts/test or scripts/with-postgres)")


@pytest.fixture
def member(db):
    return factories.user()


@pytest.fixture
def staff(db):
    return factories.user(staff=True)


@pytest.fixture
def superuser(db):
    return factories.user(superuser=True)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def run_python(*args, sqlite_path, timeout=60):
    """Python in another process, in the project's folder, on the SQLite database
    ``sqlite_path``: ``run_python("manage.py", "migrate", sqlite_path=…)``."""
    env = {**os.environ, "SQLITE_PATH": str(sqlite_path)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite") / "migrated.sqlite3"
    assert run_python("manage.py", "migrate", "-v0", sqlite_path=path).returncode == 0
    return path


@pytest.fixture
def sqlite_file(_migrated_sqlite, tmp_path):
    """A migrated SQLite database in a file of its own, for tests in which another process
    or connection uses it too (locks are per file; the test database is in memory)."""
    path = tmp_path / "portal.sqlite3"
    shutil.copy(_migrated_sqlite, path)
    return path
