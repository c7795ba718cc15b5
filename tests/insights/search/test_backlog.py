"""Search follows every write, whoever makes it: the database keeps a backlog of what changed,
and the next search catches up on it (insights/search/backlog.py). What an entry copies to
decide who may find it is exact at once, before any catching up."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from events import generation, services
from events.models import Domain, Event, EventKind, Organisation, Person, Region
from insights.importing import import_content
from insights.models import Takeaway
from insights.search import backlog
from insights.search.backlog import catch_up
from insights.search.engine import search
from insights.search.models import Change, SearchBacklog, SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db


def titles(query, user=None, **filters):
    return sorted(hit.title for hit in search(query, user=user).hits)


def facet_labels(query, facet):
    groups = {group.facet: group for group in search(query, user=None).facets}
    return sorted(option.label for option in groups[facet].options)


@pytest.fixture
def indexed():
    """A published event with a speaker, an organiser, a region and a takeaway, indexed."""
    stichting = factories.organisation(name="Stichting Oud", slug="stichting")
    anna = factories.person(name="Anna Jansen", slug="anna", organisation=stichting)
    event = factories.event(
        title="Buurtkamer in Oosterwijk",
        kind="webinar",
        domains=["zorg"],
        regions=[factories.region(name="Noord-Veluwe", slug="noord-veluwe")],
        organisers=[stichting],
        tags=["vertrouwen"],
    )
    factories.participation(event, anna)
    factories.takeaway(event=event, text="Mantelzorgers vinden de buurtkamer.", tags=["vertrouwen"])
    catch_up()
    assert not SearchBacklog.objects.exists()
    return event


def test_every_content_table_is_followed_or_said_to_hold_nothing_the_index_shows():
    followed = set(backlog.tables())
    assert followed.isdisjoint(backlog.not_indexed_tables())
    assert followed | backlog.not_indexed_tables() == set(generation.content_tables())


def test_a_write_behind_the_portals_back_is_found_by_the_next_search(indexed):
    Takeaway.objects.filter(event=indexed).update(text="Wijkverpleegkundigen kennen de buurt.")
    assert titles("wijkverpleegkundigen") == ["Wijkverpleegkundigen kennen de buurt."]
    assert titles("mantelzorgers") == []
    assert not SearchBacklog.objects.exists()


def test_raw_sql_is_found_by_the_next_search_with_its_snippet(indexed):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE events_event SET body = %s WHERE id = %s",
            ["In de polder kennen buren elkaar.", indexed.pk],
        )
    [hit] = search("polder", user=None).hits
    assert "<mark>polder</mark>" in hit.snippet


def test_visibility_is_exact_at_once_before_any_catching_up(indexed, monkeypatch):
    """However long the backlog: no search shows what was just hidden, not for a moment."""
    monkeypatch.setattr(backlog, "keep_up", lambda: None)
    Event.objects.filter(pk=indexed.pk).update(members_only=True)
    assert titles("buurtkamer") == []
    assert titles("buurtkamer", user=factories.user()) == [
        "Buurtkamer in Oosterwijk",
        "Mantelzorgers vinden de buurtkamer.",
    ]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_event SET status = 'draft' WHERE id = %s", [indexed.pk])
    entries = SearchEntry.objects.filter(source_type="bijeenkomst", source_id=indexed.pk)
    assert set(entries.values_list("status", flat=True)) == {"draft"}
    assert titles("buurtkamer", user=factories.user()) == []


def test_people_and_organisations_are_found_only_through_what_may_be_seen(indexed, monkeypatch):
    monkeypatch.setattr(backlog, "keep_up", lambda: None)  # decided when searching, not copied
    assert titles("anna") == ["Anna Jansen", "Buurtkamer in Oosterwijk"]
    assert titles("stichting") == ["Anna Jansen", "Buurtkamer in Oosterwijk", "Stichting Oud"]
    Event.objects.filter(pk=indexed.pk).update(status="draft")
    assert titles("anna") == []
    assert titles("stichting") == []
    Person.objects.filter(slug="anna").update(is_public=True)
    assert titles("anna") == ["Anna Jansen"]


@pytest.mark.parametrize(
    ("rename", "query", "found"),
    [
        (lambda: Tag.objects.filter(name="vertrouwen").update(name="onderling vertrouwen"),
         "onderling", ["Buurtkamer in Oosterwijk", "Mantelzorgers vinden de buurtkamer."]),
        (lambda: EventKind.objects.filter(slug="webinar").update(name="Leergesprek"),
         "leergesprek", ["Buurtkamer in Oosterwijk"]),
        (lambda: Region.objects.filter(slug="noord-veluwe").update(name="Veluwezoom"),
         "veluwezoom", ["Buurtkamer in Oosterwijk"]),
        (lambda: Person.objects.filter(slug="anna").update(name="Anna Pietersen"),
         "pietersen", ["Anna Pietersen", "Buurtkamer in Oosterwijk"]),
        (lambda: Organisation.objects.filter(slug="stichting").update(name="Stichting Nieuw"),
         "nieuw", ["Anna Jansen", "Buurtkamer in Oosterwijk", "Stichting Nieuw"]),
    ],
    ids=["theme", "kind", "region", "person", "organisation"],
)  # fmt: skip
def test_a_rename_reaches_every_item_that_carries_the_name(indexed, rename, query, found):
    rename()
    assert titles(query) == found


def test_a_renamed_domain_shows_its_new_name_among_the_facets(indexed):
    Domain.objects.filter(slug="zorg").update(name="Gezondheid")
    assert facet_labels("buurtkamer", "domein") == ["Gezondheid"]


def test_a_search_catches_up_on_a_bounded_part_of_a_long_backlog(indexed, monkeypatch):
    monkeypatch.setattr(backlog, "SEARCH_STEP", 2)
    monkeypatch.setattr(backlog, "SEARCH_CATCHES_UP_MS", 0)  # one step per search
    for number in range(5):
        factories.takeaway(event=indexed, text=f"Inzicht {number} over de moestuin.")
    assert SearchBacklog.objects.count() > 2
    search("moestuin", user=None)
    assert SearchBacklog.objects.exists()  # the rest waits for the next searches
    for _ in range(10):
        search("moestuin", user=None)
    assert len(titles("moestuin")) == 5
    assert not SearchBacklog.objects.exists()


def test_a_search_asks_about_the_backlog_once_per_generation(indexed):
    search("buurtkamer", user=None)  # found empty: remembered for this generation
    with CaptureQueriesContext(connection) as queries:
        search("buurtkamer", user=None)
    assert not any("insights_searchbacklog" in query["sql"] for query in queries)
    Event.objects.filter(pk=indexed.pk).update(title="Buurtkamer in Westerwijk")
    assert titles("westerwijk") == ["Buurtkamer in Westerwijk"]


def test_a_search_still_answers_when_catching_up_fails(indexed, monkeypatch, caplog):
    def broken(**kwargs):
        raise backlog.DatabaseError("kapot")

    monkeypatch.setattr(backlog, "catch_up", broken)
    Event.objects.filter(pk=indexed.pk).update(title="Buurtkamer in Westerwijk")
    assert titles("buurtkamer") == [
        "Buurtkamer in Oosterwijk",
        "Mantelzorgers vinden de buurtkamer.",
    ]
    assert "could not catch up" in caplog.text


def _file(*, takeaway):
    return {
        "format": "dwarsverband",
        "version": 1,
        "event_kinds": [{"slug": "webinar", "name": "Webinar"}],
        "events": [
            {
                "slug": slug,
                "title": f"Bijeenkomst {slug}",
                "kind": "webinar",
                "status": "published",
                "published_at": "2024-07-01T09:00:00+00:00",
                "takeaways": [
                    {"slug": f"inzicht-{slug}", "text": takeaway if slug == "b" else "Vast."}
                ],
            }
            for slug in ("a", "b", "c")
        ],
    }


def test_an_import_reindexes_only_what_it_changed():
    import_content(_file(takeaway="Eerste versie."))
    before = dict(SearchEntry.objects.values_list("url", "pk"))
    import_content(_file(takeaway="Eerste versie."))
    assert dict(SearchEntry.objects.values_list("url", "pk")) == before  # nothing written

    import_content(_file(takeaway="Tweede versie."))
    after = dict(SearchEntry.objects.values_list("url", "pk"))
    rewritten = sorted(url for url, pk in after.items() if before[url] != pk)
    assert rewritten == ["/inzichten/inzicht-b/"]  # its event's own text did not change
    assert titles("tweede") == ["Tweede versie."]


def test_the_backlog_names_what_each_write_changed(indexed):
    anna = Person.objects.get(slug="anna")
    Person.objects.filter(pk=anna.pk).update(function="adviseur")
    Person.objects.filter(pk=anna.pk).update(name="Anna Pietersen")
    indexed.tags.add("geld")
    assert sorted(SearchBacklog.objects.values_list("change", "item_id")) == sorted(
        [(Change.PERSON, anna.pk), (Change.PERSON_NAME, anna.pk), (Change.EVENT, indexed.pk)]
    )


def test_a_write_reindexes_a_bounded_part_of_what_a_rename_reaches(monkeypatch):
    """An organisation on many events is renamed: the write stays quick, the organisation is
    found under its new name at once, its events soon after (searches catch up on the rest,
    and ``update_search_index`` does it all at once)."""
    monkeypatch.setattr(backlog, "RENAMED_AT_ONCE", 2)
    monkeypatch.setattr(backlog, "SEARCH_CATCHES_UP_MS", 0)
    monkeypatch.setattr(backlog, "SEARCH_STEP", 1)
    stichting = factories.organisation(name="Stichting Oud", slug="stichting", is_public=True)
    events = [factories.event(title=f"Dag {n}", organisers=[stichting]) for n in range(5)]
    catch_up()

    with transaction.atomic():
        Organisation.objects.filter(pk=stichting.pk).update(name="Stichting Nieuw")
        services.content_changed()  # what the admin and the importer call at their end

    assert SearchBacklog.objects.count() == 3  # the events not reindexed yet
    assert "Stichting Nieuw" in titles("nieuw")
    assert len(titles("nieuw")) < 6
    call_command("update_search_index", stdout=StringIO())
    assert titles("nieuw") == sorted(["Stichting Nieuw", *(event.title for event in events)])
    assert not SearchBacklog.objects.exists()
