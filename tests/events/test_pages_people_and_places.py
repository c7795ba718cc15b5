"""Pages about people, organisations, regions, domains and series."""

import datetime
import html
import re

import pytest

from events.models import EventOrganisation
from insights.models import PublicationOrganisation
from tests import factories

pytestmark = pytest.mark.django_db


def text(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def section(response, anchor):
    """The text of the section whose heading has id ``anchor`` (None when there is none)."""
    match = re.search(rf'<h2 id="{anchor}">(.*?)(?:<h2 |</main>)', response.text, re.S)
    return text(match[1]) if match else None


def titles(response, anchor):
    block = re.search(rf'<h2 id="{anchor}">(.*?)(?:<h2 |</main>)', response.text, re.S)[1]
    return [html.unescape(t) for t in re.findall(r'card__title"><a href="[^"]*">([^<]*)<', block)]


@pytest.fixture
def klaar():
    return factories.person(
        name="Klaar De Smaele",
        slug="klaar-de-smaele",
        function="strategisch adviseur",
        organisation=factories.organisation(name="Verdiwel", slug="verdiwel"),
    )


def test_speaker_page_lists_events_with_roles_and_sessions(client, klaar):
    first = factories.event(title="Netwerksamenwerking", start_date=datetime.date(2024, 3, 15))
    second = factories.event(title="Rol van sociaal werk", start_date=datetime.date(2024, 7, 5))
    session = factories.session(second, title="Sociaal werk en gezondheid")
    factories.participation(first, klaar, role="spreker")
    factories.participation(second, klaar, role="dagvoorzitter")
    factories.participation(
        second,
        klaar,
        role="spreker",
        session=session,
        organisation=factories.organisation(name="Oud"),
    )
    response = client.get("/sprekers/klaar-de-smaele/")
    assert "<h1>Klaar De Smaele</h1>" in response.text
    assert section(response, "bijeenkomsten") == (
        "Bijeenkomsten Deed mee aan 2 bijeenkomsten, de nieuwste eerst. "
        "Rol van sociaal werk 5 juli 2024 Webinar Dagvoorzitter "
        "Spreker in Sociaal werk en gezondheid , namens Oud "
        "Netwerksamenwerking 15 maart 2024 Webinar Spreker"
    )
    assert f'href="{second.get_absolute_url()}#sessie-1"' in response.text


def test_speaker_page_lists_takeaways_attributed_to_them_with_their_source(client, klaar):
    event = factories.event(title="Netwerksamenwerking")
    factories.takeaway(event=event, text="Vertrouwen komt te voet.", people=[klaar])
    factories.takeaway(event=event, text="Niet van Klaar.")
    section_text = section(client.get("/sprekers/klaar-de-smaele/"), "inzichten")
    assert section_text.startswith("Inzichten Vertrouwen komt te voet. Uit Netwerksamenwerking")
    assert "Niet van Klaar." not in section_text


def test_speaker_on_a_draft_event_only_shows_no_events(client, klaar):
    draft = factories.event(title="Concept", published=False)
    factories.participation(draft, klaar)
    factories.takeaway(event=draft, text="Concept-inzicht.", people=[klaar])
    response = client.get("/sprekers/klaar-de-smaele/")
    assert section(response, "bijeenkomsten") == "Bijeenkomsten Nog geen openbare bijeenkomsten."
    assert "Concept" not in response.text
    listing = client.get("/sprekers/")
    assert "Klaar De Smaele</a>, strategisch adviseur (Verdiwel)" in listing.text
    assert "– 0 bijeenkomsten" in text(listing.text)


def test_members_only_participation_is_shown_to_members_only(client, klaar):
    factories.participation(factories.event(title="Ledenkring", members_only=True), klaar)
    assert "Ledenkring" not in client.get("/sprekers/klaar-de-smaele/").text
    client.force_login(factories.user())
    assert titles(client.get("/sprekers/klaar-de-smaele/"), "bijeenkomsten") == ["Ledenkring"]


def test_people_list_is_alphabetical_with_visible_event_counts(client, klaar):
    factories.participation(factories.event(), klaar)
    factories.participation(factories.event(), klaar, role="moderator")
    factories.person(name="Anna Aalbers")
    names = re.findall(
        r'<li>\s*<a href="/sprekers/[^"]*">([^<]*)</a>', client.get("/sprekers/").text
    )
    assert names == ["Anna Aalbers", "Klaar De Smaele"]
    assert "– 2 bijeenkomsten" in text(client.get("/sprekers/").text)


def test_organisation_page_shows_events_with_roles_people_and_publications(client, klaar):
    verdiwel = klaar.organisation
    organised = factories.event(title="Georganiseerd", organisers=[verdiwel])
    case = factories.event(title="Als voorbeeld")
    EventOrganisation.objects.create(event=case, organisation=verdiwel, role="casus")
    factories.event(title="Concept", organisers=[verdiwel], published=False)
    published = factories.publication(title="Eigen cahier", publisher=verdiwel)
    discussed = factories.publication(title="Over Verdiwel")
    PublicationOrganisation.objects.create(publication=discussed, organisation=verdiwel)
    response = client.get(verdiwel.get_absolute_url())
    events = section(response, "bijeenkomsten")
    assert "2 bijeenkomsten waarbij deze organisatie betrokken was." in events
    assert titles(response, "bijeenkomsten") == [case.title, organised.title]
    assert "Rol: casus of voorbeeld" in events
    assert "Rol: organisator" in events
    assert section(response, "mensen") == "Mensen Klaar De Smaele , strategisch adviseur"
    assert titles(response, "uitgegeven") == [published.title]
    assert titles(response, "besproken") == [discussed.title]


def test_region_page_includes_events_of_its_sub_regions(client):
    province = factories.region(name="Gelderland", slug="gelderland", kind="provincie")
    veluwe = factories.region(name="Noord-Veluwe", slug="noord-veluwe", parent=province)
    factories.event(title="Op de Veluwe", regions=[veluwe], start_date=datetime.date(2024, 2, 1))
    factories.event(title="In Gelderland", regions=[province], start_date=datetime.date(2024, 1, 1))
    factories.event(title="Elders", regions=[factories.region()])
    publication = factories.publication(title="Gelders cahier")
    publication.regions.add(province)
    response = client.get("/regios/gelderland/")
    assert titles(response, "bijeenkomsten") == ["Op de Veluwe", "In Gelderland"]
    assert titles(response, "publicaties") == ["Gelders cahier"]
    assert section(response, "deelregios") == "Regio's hierbinnen Noord-Veluwe"
    assert titles(client.get("/regios/noord-veluwe/"), "bijeenkomsten") == ["Op de Veluwe"]


def test_region_list_is_a_tree(client):
    province = factories.region(name="Gelderland", kind="provincie")
    factories.region(name="Noord-Veluwe", parent=province)
    factories.region(name="Antwerpen", country="BE", kind="provincie")
    tree = re.search(r'<ul class="region-tree">.*</ul>', client.get("/regios/").text, re.S)[0]
    assert text(tree) == "Antwerpen (provincie) Gelderland (provincie) Noord-Veluwe (regio)"
    assert tree.count('<ul class="region-tree">') == 2


def test_domain_page_shows_events_takeaways_themes_and_the_domains_it_meets(client):
    both = factories.event(
        title="Zorg en wonen", domains=["zorg", "wonen"], tags=["wonen met zorg"]
    )
    factories.event(title="Alleen zorg", domains=["zorg"], tags=["wonen met zorg", "geld"])
    factories.event(title="Zorg en welzijn", domains=["zorg", "welzijn"])
    factories.event(title="Concept", domains=["zorg", "wonen"], published=False)
    factories.takeaway(event=both, text="Samen plannen loont.", domains=["zorg"])
    response = client.get("/domeinen/zorg/")
    assert section(response, "raakvlakken") == (
        "Raakt het vaakst aan Welzijn – 1 gezamenlijke bijeenkomst "
        "Wonen – 1 gezamenlijke bijeenkomst"
    )
    assert sorted(titles(response, "bijeenkomsten")) == [
        "Alleen zorg",
        "Zorg en welzijn",
        "Zorg en wonen",
    ]
    assert "Samen plannen loont." in section(response, "inzichten")
    assert "wonen met zorg (2)" in section(response, "themas")
    list_page = text(client.get("/domeinen/").text)
    assert "Zorg 3 bijeenkomsten" in list_page
    assert "Wonen 1 bijeenkomst" in list_page


def test_series_page_lists_its_visible_events_in_order(client):
    series = factories.series(name="Leerkring", slug="leerkring")
    factories.event(title="Twee", series=series, start_date=datetime.date(2024, 2, 1))
    factories.event(title="Een", series=series, start_date=datetime.date(2024, 1, 1))
    factories.event(title="Drie", series=series, published=False)
    assert titles(client.get("/reeksen/leerkring/"), "bijeenkomsten") == ["Een", "Twee"]


@pytest.mark.parametrize(
    "url", ["/sprekers/niemand/", "/organisaties/niemand/", "/regios/nergens/", "/domeinen/x/"]
)
def test_unknown_slugs_are_404(client, url):
    assert client.get(url).status_code == 404


def test_list_pages_are_paginated_with_a_404_beyond_the_end(client):
    for number in range(21):
        factories.organisation(name=f"Organisatie {number:02}")
    assert "Pagina 1 van 2" in client.get("/organisaties/").text
    assert "Organisatie 20" in client.get("/organisaties/", {"pagina": "2"}).text
    assert client.get("/organisaties/", {"pagina": "3"}).status_code == 404
    bad = client.get("/sprekers/", {"pagina": "abc"})
    assert "‘abc’ is geen paginanummer; de eerste pagina wordt getoond." in bad.text
