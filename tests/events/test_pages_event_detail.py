"""The event page: facts, programme, participants, takeaways by theme, source, related events."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import prefetch_related_objects

from events import services
from events.models import Event, EventOrganisation
from events.querysets import SOURCE_NAMED, named
from events.related import related_events
from tests import factories
from tests.html import facts, labelled_links, links, main_text, meta, section, texts, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    vng = factories.organisation(name="VNG", slug="vng")
    hub = factories.organisation(name="Health Hub", slug="health-hub")
    event = factories.event(
        title="Samen werken aan IZA",
        slug="samen-werken-aan-iza",
        start_date=datetime.date(2024, 7, 9),
        is_online=True,
        domains=["zorg", "wonen"],
        regions=[factories.region(name="Utrecht", slug="utrecht")],
        organisers=[vng],
        tags=["vertrouwen", "geld"],
        summary="Een *webinar* over IZA.",
        body="## Verslag\n\nHet ging over **samenwerken**.",
        audience="alleen voor ambtenaren",
        attendance=120,
        source_name="VNG-nieuws",
        source_url="https://vng.nl/nieuws",
        source_date=datetime.date(2024, 7, 20),
        source_date_is_capture=True,
    )
    EventOrganisation.objects.create(event=event, organisation=hub, role="casus")
    return event


def test_event_page_shows_the_key_facts(client, event):
    response = client.get(event.get_absolute_url())
    assert facts(response) == {
        "Datum": "9 juli 2024",
        "Soort": "Webinar",
        "Plaats": "online",
        "Georganiseerd door": "VNG",
        "Besproken praktijkvoorbeelden": "Health Hub",
        "Regio's": "Utrecht",
        "Domeinen": "Zorg , Wonen",
        "Voor wie": "alleen voor ambtenaren",
        "Deelnemers": "120 deelnemers",
        "Thema's": "geld vertrouwen",
    }
    assert texts(response, "h1") == ["Samen werken aan IZA"]
    assert texts(response, ".lead p") == ["Een webinar over IZA."]
    assert texts(response, ".lead em") == ["webinar"]
    assert section(response, "verslag") == "Verslag Verslag Het ging over samenwerken ."
    assert texts(response, "strong", anchor="verslag") == ["samenwerken"]


def test_source_says_when_its_date_is_the_capture_date(client, event):
    response = client.get(event.get_absolute_url())
    assert section(response, "bron") == "Bron VNG-nieuws , vastgelegd op 20 juli 2024"


def test_unknown_date_and_date_ranges(client):
    unknown = factories.event(start_date=None)
    assert facts(client.get(unknown.get_absolute_url()))["Datum"] == "datum onbekend"
    days = factories.event(start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2024, 3, 2))
    assert facts(client.get(days.get_absolute_url()))["Datum"] == "1 maart 2024 – 2 maart 2024"


def test_sessions_in_order_with_their_speakers(client, event):
    second = factories.session(event, order=2, title="Health Hub Utrecht")
    first = factories.session(event, order=1, title="Opening")
    klaar = factories.person(name="Klaar De Smaele", function="adviseur")
    factories.participation(event, klaar, session=second, role="spreker")
    factories.participation(event, factories.person(name="Jan"), session=first, role="moderator")
    programme = section(client.get(event.get_absolute_url()), "programma")
    assert programme == (
        "Programma 1. Opening Jan – moderator of gespreksleider "
        "2. Health Hub Utrecht Klaar De Smaele , adviseur – spreker"
    )


def test_everyone_who_took_part_with_roles_and_organisation_at_the_time(client, event):
    then = factories.organisation(name="Gemeente Toen")
    person = factories.person(name="Anna", organisation=factories.organisation(name="Nu BV"))
    factories.participation(event, person, role="spreker", organisation=then, function="wethouder")
    factories.participation(event, person, role="dagvoorzitter", organisation=then)
    factories.participation(event, factories.person(name="Bert"), role="afsluiter")
    assert section(client.get(event.get_absolute_url()), "deelnemers") == (
        "Wie deden er mee Anna , wethouder (Gemeente Toen) – spreker, dagvoorzitter "
        "Bert – afsluiter"
    )


def test_takeaways_are_grouped_by_theme_and_have_anchors(client, event):
    factories.takeaway(event=event, text="Eerste inzicht.", slug="eerste", tags=["geld"], order=1)
    factories.takeaway(
        event=event, text="Tweede inzicht.", slug="tweede", tags=["vertrouwen", "geld"], order=2
    )
    factories.takeaway(event=event, text="Derde inzicht.", slug="derde", tags=["tijd"], order=3)
    factories.takeaway(event=event, text="Vierde inzicht.", slug="vierde", order=4)
    response = client.get(event.get_absolute_url())
    assert section(response, "inzichten") == (
        "Inzichten Geld Eerste inzicht. geld Tweede inzicht. geld vertrouwen "
        "Tijd Derde inzicht. tijd Overige inzichten Vierde inzicht."
    )
    assert texts(response, "article.card#inzicht-tweede .takeaway-text") == ["Tweede inzicht."]


def test_related_events_come_with_their_reasons(client, event):
    klaar = factories.person(name="Klaar De Smaele")
    factories.participation(event, klaar)
    other = factories.event(title="Over vertrouwen en geld", tags=["vertrouwen", "geld"])
    speaker = factories.event(title="Met Klaar")
    factories.participation(speaker, klaar)
    factories.event(title="Niets gemeen")
    response = client.get(event.get_absolute_url())
    assert titles(response, "gerelateerd") == ["Met Klaar", "Over vertrouwen en geld"]
    related = section(response, "gerelateerd")
    assert "zelfde spreker: Klaar De Smaele" in related
    assert "2 gedeelde thema's" in related
    assert other.title in related


def test_related_events_are_ranked_afresh_after_any_write(client, event):
    factories.event(title="Over vertrouwen en geld", tags=["vertrouwen", "geld"])
    assert titles(client.get(event.get_absolute_url()), "gerelateerd") == [
        "Over vertrouwen en geld"
    ]
    newcomer = factories.event(title="Ook over geld", tags=["geld"], published=False)
    # Published behind the services' back: the next page ranks it all the same.
    Event.objects.filter(pk=newcomer.pk).update(
        status="published", published_at=newcomer.created_at
    )
    assert titles(client.get(event.get_absolute_url()), "gerelateerd") == [
        "Over vertrouwen en geld",
        "Ook over geld",
    ]


def test_a_kept_ranking_never_yields_what_is_no_longer_visible(event):
    other = factories.event(title="Over vertrouwen en geld", tags=["vertrouwen", "geld"])
    visitor = AnonymousUser()
    prefetch_related_objects([event], *named(Event, SOURCE_NAMED))  # as the page does
    assert [r.item.title for r in related_events(event, visitor)] == ["Over vertrouwen en geld"]
    Event.objects.filter(pk=other.pk).update(status="draft")  # behind the services' back
    assert related_events(event, visitor) == []


def test_the_page_drops_a_related_event_once_it_is_unpublished(
    client, event, django_capture_on_commit_callbacks
):
    other = factories.event(title="Over vertrouwen en geld", tags=["vertrouwen", "geld"])
    assert titles(client.get(event.get_absolute_url()), "gerelateerd") == [
        "Over vertrouwen en geld"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(items=[other])
    response = client.get(event.get_absolute_url())
    assert "Over vertrouwen en geld" not in response.text
    assert section(response, "gerelateerd") is None


def test_members_and_visitors_get_their_own_page(client, member, event):
    factories.event(title="Voor leden", tags=["vertrouwen", "geld"], members_only=True)
    client.force_login(member)
    assert "gedeeld" in section(client.get(event.get_absolute_url()), "gerelateerd")
    client.logout()
    # A visitor sees the members-only event as a teaser: without the reasons, which could tell
    # what it is about.
    assert "gedeeld" not in (section(client.get(event.get_absolute_url()), "gerelateerd") or "")


def test_curated_links_come_first_and_work_both_ways(client, event):
    factories.event(title="Zelfde thema's", tags=["vertrouwen", "geld"])
    curated = factories.event(title="Door de redactie")
    event.related_events.add(curated)
    response = client.get(event.get_absolute_url())
    assert titles(response, "gerelateerd") == ["Door de redactie", "Zelfde thema's"]
    assert "gekoppeld door de redactie" in section(response, "gerelateerd")
    assert titles(client.get(curated.get_absolute_url()), "gerelateerd") == ["Samen werken aan IZA"]


def test_previous_and_next_event_in_the_same_series(client):
    series = factories.series(name="Leerkring wonen")
    first = factories.event(title="Deel 1", series=series, start_date=datetime.date(2024, 1, 1))
    second = factories.event(title="Deel 2", series=series, start_date=datetime.date(2024, 2, 1))
    factories.event(title="Deel 3 concept", series=series, published=False)
    third = factories.event(title="Deel 3", series=series, start_date=datetime.date(2024, 3, 1))
    response = client.get(second.get_absolute_url())
    assert (
        section(response, "reeks") == "In de reeks Leerkring wonen Vorige: Deel 1 Volgende: Deel 3"
    )
    assert "deel van dezelfde reeks: Leerkring wonen" in section(response, "gerelateerd")
    assert section(client.get(first.get_absolute_url()), "reeks") == (
        "In de reeks Leerkring wonen Volgende: Deel 2"
    )
    assert section(client.get(third.get_absolute_url()), "reeks") == (
        "In de reeks Leerkring wonen Vorige: Deel 2"
    )


def test_linked_publications_are_shown_but_not_drafts(client, event):
    factories.publication(title="Cahier samenwerken").related_events.add(event)
    factories.publication(title="Concept-cahier", published=False).related_events.add(event)
    publications = section(client.get(event.get_absolute_url()), "publicaties")
    assert "Cahier samenwerken" in publications
    assert "Concept-cahier" not in publications


def test_drafts_and_members_only_never_appear_among_related_items(client, event):
    factories.event(title="Concept met dezelfde thema's", tags=["vertrouwen"], published=False)
    members = factories.event(title="Voor leden", tags=["vertrouwen", "geld"], members_only=True)
    klaar = factories.person(name="Klaar De Smaele")
    factories.participation(event, klaar)
    factories.participation(members, klaar)
    # Nothing is related for a visitor: not the draft, nor the members-only event, since what
    # it shares (a speaker, themes) is what its teaser withholds.
    assert section(client.get(event.get_absolute_url()), "gerelateerd") is None
    client.force_login(factories.user())
    related = section(client.get(event.get_absolute_url()), "gerelateerd")
    assert "Voor leden" in related
    assert "zelfde spreker: Klaar De Smaele" in related


def test_members_only_event_shows_title_and_summary_to_non_members(client, event):
    event.members_only = True
    event.save()
    factories.takeaway(event=event, text="Een geheim inzicht.")
    factories.participation(event, factories.person(name="Geheime Spreker"))
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert texts(response, "h1") == ["Samen werken aan IZA"]
    assert texts(response, ".lead p") == ["Een webinar over IZA."]
    assert texts(response, ".lead em") == ["webinar"]
    assert "Dit is alleen voor leden" in main_text(response)
    for withheld in ["Het ging over", "Een geheim inzicht.", "Geheime Spreker", "VNG"]:
        assert withheld not in response.text
    client.force_login(factories.user())
    member_view = client.get(event.get_absolute_url())
    assert "Een geheim inzicht." in member_view.text
    assert "Dit is alleen voor leden" not in member_view.text


def test_drafts_are_not_found_but_staff_see_a_marked_preview(client, event):
    event.unpublish()
    event.save()
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(factories.user())
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(factories.user(staff=True))
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Voorbeeld: dit is een concept en niet openbaar." in response.text


def test_unknown_event_is_a_dutch_404(client):
    response = client.get("/bijeenkomsten/bestaat-niet/")
    assert response.status_code == 404
    assert texts(response, "h1") == ["Deze pagina bestaat niet"]


def test_page_has_its_own_title_description_canonical_and_breadcrumbs(client, event, settings):
    settings.SITE_URL = "https://dwarsverband.nl"
    response = client.get(event.get_absolute_url())
    assert texts(response, "title") == ["Samen werken aan IZA · Dwarsverband"]
    assert meta(response, "description") == "Een webinar over IZA."
    assert links(response, 'link[rel="canonical"]') == [
        "https://dwarsverband.nl/bijeenkomsten/samen-werken-aan-iza/"
    ]
    assert labelled_links(response, ".breadcrumbs a") == [
        ("Voorpagina", "/"),
        ("Bijeenkomsten", "/bijeenkomsten/"),
    ]
    assert texts(response, ".breadcrumbs li") == [
        "Voorpagina",
        "Bijeenkomsten",
        "Samen werken aan IZA",
    ]
    assert texts(response, "h1") == ["Samen werken aan IZA"]
