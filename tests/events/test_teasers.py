"""One teaser rule on every surface (events/publishing.py).

A visitor who is not a member sees a members-only event or publication by its title, kind,
date, domains and summary: never who took part (organisers, partners, speakers, publisher), its
place, themes, regions, series, takeaways, body or sessions — not on its card, its page, in a
filter, a count, a related list or a search. People, organisations, themes and regions that
only such an item shows are unknown to the visitor (events/reach.py). A member sees it all.
"""

import datetime

import pytest

from events.models import EventOrganisation
from insights.models import PublicationOrganisation
from insights.search.engine import search
from tests import factories
from tests.html import card, main_text, options, problems, section, texts, titles

pytestmark = pytest.mark.django_db

WITHHELD = [
    "Geheime Stichting",
    "Partnerbureau",
    "Geheime Spreker",
    "Utrecht",
    "geheim thema",
    "Geheime regio",
    "Een geheim inzicht.",
    "Het verslag voor leden.",
    "Sessie voor leden",
]


@pytest.fixture
def portal():
    noord = factories.region(name="Noord", slug="noord")
    shared = factories.organisation(name="Gedeelde Stichting", slug="gedeeld")
    series = factories.series(name="Reeks", slug="reeks")
    speaker = factories.person(name="Open Spreker", slug="open-spreker")
    public = factories.event(
        title="Open bijeenkomst",
        slug="open",
        domains=["zorg"],
        regions=[noord],
        organisers=[shared],
        tags=["vertrouwen"],
        series=series,
        start_date=datetime.date(2024, 3, 1),
    )
    factories.participation(public, speaker)
    factories.takeaway(event=public, text="Een open inzicht.", tags=["vertrouwen"])
    members = factories.event(
        title="Ledenkring",
        slug="ledenkring",
        summary="Een kring voor leden.",
        body="Het verslag voor leden.",
        location="Utrecht",
        members_only=True,
        domains=["zorg", "wonen"],
        regions=[noord, factories.region(name="Geheime regio", slug="geheime-regio")],
        organisers=[shared, factories.organisation(name="Geheime Stichting", slug="geheim")],
        tags=["vertrouwen", "geheim thema"],
        series=series,
        start_date=datetime.date(2024, 5, 1),
    )
    EventOrganisation.objects.create(
        event=members, organisation=factories.organisation(name="Partnerbureau"), role="partner"
    )
    factories.session(members, title="Sessie voor leden")
    factories.participation(members, factories.person(name="Geheime Spreker", slug="geheim"))
    factories.participation(members, speaker)
    factories.takeaway(event=members, text="Een geheim inzicht.", tags=["vertrouwen"])
    publication = factories.publication(
        title="Ledencahier",
        members_only=True,
        publisher=factories.organisation(name="Geheime Uitgever", slug="uitgever"),
        domains=["zorg"],
        tags=["vertrouwen"],
    )
    PublicationOrganisation.objects.create(publication=publication, organisation=shared)
    publication.related_events.add(public)
    return {"public": public, "members": members, "publication": publication}


def test_a_teaser_card_shows_title_kind_date_domains_and_summary_only(client, portal):
    response = client.get("/bijeenkomsten/")
    assert card(response, "Ledenkring") == (
        "Ledenkring 1 mei 2024 Webinar Alleen voor leden Een kring voor leden. Zorg, Wonen"
    )
    assert not any(withheld in main_text(response) for withheld in WITHHELD)


def test_a_teaser_page_shows_the_teaser_only(client, portal):
    response = client.get("/bijeenkomsten/ledenkring/")
    assert response.status_code == 200
    page = main_text(response)
    assert "Een kring voor leden." in page
    assert "Dit is alleen voor leden" in page
    assert [withheld for withheld in WITHHELD if withheld in page] == []


def test_filters_and_counts_never_tell_what_a_teaser_withholds(client, portal):
    response = client.get("/bijeenkomsten/")
    assert options(response, "domein") == ["Zorg (2)", "Wonen (1)"]
    assert options(response, "soort") == ["Webinar (2)"]
    assert options(response, "jaar") == ["2024 (2)"]
    assert options(response, "regio") == ["Noord (1)"]
    assert options(response, "organisatie") == ["Gedeelde Stichting (1)"]
    assert options(response, "thema") == ["Vertrouwen (1)"]
    for params in ({"thema": "vertrouwen"}, {"regio": "noord"}, {"organisatie": "gedeeld"}):
        assert titles(client.get("/bijeenkomsten/", params)) == ["Open bijeenkomst"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"organisatie": "geheim"}, "Organisatie: er is geen organisatie ‘geheim’."),
        ({"regio": "geheime-regio"}, "Regio: er is geen regio ‘geheime-regio’."),
        ({"thema": "geheim-thema"}, "Thema: er is geen thema ‘geheim-thema’."),
    ],
)
def test_what_only_a_teaser_shows_is_an_unknown_filter(client, portal, params, message):
    response = client.get("/bijeenkomsten/", params)
    assert problems(response) == [message]
    assert "geheim thema" not in main_text(response).lower()


@pytest.mark.parametrize(
    "path",
    [
        "/organisaties/geheim/",
        "/organisaties/uitgever/",
        "/sprekers/geheim/",
        "/themas/geheim-thema/",
        "/regios/geheime-regio/",
    ],
)
def test_what_only_a_teaser_shows_has_no_page(client, portal, path):
    assert client.get(path).status_code == 404
    client.force_login(factories.user())
    assert client.get(path).status_code == 200


def test_pages_about_who_and_what_list_only_what_is_seen_in_full(client, portal):
    pages = {
        "/organisaties/gedeeld/": "bijeenkomsten",
        "/regios/noord/": "bijeenkomsten",
        "/themas/vertrouwen/": "bijeenkomsten",
        "/reeksen/reeks/": "bijeenkomsten",
        "/sprekers/open-spreker/": "bijeenkomsten",
    }
    for path, anchor in pages.items():
        response = client.get(path)
        assert "Ledenkring" not in section(response, anchor), path
        assert "Open bijeenkomst" in section(response, anchor), path
    theme = client.get("/themas/vertrouwen/")
    assert "Een geheim inzicht." not in theme.text
    assert "Ledencahier" not in theme.text
    assert "Ledencahier" not in client.get("/organisaties/gedeeld/").text
    assert "Ledenkring" not in main_text(client.get("/themas/"))


def test_a_teaser_is_never_related(client, portal):
    page = client.get("/bijeenkomsten/open/")
    assert "Ledenkring" not in page.text
    assert "Ledencahier" not in page.text


def test_a_publication_teaser_card_withholds_its_publisher(client, portal):
    response = client.get("/publicaties/")
    assert titles(response) == ["Ledencahier"]
    assert "Geheime Uitgever" not in card(response, "Ledencahier")


def test_search_finds_nothing_a_teaser_withholds(portal):
    for query in ("utrecht", "geheime stichting", "verslag", "geheim inzicht", "ledencahier"):
        assert search(query, user=None).total == 0, query


def test_a_member_sees_everything(client, portal):
    client.force_login(factories.user())
    page = main_text(client.get("/bijeenkomsten/ledenkring/"))
    assert [withheld for withheld in WITHHELD if withheld not in page] == []
    response = client.get("/bijeenkomsten/")
    assert options(response, "organisatie") == [
        "Gedeelde Stichting (2)",
        "Geheime Stichting (1)",
        "Partnerbureau (1)",
    ]
    assert texts(client.get("/bijeenkomsten/", {"thema": "geheim-thema"}), ".card__title") == [
        "Ledenkring"
    ]
    assert search("utrecht", user=factories.user()).total == 1
