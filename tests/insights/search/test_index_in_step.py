"""The search index follows every write: the admin's saves, deletes and publishing actions, the
synonym sets and the importer. Checked by searching as a visitor would, right after the write."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse

from events.models import Event, Person
from insights.importing import import_content
from insights.models import Publication, SynonymSet
from insights.search import storage
from insights.search.backlog import catch_up
from insights.search.engine import search
from insights.search.indexing import index_items, index_publications, rebuild_index
from insights.search.models import SearchEntry
from tests import factories
from tests.events.test_admin import (
    ADD_URL,
    CHANGELIST_URL,
    change_url,
    event_form,
    session_row,
    takeaway_row,
)
from tests.insights.test_admin import TAKEAWAY_CHANGELIST_URL, takeaway_form

pytestmark = pytest.mark.django_db

PUBLICATION_CHANGELIST_URL = reverse("admin:insights_publication_changelist")
SYNONYMS_ADD_URL = reverse("admin:insights_synonymset_add")
DEMO = Path(settings.BASE_DIR) / "data" / "demo.json"


def urls(query, user):
    return sorted(hit.url for hit in search(query, user=user).hits)


def entry_ids():
    """The ids of the index's entries by item type: an entry written again gets a new one."""
    ids = {}
    for pk, item_type in SearchEntry.objects.values_list("pk", "item_type"):
        ids.setdefault(item_type, set()).add(pk)
    return ids


def delete_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


def action(client, url, name, objs):
    selected = [obj.pk for obj in objs]
    response = client.post(url, {"action": name, "_selected_action": selected, "post": "yes"})
    assert response.status_code == 302


@pytest.fixture
def indexed_event():
    """A published event with a session and a takeaway, indexed."""
    event = factories.event(title="Buurtkamer in Oosterwijk", slug="buurtkamer-oosterwijk")
    factories.session(event, title="Rondleiding door de buurtkamer")
    factories.takeaway(event=event, text="Een buurtkamer trekt ook mantelzorgers.")
    catch_up()
    return event


# Saving events in the admin


def test_event_added_as_draft_is_found_once_published(admin_client, anonymous):
    data = event_form(
        {"title": "Buurtkamer in Oosterwijk", "slug": "buurtkamer-oosterwijk"},
        takeaways=[takeaway_row("Mantelzorgers vinden de buurtkamer via de huisarts.")],
    )
    assert admin_client.post(ADD_URL, data).status_code == 302
    event = Event.objects.get(slug="buurtkamer-oosterwijk")
    takeaway = event.takeaways.get()
    assert urls("buurtkamer", anonymous) == []

    action(admin_client, CHANGELIST_URL, "publish", [event])

    assert urls("buurtkamer", anonymous) == sorted(
        [event.get_absolute_url(), takeaway.get_absolute_url()]
    )


def test_event_added_as_published_is_found_at_once_with_its_session(admin_client, anonymous):
    data = event_form(
        {
            "title": "Buurtkamer in Oosterwijk",
            "slug": "buurtkamer-oosterwijk",
            "status": "published",
        },
        sessions=[session_row(1, "Rondleiding langs de moestuin")],
    )

    assert admin_client.post(ADD_URL, data).status_code == 302

    event = Event.objects.get(slug="buurtkamer-oosterwijk")
    assert urls("oosterwijk", anonymous) == [event.get_absolute_url()]
    assert urls("moestuin", anonymous) == [event.sessions.get().get_absolute_url()]


def test_unpublish_action_hides_an_event_and_its_takeaways_at_once(
    admin_client, anonymous, indexed_event
):
    assert len(urls("buurtkamer", anonymous)) == 3

    action(admin_client, CHANGELIST_URL, "unpublish", [indexed_event])

    assert urls("buurtkamer", anonymous) == []


def test_unpublish_action_hides_a_publication_and_its_takeaways_at_once(admin_client, anonymous):
    publication = factories.publication(title="Cahier over dorpsvernieuwing")
    takeaway = factories.takeaway(publication=publication, text="Dorpsvernieuwing van onderop.")
    index_publications(ids=[publication.pk])
    assert urls("dorpsvernieuwing", anonymous) == sorted(
        [publication.get_absolute_url(), takeaway.get_absolute_url()]
    )

    action(admin_client, PUBLICATION_CHANGELIST_URL, "unpublish", [publication])

    assert urls("dorpsvernieuwing", anonymous) == []


def test_members_only_event_is_hidden_from_visitors_but_not_from_members(
    admin_client, anonymous, member, indexed_event
):
    data = event_form(
        {
            "title": indexed_event.title,
            "slug": indexed_event.slug,
            "status": "published",
            "members_only": "on",
        }
    )

    assert admin_client.post(change_url(indexed_event), data).status_code == 302

    assert (len(urls("buurtkamer", anonymous)), len(urls("buurtkamer", member))) == (0, 3)


