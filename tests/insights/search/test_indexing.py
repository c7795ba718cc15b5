"""Writing the index: the functions ``catch_up`` calls with what the backlog holds, and the
rebuild. Searches here do not catch up themselves (that is tested in test_backlog.py), so
that what each function writes is seen alone."""

import pytest

from insights.search import backlog
from insights.search.engine import search
from insights.search.indexing import (
    index_events,
    index_items,
    index_organisations,
    index_people,
    index_publications,
    index_takeaways,
    items_changed,
    remove,
)
from insights.search.models import Change, SearchEntry, SearchWord
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _searches_do_not_catch_up(monkeypatch):
    monkeypatch.setattr(backlog, "keep_up", lambda: None)


def urls(query, user):
    return sorted(hit.url for hit in search(query, user=user).hits)


def entries():
    return sorted(SearchEntry.objects.values_list("item_type", "item_id"))


def test_new_event_with_session_and_takeaway_is_found_after_indexing(anonymous):
    event = factories.event(title="Buurtzorg in de polder")
    session = factories.session(event, title="Wijkverpleging aan tafel")
    takeaway = factories.takeaway(event=event, text="Wijkverpleegkundigen kennen de buurt.")
    assert search("polder", user=anonymous).total == 0

    index_events(ids=[event.pk])

    assert urls("polder", anonymous) == [event.get_absolute_url()]
    assert urls("wijkverpleging", anonymous) == [session.get_absolute_url()]
    assert urls("wijkverpleegkundigen", anonymous) == [takeaway.get_absolute_url()]


def test_reindexing_an_event_drops_its_deleted_takeaways(anonymous):
    event = factories.event()
    takeaway = factories.takeaway(event=event, text="Tijdelijk inzicht over dakloosheid.")
    index_events(ids=[event.pk])
    takeaway.delete()

    index_events(ids=[event.pk])

    assert search("dakloosheid", user=anonymous).total == 0
    assert entries() == [("bijeenkomst", event.pk)]


def test_indexing_twice_changes_nothing():
    event = factories.event()
    factories.takeaway(event=event)
    index_events(ids=[event.pk])
    before = entries()

    index_events(ids=[event.pk])

    assert entries() == before


def test_edited_takeaway(anonymous):
    takeaway = factories.takeaway(text="Eerst over vergrijzing.")
    index_events(ids=[takeaway.event_id])
    takeaway.text = "Nu over vereenzaming."
    takeaway.save()

    index_takeaways(ids=[takeaway.pk])

    assert (search("vergrijzing", user=anonymous).total, urls("vereenzaming", anonymous)) == (
        0,
        [takeaway.get_absolute_url()],
    )


def test_publication_with_its_takeaways(anonymous):
    publication = factories.publication(title="Cahier over dorpsvernieuwing")
    takeaway = factories.takeaway(publication=publication, text="Dorpen vernieuwen van onderop.")

    index_publications(ids=[publication.pk])

    assert urls("dorpsvernieuwing", anonymous) == [publication.get_absolute_url()]
    assert urls("onderop", anonymous) == [takeaway.get_absolute_url()]


def test_renamed_person_is_found_by_the_new_name_on_their_events(anonymous):
    person = factories.person(name="Anna Jansen")
    event = factories.event(title="Netwerkdag")
    factories.participation(event, person)
    index_events(ids=[event.pk])
    person.name = "Anna Pietersen"
    person.save()

    changed = {Change.PERSON: {person.pk}, Change.PERSON_NAME: {person.pk}}
    index_items(**items_changed(changed).as_keywords())

    assert urls("pietersen", anonymous) == sorted(
        [person.get_absolute_url(), event.get_absolute_url()]
    )
    assert search("jansen", user=anonymous).total == 0


def test_renamed_organisation_is_found_by_the_new_name(anonymous):
    organisation = factories.organisation(name="Stichting Oud")
    person = factories.person(name="Piet Peters", organisation=organisation)
    event = factories.event(title="Regiodag", organisers=[organisation])
    factories.participation(event, person)
    index_events(ids=[event.pk])
    index_people(ids=[person.pk])
    organisation.name = "Stichting Nieuw"
    organisation.save()

    changed = {Change.ORGANISATION: {organisation.pk}, Change.ORGANISATION_NAME: {organisation.pk}}
    index_items(**items_changed(changed).as_keywords())

    assert urls("stichting nieuw", anonymous) == sorted(
        [organisation.get_absolute_url(), person.get_absolute_url(), event.get_absolute_url()]
    )


def test_remove_takes_an_event_with_its_sessions_and_takeaways():
    event = factories.event()
    factories.session(event)
    factories.takeaway(event=event)
    person = factories.person()
    index_events(ids=[event.pk])
    index_people(ids=[person.pk])

    remove(events=[event.pk])

    assert entries() == [("persoon", person.pk)]


def test_remove_single_items():
    takeaway = factories.takeaway()
    organisation = factories.organisation()
    index_events(ids=[takeaway.event_id])
    index_organisations(ids=[organisation.pk])

    remove(takeaways=[takeaway.pk], organisations=[organisation.pk])

    assert entries() == [("bijeenkomst", takeaway.event_id)]


def test_indexing_learns_new_public_words_only():
    factories.event(title="Kangoeroewoning", published=False)
    public = factories.event(title="Mantelzorgwoning")

    index_events(ids=[public.pk, public.pk - 1])

    known = set(SearchWord.objects.values_list("word", flat=True))
    assert "mantelzorgwoning" in known
    assert "kangoeroewoning" not in known
