"""Error pages in the portal's own style, in Dutch, never depending on the database for a 500."""

import pytest
from django.test import RequestFactory

from portal import views
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