def test_edited_takeaway_is_found_by_its_new_text_only(admin_client, anonymous, indexed_event):
    takeaway = indexed_event.takeaways.get()
    data = takeaway_form(
        text="Een buurtkamer trekt ook vrijwilligers.",
        slug=takeaway.slug,
        event=indexed_event.pk,
        order=1,
    )

    assert admin_client.post(change_url(takeaway), data).status_code == 302

    assert urls("vrijwilligers", anonymous) == [takeaway.get_absolute_url()]
    assert urls("mantelzorgers", anonymous) == []


# Deleting


def test_deleted_event_takes_its_session_and_takeaway_out_of_search(
    admin_client, anonymous, indexed_event
):
    response = admin_client.post(delete_url(indexed_event), {"post": "yes"})

    assert response.status_code == 302
    assert urls("buurtkamer", anonymous) == []


def test_bulk_deleted_takeaway_leaves_its_event_findable(admin_client, anonymous, indexed_event):
    action(admin_client, TAKEAWAY_CHANGELIST_URL, "delete_selected", indexed_event.takeaways.all())

    assert urls("mantelzorgers", anonymous) == []
    assert len(urls("buurtkamer", anonymous)) == 2  # the event and its session


def test_bulk_deleted_publications_are_no_longer_found(admin_client, anonymous):
    publications = [factories.publication(title=f"Dorpsvernieuwing deel {n}") for n in (1, 2)]
    index_publications(ids=[publication.pk for publication in publications])

    action(admin_client, PUBLICATION_CHANGELIST_URL, "delete_selected", publications)

    assert (Publication.objects.count(), urls("dorpsvernieuwing", anonymous)) == (0, [])


# People, organisations and synonyms


def test_renamed_person_is_found_by_the_new_name_on_their_event(admin_client, anonymous):
    person = factories.person(name="Anna Jansen", slug="anna-jansen")
    event = factories.event(title="Netwerkdag")
    factories.participation(event, person)
    index_items(events=[event.pk], people=[person.pk])
    data = {"name": "Anna Pietersen", "slug": "anna-jansen", "function": "", "bio": ""}

    assert admin_client.post(change_url(person), {**data, "organisation": ""}).status_code == 302

    assert urls("pietersen", anonymous) == sorted(
        [person.get_absolute_url(), event.get_absolute_url()]
    )
    assert urls("jansen", anonymous) == []


def organisation_form(organisation, **fields):
    data = {"name": organisation.name, "slug": organisation.slug, "kind": organisation.kind}
    return {**data, "website": "", "region": "", "description": "", "ceased_on": "", **fields}


def test_renamed_organisation_is_found_by_the_new_name_on_its_people_and_events(
    admin_client, anonymous
):
    organisation = factories.organisation(name="Stichting Oud")
    person = factories.person(name="Piet Peters", organisation=organisation)
    event = factories.event(title="Regiodag", organisers=[organisation])
    factories.participation(event, person)
    catch_up()
    data = organisation_form(organisation, name="Stichting Nieuw")

    assert admin_client.post(change_url(organisation), data).status_code == 302

    assert urls("stichting nieuw", anonymous) == sorted(
        [organisation.get_absolute_url(), person.get_absolute_url(), event.get_absolute_url()]
    )
    assert urls("oud", anonymous) == []


def test_saving_an_organisation_under_the_same_name_leaves_its_events_alone(admin_client):
    """Only the organisation's own entry is written again, not those of its many events."""
    organisation = factories.organisation(name="Stichting Oud")
    [factories.event(organisers=[organisation]) for _ in range(3)]
    catch_up()
    before = entry_ids()
    data = organisation_form(organisation, website="https://example.org/")

    assert admin_client.post(change_url(organisation), data).status_code == 302

    after = entry_ids()
    assert (after["bijeenkomst"], after["organisatie"] == before["organisatie"]) == (
        before["bijeenkomst"],
        False,
    )


def test_deleted_person_is_no_longer_found(admin_client, anonymous):
    person = factories.person(name="Anna Jansen")
    index_items(people=[person.pk])

    assert admin_client.post(delete_url(person), {"post": "yes"}).status_code == 302

    assert (Person.objects.count(), urls("jansen", anonymous)) == (0, [])


