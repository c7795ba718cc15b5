"""The publications list and a publication's page with its takeaways and related items."""

import datetime
import html
import re

import pytest

from insights.models import PublicationOrganisation
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/publicaties/"


def text(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def titles(markup):
    return [html.unescape(t) for t in re.findall(r'card__title"><a href="[^"]*">([^<]*)<', markup)]


def section(response, anchor):
    match = re.search(rf'<h2 id="{anchor}">(.*?)(?:<h2 |</main>)', response.text, re.S)
    return match[1] if match else ""


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
    assert titles(response.text) == ["Interview", "Cahier", "White paper"]
    assert "vastgelegd op <time" in response.text


def test_publications_filter_by_kind_year_domain_and_theme(client, publications):
    assert titles(client.get(URL, {"soort": "cahier"}).text) == ["Cahier"]
    assert titles(client.get(URL, {"jaar": "2024"}).text) == ["Interview", "Cahier"]
    assert titles(client.get(URL, {"domein": "zorg", "jaar": "2023"}).text) == ["White paper"]
    assert titles(client.get(URL, {"thema": "geld"}).text) == ["White paper"]


def test_kind_counts_and_labels(client, publications):
    response = client.get(URL)
    assert '<option value="cahier">Cahier (1)</option>' in response.text
    assert '<option value="whitepaper">White paper (1)</option>' in response.text
    chosen = client.get(URL, {"soort": "whitepaper"})
    assert '<option value="whitepaper" selected>White paper (1)</option>' in chosen.text
    assert "Soort: White paper" in chosen.text


def test_unknown_kind_gets_a_message(client, publications):
    response = client.get(URL, {"soort": "roman"})
    assert "Soort: er is geen soort publicatie ‘roman’." in response.text
    assert titles(response.text) == ["Interview", "Cahier", "White paper"]


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
    assert "<h1>Cahier</h1>" in response.text
    assert '<article class="card" id="inzicht-samen-begint-klein">' in response.text
    assert titles(section(response, "bijeenkomsten")) == ["Gekoppelde bijeenkomst", "Met Klaar"]
    reasons = text(section(response, "bijeenkomsten"))
    assert "gekoppeld door de redactie" in reasons
    assert "zelfde spreker: Klaar De Smaele" in reasons
    assert "Klaar De Smaele (auteur)" in text(response.text)


def test_related_publications_share_events_themes_or_people(client, publications):
    event = factories.event()
    publications["cahier"].related_events.add(event)
    publications["interview"].related_events.add(event)
    response = client.get(publications["cahier"].get_absolute_url())
    assert titles(section(response, "publicaties")) == ["Interview", "White paper"]
    assert "over dezelfde bijeenkomst" in text(section(response, "publicaties"))
    assert "Concept" not in section(response, "publicaties")


def test_members_only_publication_is_a_teaser_for_non_members(client, publications):
    paper = publications["paper"]
    paper.members_only = True
    paper.body = "Het hele verhaal."
    paper.summary = "Kort gezegd."
    paper.save()
    factories.takeaway(publication=paper, text="Geheim inzicht.")
    response = client.get(paper.get_absolute_url())
    assert "Kort gezegd." in response.text
    assert "Dit is alleen voor leden" in response.text
    assert "Het hele verhaal." not in response.text
    assert "Geheim inzicht." not in response.text
    listing = client.get(URL)
    assert "Alleen voor leden" in listing.text


def test_draft_publications_are_previewed_by_staff_only(client, publications):
    url = publications["draft"].get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(factories.user(staff=True))
    assert "Voorbeeld: dit is een concept en niet openbaar." in client.get(url).text
    assert "Concept" not in titles(client.get(URL).text)
