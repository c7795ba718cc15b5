"""Error pages in the portal's own style, in Dutch, never depending on the database for a 500
or for a 503 (a database busy with other writes)."""

import json

import psycopg2
import pytest
from django.db import connection
from django.test import RequestFactory

from portal import views
from tests import factories
from tests.conftest import run_python
from tests.html import labelled_links, links, main_text, page, texts

pytestmark = pytest.mark.django_db


def test_unknown_address_gets_a_dutch_404_in_the_portal_style(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert texts(response, "h1") == ["Deze pagina bestaat niet"]
    assert page(response).get("lang") == "nl"
    assert links(response, 'link[rel="stylesheet"]') == ["/static/css/portal.css"]
    assert links(response, 'link[rel="canonical"]') == []


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    assert texts(response, "h1") == ["Er ging iets mis"]
    assert "Dat ligt aan ons, niet aan u." in main_text(response)
    # In the page itself, not only in the footer every page has.
    assert labelled_links(response, "main a") == [("Naar de voorpagina", "/")]


def test_bad_request_page_is_dutch(client, settings):
    settings.ALLOWED_HOSTS = ["dwarsverband.nl"]
    response = client.get("/", HTTP_HOST="kwaadaardig.example")
    assert response.status_code == 400
    assert texts(response, "h1") == ["Dit adres kunnen we niet lezen"]


def test_busy_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = views.service_unavailable(RequestFactory().get("/"))
    assert (response.status_code, response["Retry-After"]) == (503, "30")
    page = response.content.decode()
    assert "<h1>De portal is even bezig</h1>" in page
    assert "Wilde u iets opslaan, dan is dat niet gebeurd." in page


# An editor logs in while another process (an import) holds SQLite's write lock: the login
# waits for it (0.1 s here, 20 s in portal/settings.py), then gets the busy page.
LOGIN_WHILE_LOCKED = """
import json, os, sqlite3, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment(debug=False)
connection.settings_dict["OPTIONS"]["timeout"] = 0.1
get_user_model().objects.create_user("redacteur", password="een-lang-wachtwoord-42", is_staff=True)
other = sqlite3.connect(sys.argv[1], isolation_level=None)
other.execute("BEGIN IMMEDIATE")
response = Client().post(
    "/beheer/login/", {"username": "redacteur", "password": "een-lang-wachtwoord-42"}
)
print(json.dumps([response.status_code, response.get("Retry-After"), response.text]))
"""


def test_login_while_another_process_writes_to_sqlite_gets_the_busy_page(sqlite_file):
    completed = run_python("-c", LOGIN_WHILE_LOCKED, str(sqlite_file), sqlite_path=sqlite_file)
    assert completed.returncode == 0, completed.stderr
    status, retry_after, page = json.loads(completed.stdout.splitlines()[-1])
    assert (status, retry_after) == (503, "30")
    assert "<h1>De portal is even bezig</h1>" in page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_login_that_waits_too_long_for_a_lock_on_postgresql_gets_the_busy_page(client):
    user = factories.user(staff=True)
    other = psycopg2.connect(**connection.get_connection_params())
    try:
        other.cursor().execute("LOCK TABLE django_session IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '100ms'")
        response = client.post(
            "/beheer/login/", {"username": user.username, "password": "een-lang-wachtwoord-42"}
        )
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert (response.status_code, response["Retry-After"]) == (503, "30")
    assert "<h1>De portal is even bezig</h1>" in response.text
