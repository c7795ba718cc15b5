"""Pages about people, organisations, regions, domains and series."""

import datetime

import pytest

from events.models import EventOrganisation
from insights.models import PublicationOrganisation
from tests import factories
from tests.html import labelled_links, main_text, section, select, text, texts, titles

pytestmark = pytest.mark.django_db


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
    assert texts(response, "h1") == ["Klaar De Smaele"]
    assert section(response, "bijeenkomsten") == (
        "Bijeenkomsten Deed mee aan 2 bijeenkomsten, de nieuwste eerst. "
        "Rol van sociaal werk 5 juli 2024 Webinar Dagvoorzitter "
        "Spreker in Sociaal werk en gezondheid , namens Oud "
        "Netwerksamenwerking 15 maart 2024 Webinar Spreker"
    )
    session_link = ("Sociaal werk en gezondheid", f"{second.get_absolute_url()}#sessie-1")
    assert session_link in labelled_links(response, "main a")


def test_speaker_page_lists_takeaways_attributed_to_them_with_their_source(client, klaar):
    event = factories.event(title="Netwerksamenwerking")
    factories.takeaway(event=event, text="Vertrouwen komt te voet.", people=[klaar])
    factories.takeaway(event=event, text="Niet van Klaar.")
    section_text = section(client.get("/sprekers/klaar-de-smaele/"), "inzichten")
    assert section_text.startswith("Inzichten Vertrouwen komt te voet. Uit Netwerksamenwerking")
    assert "Niet van Klaar." not in section_text


def test_speaker_of_a_draft_event_only_is_not_public(client, klaar):
    draft = factories.event(title="Concept", published=False)
    factories.participation(draft, klaar)
    factories.takeaway(event=draft, text="Concept-inzicht.", people=[klaar])
    assert client.get("/sprekers/klaar-de-smaele/").status_code == 404
    assert "Klaar De Smaele" not in client.get("/sprekers/").text
    # Nor is her organisation, which only she brings to the portal.
    assert client.get("/organisaties/verdiwel/").status_code == 404
    assert "Verdiwel" not in client.get("/organisaties/").text


def test_speaker_made_public_by_the_editors_shows_without_events(client, klaar):
    klaar.is_public = True
    klaar.save()
    response = client.get("/sprekers/klaar-de-smaele/")
    assert section(response, "bijeenkomsten") == "Bijeenkomsten Nog geen openbare bijeenkomsten."
    listing = client.get("/sprekers/")
    assert texts(listing, "main li") == [
        "Klaar De Smaele , strategisch adviseur (Verdiwel) – 0 bijeenkomsten"
    ]


def test_members_only_participation_is_shown_to_members_only(client, klaar):
    factories.participation(factories.event(title="Ledenkring", members_only=True), klaar)
    assert "Ledenkring" not in client.get("/sprekers/klaar-de-smaele/").text
    client.force_login(factories.user())
    assert titles(client.get("/sprekers/klaar-de-smaele/"), "bijeenkomsten") == ["Ledenkring"]


def test_people_list_is_alphabetical_with_visible_event_counts(client, klaar):
    factories.participation(factories.event(), klaar)
    factories.participation(factories.event(), klaar, role="moderator")
    factories.person(name="Anna Aalbers", is_public=True)
    factories.person(name="Bert Verborgen")  # on nothing visible: not public
    response = client.get("/sprekers/")
    assert texts(response, 'main li a[href^="/sprekers/"]') == ["Anna Aalbers", "Klaar De Smaele"]
    assert "– 2 bijeenkomsten" in main_text(response)


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
    # Klaar brings Verdiwel to the portal, but takes part in nothing visible herself.
    assert section(response, "mensen") is None
    factories.participation(organised, klaar)
    response = client.get(verdiwel.get_absolute_url())
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


def test_region_list_is_a_tree_of_the_regions_where_something_happens(client):
    province = factories.region(name="Gelderland", kind="provincie")
    veluwe = factories.region(name="Noord-Veluwe", parent=province)
    antwerpen = factories.region(name="Antwerpen", country="BE", kind="provincie")
    factories.region(name="Zeeland", kind="provincie")  # nothing happens there
    factories.event(regions=[veluwe])
    factories.event(regions=[antwerpen])
    factories.event(regions=[factories.region(name="Drenthe")], published=False)
    response = client.get("/regios/")
    tree = select(response, "ul.region-tree")
    assert text(tree[0]) == "Antwerpen (provincie) Gelderland (provincie) Noord-Veluwe (regio)"
    assert len(tree) == 2
    assert client.get(province.get_absolute_url()).status_code == 200
    assert client.get("/regios/drenthe/").status_code == 404
    assert client.get("/regios/zeeland/").status_code == 404


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
    list_page = main_text(client.get("/domeinen/"))
    assert "Zorg 3 bijeenkomsten" in list_page
    assert "Wonen 1 bijeenkomst" in list_page


def test_series_page_lists_its_visible_events_in_order(client):
    series = factories.series(name="Leerkring", slug="leerkring")
    factories.event(title="Twee", series=series, start_date=datetime.date(2024, 2, 1))
    factories.event(title="Een", series=series, start_date=datetime.date(2024, 1, 1))
    factories.event(title="Drie", series=series, published=False)
    factories.event(title="Vier", series=series, members_only=True)
    assert titles(client.get("/reeksen/leerkring/"), "bijeenkomsten") == ["Een", "Twee"]


def test_series_of_drafts_only_is_not_public(client):
    series = factories.series(name="Geheime reeks", slug="geheim")
    factories.event(title="Drie", series=series, published=False)
    assert client.get("/reeksen/geheim/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/sprekers/niemand/", "/organisaties/niemand/", "/regios/nergens/", "/domeinen/x/"]
)
def test_unknown_slugs_are_404(client, url):
    assert client.get(url).status_code == 404


def test_list_pages_are_paginated_with_a_404_beyond_the_end(client):
    for number in range(21):
        factories.organisation(name=f"Organisatie {number:02}", is_public=True)
    assert "Pagina 1 van 2" in client.get("/organisaties/").text
    assert "Organisatie 20" in client.get("/organisaties/", {"pagina": "2"}).text
    assert client.get("/organisaties/", {"pagina": "3"}).status_code == 404
    bad = client.get("/sprekers/", {"pagina": "abc"})
    assert "‘abc’ is geen paginanummer; de eerste pagina wordt getoond." in bad.text
