"""Error pages in the portal's own style, in Dutch, never depending on the database for a 500."""

import pytest
from django.test import RequestFactory

from portal import views

pytestmark = pytest.mark.django_db


def test_unknown_address_gets_a_dutch_404_in_the_portal_style(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "<h1>Deze pagina bestaat niet</h1>" in response.text
    assert '<html lang="nl">' in response.text
    assert '<link rel="stylesheet" href="/static/css/portal.css">' in response.text
    assert 'rel="canonical"' not in response.text


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Er ging iets mis</h1>" in page
    assert "Dat ligt aan ons, niet aan u." in page
    assert '<a href="/">Naar de voorpagina</a>' in page


def test_bad_request_page_is_dutch(client, settings):
    settings.ALLOWED_HOSTS = ["dwarsverband.nl"]
    response = client.get("/", HTTP_HOST="kwaadaardig.example")
    assert response.status_code == 400
    assert "<h1>Dit adres kunnen we niet lezen</h1>" in response.text
