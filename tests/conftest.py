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
