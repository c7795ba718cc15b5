"""The home page: what Dwarsverband is, the domains, newest events and publications, themes."""

import datetime

import pytest

from tests import factories
from tests.html import section, takeaway_texts, texts, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal():
    for day in range(1, 8):
        event = factories.event(
            title=f"Bijeenkomst {day}",
            start_date=datetime.date(2024, 1, day),
            domains=["zorg"] if day % 2 else ["zorg", "wonen"],
            tags=["vertrouwen"] if day > 3 else ["geld"],
        )
        factories.takeaway(event=event, text=f"Eerste inzicht van {day}.", order=1)
        factories.takeaway(event=event, text=f"Tweede inzicht van {day}.", order=2)
    factories.event(title="Concept", start_date=datetime.date(2025, 1, 1), domains=["welzijn"])
    factories.event(
        title="Concept echt", published=False, start_date=datetime.date(2025, 1, 1), tags=["geheim"]
    )
    factories.publication(title="Nieuw cahier", published_on=datetime.date(2024, 5, 1))
    factories.publication(title="Concept-cahier", published=False)


def test_home_says_what_dwarsverband_is(client, portal):
    response = client.get("/")
    assert texts(response, "h1") == ["Dwarsverband"]
    assert texts(response, "main .lead") == [
        "Wat professionals in zorg, welzijn en wonen leerden over samenwerken over de grenzen van "
        "hun domein heen. Uit webinars, leerkringen en publicaties, als korte inzichten met hun "
        "bron."
    ]


def test_home_shows_the_domains_with_their_counts(client, portal):
    assert section(client.get("/"), "domeinen") == (
        "Kies een domein Zorg 7 bijeenkomsten Welzijn 1 bijeenkomst Wonen 3 bijeenkomsten"
    )


def test_home_shows_the_newest_events_and_publications_but_no_drafts(client, portal):
    response = client.get("/")
    assert titles(response, "nieuwste-bijeenkomsten") == [
        "Concept",
        "Bijeenkomst 7",
        "Bijeenkomst 6",
        "Bijeenkomst 5",
        "Bijeenkomst 4",
    ]
    assert titles(response, "nieuwste-publicaties") == ["Nieuw cahier"]
    assert "Concept echt" not in response.text
    assert "Concept-cahier" not in response.text


def test_home_shows_one_recent_takeaway_per_newest_event(client, portal):
    takeaways = takeaway_texts(client.get("/"), "recente-inzichten")
    assert takeaways == [f"Eerste inzicht van {day}." for day in range(7, 1, -1)]


def test_home_shows_the_most_used_themes_of_published_events(client, portal):
    themes = section(client.get("/"), "themas")
    assert themes == "Veelbesproken thema's vertrouwen (4) geld (3) Alle thema's"