def test_synonym_set_edited_in_the_admin_applies_to_the_next_search(
    admin_client, anonymous, django_capture_on_commit_callbacks
):
    publication = factories.publication(title="Integraal Zorgakkoord in de praktijk")
    takeaway = factories.takeaway(text="Het IZA vraagt om regionale plannen.")
    index_items(publications=[publication.pk], takeaways=[takeaway.pk])
    assert urls("IZA", anonymous) == [takeaway.get_absolute_url()]  # the table is cached now

    with django_capture_on_commit_callbacks(execute=True):
        data = {"terms": "IZA\nIntegraal Zorgakkoord", "note": ""}
        assert admin_client.post(SYNONYMS_ADD_URL, data).status_code == 302
    both = urls("IZA", anonymous)
    with django_capture_on_commit_callbacks(execute=True):
        data = {"terms": "IZA\nGezond en Actief Leven Akkoord", "note": ""}
        assert admin_client.post(change_url(SynonymSet.objects.get()), data).status_code == 302

    assert both == sorted([publication.get_absolute_url(), takeaway.get_absolute_url()])
    assert urls("IZA", anonymous) == [takeaway.get_absolute_url()]


# Importing


def test_demo_import_into_an_empty_index_is_found_as_after_a_rebuild(anonymous):
    queries = ["Klaar De Smaele", "samenwerking", "Platform31", "IZA", "meerpartij"]

    call_command("import_content", DEMO, verbosity=0)

    imported = {query: [hit.url for hit in search(query, user=anonymous).hits] for query in queries}
    rebuild_index()
    rebuilt = {query: [hit.url for hit in search(query, user=anonymous).hits] for query in queries}
    assert imported == rebuilt
    assert imported["Klaar De Smaele"][0] == "/sprekers/klaar-de-smaele/"
    assert len(imported["samenwerking"]) == 20  # a full first page


def test_import_into_an_existing_index_adds_its_content_and_renames_on_other_events(anonymous):
    """Anna is renamed by the file, on an event that is not in it; Bram is new."""
    person = factories.person(name="Anna Jansen", slug="anna-jansen")
    elsewhere = factories.event(title="Netwerkdag")
    factories.participation(elsewhere, person)
    index_items(events=[elsewhere.pk], people=[person.pk])
    factories.event_kind("webinar")
    event = {"slug": "webinar-moestuin", "title": "Webinar over de moestuin in de buurt"}
    takeaway = {"slug": "moestuin-verbindt", "text": "Een moestuin verbindt buren."}
    data = {
        "format": "dwarsverband",
        "version": 1,
        "people": [
            {"slug": "anna-jansen", "name": "Anna Pietersen"},
            {"slug": "bram-bos", "name": "Bram Bos"},
        ],
        "events": [
            {
                **event,
                "kind": "webinar",
                "status": "published",
                "published_at": "2024-01-01T10:00:00+01:00",
                "participants": [{"person": "bram-bos", "role": "spreker"}],
                "takeaways": [takeaway],
            }
        ],
    }

    import_content(data)

    imported = Event.objects.get(slug="webinar-moestuin")
    assert urls("moestuin", anonymous) == sorted(
        [imported.get_absolute_url(), imported.takeaways.get().get_absolute_url()]
    )
    assert urls("pietersen", anonymous) == sorted(
        [person.get_absolute_url(), elsewhere.get_absolute_url()]
    )
    assert urls("jansen", anonymous) == []
    bram = Person.objects.get(slug="bram-bos")
    assert urls("bram bos", anonymous) == sorted(
        [bram.get_absolute_url(), imported.get_absolute_url()]
    )


# Failing index writes


def fail(*args, **kwargs):
    raise DatabaseError("de zoekindex kon niet worden geschreven")


def test_failing_index_write_rolls_the_admin_save_back(
    admin_client, anonymous, indexed_event, monkeypatch, settings
):
    monkeypatch.setattr(storage, "insert", fail)
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # the error itself, not the 500 page
    data = event_form({"title": "Moestuin in Oosterwijk", "slug": indexed_event.slug})

    with pytest.raises(DatabaseError):
        admin_client.post(change_url(indexed_event), data)

    indexed_event.refresh_from_db()
    assert (indexed_event.title, indexed_event.status) == ("Buurtkamer in Oosterwijk", "published")
    assert urls("oosterwijk", anonymous) == [indexed_event.get_absolute_url()]


def test_failing_index_write_rolls_the_bulk_delete_back(
    admin_client, anonymous, indexed_event, monkeypatch, settings
):
    monkeypatch.setattr(storage, "delete", fail)
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True

    with pytest.raises(DatabaseError):
        action(admin_client, CHANGELIST_URL, "delete_selected", [indexed_event])

    assert Event.objects.filter(pk=indexed_event.pk).exists()
    assert len(urls("buurtkamer", anonymous)) == 3
