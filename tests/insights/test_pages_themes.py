"""Themes: every theme with counts, and a theme's trail across events, takeaways, publications."""

import pytest

from tests import factories
from tests.html import link, links, main_text, section, takeaway_texts, texts, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail():
    zorg = factories.event(title="Zorgbijeenkomst", domains=["zorg"], tags=["vertrouwen"])
    wonen = factories.event(title="Woonbijeenkomst", domains=["wonen"])
    factories.takeaway(event=zorg, text="Uit de zorg.", tags=["vertrouwen"], domains=["zorg"])
    factories.takeaway(event=wonen, text="Uit het wonen.", tags=["vertrouwen"], domains=["wonen"])
    factories.takeaway(event=wonen, text="Over iets anders.", tags=["geld"])
    factories.publication(title="Cahier vertrouwen", tags=["vertrouwen"])
    draft = factories.event(title="Concept", tags=["vertrouwen", "geheim"], published=False)
    factories.takeaway(event=draft, text="Concept-inzicht.", tags=["vertrouwen"])


def test_theme_page_lists_takeaways_from_several_events(client, trail):
    response = client.get("/themas/vertrouwen/")
    assert texts(response, "h1") == ["Vertrouwen"]
    assert takeaway_texts(response, "inzichten") == ["Uit het wonen.", "Uit de zorg."]
    assert texts(response, ".card__source a", anchor="inzichten") == [
        "Woonbijeenkomst",
        "Zorgbijeenkomst",
    ]
    assert "Concept-inzicht." not in response.text


def test_theme_page_shows_events_publications_and_the_domains_it_spans(client, trail):
    response = client.get("/themas/vertrouwen/")
    assert texts(response, "main .lead") == [
        "1 bijeenkomsten, 2 inzichten en 1 publicaties gaan over dit thema."
    ]
    assert section(response, "domeinen") == (
        "In welke domeinen Zorg – 1 bijeenkomst, 1 inzicht Wonen – 0 bijeenkomsten, 1 inzicht"
    )
    assert titles(response, "bijeenkomsten") == ["Zorgbijeenkomst"]
    assert titles(response, "publicaties") == ["Cahier vertrouwen"]


def test_theme_list_counts_only_what_is_visible(client, trail):
    response = client.get("/themas/")
    assert texts(response, "main li") == [
        "geld – 1 inzicht",
        "vertrouwen – 1 bijeenkomst, 2 inzichten, 1 publicatie",
    ]
    # A theme that only drafts use is not even named.
    assert "geheim" not in response.text


def test_theme_of_drafts_only_has_no_page(client, trail):
    assert client.get("/themas/geheim/").status_code == 404
    assert client.get("/themas/bestaat-niet/").status_code == 404


def test_theme_slugs_may_hold_accents(client):
    factories.event(tags=["één loket"])
    address = link(client.get("/themas/"), "één loket")
    assert address.startswith("/themas/")
    assert texts(client.get(address), "h1") == ["Één loket"]


def test_theme_url_with_a_nul_byte_is_a_404_not_an_error(client):
    assert client.get("/themas/a%00b/").status_code == 404


@pytest.mark.parametrize("name", ["!!!", "😀"])
def test_theme_whose_name_makes_no_slug_is_linked_from_every_page(client, name):
    event = factories.event(slug="webinar", tags=[name])
    takeaway = factories.takeaway(event=event, tags=[name])
    factories.publication(slug="cahier", tags=[name])
    pages = ["/", "/themas/", "/bijeenkomsten/webinar/", takeaway.get_absolute_url()]
    pages += ["/publicaties/cahier/", "/inzichten/"]

    for page in pages:
        response = client.get(page)
        assert (page, response.status_code) == (page, 200)
        assert (page, "/themas/thema/" in links(response)) == (page, True)
    assert texts(client.get("/themas/thema/"), "h1") == [name]
    assert f"Thema: {name}" in main_text(client.get("/bijeenkomsten/?thema=thema"))
