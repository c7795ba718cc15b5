"""The publications list and a publication's page with its takeaways and related items."""

import datetime

import pytest

from insights.models import PublicationOrganisation
from tests import factories
from tests.html import (
    card,
    chips,
    chosen,
    facts,
    main_text,
    options,
    problems,
    section,
    texts,
    titles,
)

pytestmark = pytest.mark.django_db

URL = "/publicaties/"


@pytest.fixture
def publications():
    return {
        "paper": factories.publication(
            title="White paper",
            kind="whitepaper",
            published_on=datetime.date(2023, 5, 1),
            domains=["zorg"],
            tags=["geld"],
        ),
        "cahier": factories.publication(
            title="Cahier",
            kind="cahier",
            published_on=datetime.date(2024, 2, 1),
            domains=["zorg", "wonen"],
        ),
        "interview": factories.publication(
            title="Interview",
            kind="interview",
            published_on=datetime.date(2024, 6, 1),
            source_date_is_capture=True,
        ),
        "draft": factories.publication(title="Concept", kind="cahier", published=False),
    }


def test_publications_newest_first_with_kind_and_date(client, publications):
    response = client.get(URL)
    assert titles(response) == ["Interview", "Cahier", "White paper"]
    assert texts(response, ".card") == [
        "Interview Interview vastgelegd op 1 juni 2024",
        "Cahier Cahier 1 februari 2024 Zorg, Wonen",
        "White paper White paper 1 mei 2023 Zorg",
    ]


def test_publications_filter_by_kind_year_domain_and_theme(client, publications):
    assert titles(client.get(URL, {"soort": "cahier"})) == ["Cahier"]
    assert titles(client.get(URL, {"jaar": "2024"})) == ["Interview", "Cahier"]
    assert titles(client.get(URL, {"domein": "zorg", "jaar": "2023"})) == ["White paper"]
    assert titles(client.get(URL, {"thema": "geld"})) == ["White paper"]


def test_kind_counts_and_labels(client, publications):
    response = client.get(URL)
    assert options(response, "soort") == ["White paper (1)", "Cahier (1)", "Interview (1)"]
    response = client.get(URL, {"soort": "whitepaper"})
    assert chosen(response, "soort") == ["White paper (1)"]
    assert chips(response) == [("Verwijder filter Soort: White paper", "/publicaties/")]


def test_unknown_kind_gets_a_message(client, publications):
    response = client.get(URL, {"soort": "roman"})
    assert problems(response) == ["Soort: er is geen soort publicatie ‘roman’."]
    assert titles(response) == ["Interview", "Cahier", "White paper"]


def test_publication_page_shows_its_takeaways_and_related_events(client, publications):
    cahier = publications["cahier"]
    klaar = factories.person(name="Klaar De Smaele")
    cahier.publication_people.create(person=klaar, role="auteur")
    PublicationOrganisation.objects.create(
        publication=cahier, organisation=factories.organisation(name="Health Hub")
    )
    factories.takeaway(publication=cahier, text="Samen begint klein.", slug="samen-begint-klein")
    linked = factories.event(title="Gekoppelde bijeenkomst")
    cahier.related_events.add(linked)
    spoken = factories.event(title="Met Klaar")
    factories.participation(spoken, klaar)
    factories.event(title="Concept met Klaar", published=False)
    response = client.get(cahier.get_absolute_url())
    assert texts(response, "h1") == ["Cahier"]
    assert texts(response, "article.card#inzicht-samen-begint-klein .takeaway-text") == [
        "Samen begint klein."
    ]
    assert titles(response, "bijeenkomsten") == ["Gekoppelde bijeenkomst", "Met Klaar"]
    assert texts(response, ".reasons", anchor="bijeenkomsten") == [
        "gekoppeld door de redactie",
        "zelfde spreker: Klaar De Smaele",
    ]
    assert facts(response)["Mensen"] == "Klaar De Smaele (auteur)"


def test_related_publications_share_events_themes_or_people(client, publications):
    event = factories.event()
    publications["cahier"].related_events.add(event)
    publications["interview"].related_events.add(event)
    response = client.get(publications["cahier"].get_absolute_url())
    assert titles(response, "publicaties") == ["Interview", "White paper"]
    assert texts(response, ".reasons", anchor="publicaties") == [
        f"over dezelfde bijeenkomst: {event.title}",
        "zelfde domein: Zorg",
    ]
    assert "Concept" not in section(response, "publicaties")


def test_members_only_publication_is_a_teaser_for_non_members(client, publications):
    paper = publications["paper"]
    paper.members_only = True
    paper.body = "Het hele verhaal."
    paper.summary = "Kort gezegd."
    paper.save()
    factories.takeaway(publication=paper, text="Geheim inzicht.")
    response = client.get(paper.get_absolute_url())
    assert texts(response, ".lead") == ["Kort gezegd."]
    assert "Dit is alleen voor leden" in main_text(response)
    assert "Het hele verhaal." not in response.text
    assert "Geheim inzicht." not in response.text
    assert "Alleen voor leden" in card(client.get(URL), "White paper")


def test_draft_publications_are_previewed_by_staff_only(client, publications):
    url = publications["draft"].get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(factories.user(staff=True))
    assert "Voorbeeld: dit is een concept en niet openbaar." in main_text(client.get(url))
    assert "Concept" not in titles(client.get(URL))
