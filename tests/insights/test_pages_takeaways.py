"""The takeaways list and a takeaway's own page."""

import datetime

import pytest

from tests import factories
from tests.html import labelled_links, main_text, options, problems, takeaway_texts, texts

pytestmark = pytest.mark.django_db

URL = "/inzichten/"


@pytest.fixture
def takeaways():
    old = factories.event(title="Oud", start_date=datetime.date(2022, 1, 1))
    new = factories.event(title="Nieuw", start_date=datetime.date(2024, 1, 1))
    cahier = factories.publication(title="Cahier", published_on=datetime.date(2023, 1, 1))
    return {
        "a": factories.takeaway(event=old, text="A oud.", tags=["geld"], domains=["zorg"]),
        "b": factories.takeaway(
            event=new, text="B nieuw.", tags=["geld", "tijd"], domains=["zorg", "wonen"]
        ),
        "c": factories.takeaway(publication=cahier, text="C cahier.", tags=["tijd"]),
        "d": factories.takeaway(
            event=factories.event(published=False), text="D concept.", tags=["geld"]
        ),
        "e": factories.takeaway(
            event=factories.event(members_only=True), text="E leden.", tags=["geld"]
        ),
    }


def test_takeaways_are_listed_by_the_date_of_their_source(client, takeaways):
    assert takeaway_texts(client.get(URL)) == ["B nieuw.", "C cahier.", "A oud."]
    assert takeaway_texts(client.get(URL, {"sortering": "oud"})) == [
        "A oud.",
        "C cahier.",
        "B nieuw.",
    ]


def test_each_takeaway_links_to_where_it_came_from(client, takeaways):
    sources = labelled_links(client.get(URL), ".card__source a")
    assert sources == [
        ("Nieuw", f"{takeaways['b'].event.get_absolute_url()}#{takeaways['b'].anchor}"),
        ("Cahier", f"{takeaways['c'].publication.get_absolute_url()}#{takeaways['c'].anchor}"),
        ("Oud", f"{takeaways['a'].event.get_absolute_url()}#{takeaways['a'].anchor}"),
    ]


def test_takeaways_filter_by_domain_and_theme(client, takeaways):
    assert takeaway_texts(client.get(URL, {"domein": "zorg"})) == ["B nieuw.", "A oud."]
    assert takeaway_texts(client.get(URL, {"thema": "tijd"})) == ["B nieuw.", "C cahier."]
    both = client.get(URL, {"domein": ["zorg", "wonen"], "thema": "geld"})
    assert takeaway_texts(both) == ["B nieuw."]


def test_theme_counts_leave_out_drafts_and_members_only(client, takeaways):
    assert options(client.get(URL), "thema") == ["Geld (2)", "Tijd (2)"]


def test_members_see_members_only_takeaways(client, takeaways):
    client.force_login(factories.user())
    assert takeaway_texts(client.get(URL)) == ["E leden.", "B nieuw.", "C cahier.", "A oud."]


def test_bad_theme_gets_a_message(client, takeaways):
    response = client.get(URL, {"thema": "bestaat-niet"})
    assert problems(response) == ["Thema: er is geen thema ‘bestaat-niet’."]
    assert takeaway_texts(response) == ["B nieuw.", "C cahier.", "A oud."]


def test_takeaway_page_shows_context_and_related_takeaways_from_other_sources(client, takeaways):
    klaar = factories.person(name="Klaar")
    subject = factories.takeaway(
        event=takeaways["b"].event,
        text="Vertrouwen vraagt tijd.",
        explanation="Zie *de sessie*.",
        tags=["tijd", "geld"],
        people=[klaar],
    )
    response = client.get(subject.get_absolute_url())
    assert texts(response, "h1") == ["Vertrouwen vraagt tijd."]
    assert texts(response, "article > .prose") == ["Zie de sessie ."]
    assert texts(response, "article > .prose em") == ["de sessie"]
    assert takeaway_texts(response, "gerelateerd") == ["C cahier.", "A oud."]
    assert texts(response, ".reasons", anchor="gerelateerd") == [
        "gedeeld thema: tijd",
        "gedeeld thema: geld",
    ]
    assert texts(response, "li", anchor="zelfde-bron") == ["B nieuw."]
    assert "D concept." not in response.text
    assert "E leden." not in response.text


def test_takeaways_of_drafts_are_404_except_in_staff_preview(client, takeaways):
    url = takeaways["d"].get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(factories.user(staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert "Voorbeeld: dit is een concept en niet openbaar." in main_text(response)


def test_takeaways_of_members_only_events_are_for_members(client, takeaways):
    url = takeaways["e"].get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(factories.user())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("order", ["nieuw", "oud"])
def test_pages_of_takeaways_follow_on_without_gaps_or_repeats(client, order):
    expected = []
    for day in range(1, 31):
        date = datetime.date(2024, 1, day)
        if day % 6:
            source = {"event": factories.event(start_date=date)}
        else:
            source = {"publication": factories.publication(published_on=date)}
        factories.takeaway(text=f"Inzicht van dag {day:02}.", **source)
        expected.append(f"Inzicht van dag {day:02}.")
    if order == "nieuw":
        expected.reverse()
    pages = [
        takeaway_texts(client.get(URL, {"sortering": order, "pagina": number})) for number in (1, 2)
    ]
    assert pages[0] + pages[1] == expected
