"""Themes: every theme with counts, and a theme's trail across events, takeaways, publications."""

import html
import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def text(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def section(response, anchor):
    match = re.search(rf'<h2 id="{anchor}">(.*?)(?:<h2 |</main>)', response.text, re.S)
    return match[1] if match else ""


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
    assert "<h1>Vertrouwen</h1>" in response.text
    takeaways = section(response, "inzichten")
    assert re.findall(r'class="takeaway-text"><a [^>]*>([^<]*)<', takeaways) == [
        "Uit het wonen.",
        "Uit de zorg.",
    ]
    assert re.findall(r"Uit <a [^>]*>([^<]*)</a>", takeaways) == [
        "Woonbijeenkomst",
        "Zorgbijeenkomst",
    ]
    assert "Concept-inzicht." not in response.text


def test_theme_page_shows_events_publications_and_the_domains_it_spans(client, trail):
    response = client.get("/themas/vertrouwen/")
    assert "1 bijeenkomsten, 2 inzichten en 1 publicaties gaan over dit thema." in text(
        response.text
    )
    assert text(section(response, "domeinen")) == (
        "In welke domeinen Zorg – 1 bijeenkomst, 1 inzicht Wonen – 0 bijeenkomsten, 1 inzicht"
    )
    assert "Zorgbijeenkomst" in text(section(response, "bijeenkomsten"))
    assert "Concept" not in text(section(response, "bijeenkomsten"))
    assert "Cahier vertrouwen" in text(section(response, "publicaties"))


def test_theme_list_counts_only_what_is_visible(client, trail):
    page = text(client.get("/themas/").text)
    assert "vertrouwen – 1 bijeenkomst, 2 inzichten, 1 publicatie" in page
    assert "geld – 1 inzicht" in page
    # A theme that only drafts use is not even named.
    assert "geheim" not in page


def test_theme_of_drafts_only_has_no_page(client, trail):
    assert client.get("/themas/geheim/").status_code == 404
    assert client.get("/themas/bestaat-niet/").status_code == 404


def test_theme_slugs_may_hold_accents(client):
    factories.event(tags=["één loket"])
    response = client.get("/themas/")
    link = re.search(r'<a href="(/themas/[^"]*)">één loket</a>', response.text)[1]
    assert client.get(link).status_code == 200


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
        assert (page, 'href="/themas/thema/"' in response.text) == (page, True)
    assert f"<h1>{name}</h1>" in client.get("/themas/thema/").text
    assert f"Thema: {name}" in text(client.get("/bijeenkomsten/?thema=thema").text)
