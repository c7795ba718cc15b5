"""The content generation: renewed by the database with every write of content, whoever makes
it, and by every scheduled publication moment that passes (events/generation.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import generation
from events.models import Event, Person
from insights.search.models import SearchWord
from tests import factories
from tests.html import texts

pytestmark = pytest.mark.django_db


def test_every_content_table_has_the_triggers():
    tables = set(generation.content_tables())
    assert {"events_event", "insights_takeaway", "taggit_tag", "events_event_domains"} <= tables
    assert "insights_searchentry" not in tables
    assert "events_contentgeneration" not in tables
    assert generation.tables_with_triggers() == tables


def test_triggers_come_back_after_every_migrate():
    """On SQLite a migration that rebuilds a table drops its triggers; ``migrate`` ends by
    installing them again (``post_migrate``)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER {generation.TRIGGER} ON events_person")
        else:
            cursor.execute(f'DROP TRIGGER "events_person_{generation.TRIGGER}_update"')
    assert "events_person" not in generation.tables_with_triggers()
    generation.install_triggers()
    assert generation.tables_with_triggers() == set(generation.content_tables())


@pytest.fixture
def event():
    return factories.event(title="Buurtkamer", tags=["vertrouwen"])


def renews(write):
    before = generation.current()
    write()
    return generation.current() != before


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda event: factories.event(), id="create"),
        pytest.param(lambda event: event.save(), id="save"),
        pytest.param(
            lambda event: Event.objects.filter(pk=event.pk).update(title="Nieuw"), id="update"
        ),
        pytest.param(lambda event: event.tags.add("geld"), id="tag"),
        pytest.param(lambda event: event.domains.add(factories.domain("zorg")), id="link"),
        pytest.param(lambda event: event.tags.get().delete(), id="theme deleted"),
        pytest.param(lambda event: factories.person(), id="person"),
        pytest.param(lambda event: event.delete(), id="delete"),
        pytest.param(
            lambda event: factories.synonyms("IZA", "Integraal Zorgakkoord"), id="synonyms"
        ),
    ],
)
def test_every_write_of_content_renews_the_generation(event, write):
    assert renews(lambda: write(event))


def test_raw_sql_renews_the_generation(event):
    def write():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE events_event SET title = %s WHERE id = %s", ["Rauw", event.pk])

    assert renews(write)


def test_writing_what_is_derived_from_content_does_not(event):
    assert not renews(lambda: SearchWord.objects.create(word="buurtkamer", frequency=1))


def test_the_generation_comes_back_when_its_table_is_emptied(event):
    generation.ContentGeneration.objects.all().delete()
    assert generation.current() == generation.current()
    assert renews(lambda: Person.objects.create(name="Anna", slug="anna"))


def test_a_scheduled_event_appears_when_its_moment_passes(client, monkeypatch):
    """Its card and the counts that are kept show it the moment it is due, not later."""
    now = timezone.now()
    factories.event(title="Al gepubliceerd", domains=["zorg"], published_at=now)
    factories.event(
        title="Gepland",
        domains=["zorg"],
        published_at=now + datetime.timedelta(hours=1),
        start_date=datetime.date(2030, 1, 1),
    )
    monkeypatch.setattr("events.listing.FIGURES_CACHED_ABOVE", 0)  # keep every count
    assert texts(client.get("/bijeenkomsten/"), ".card__title") == ["Al gepubliceerd"]
    assert texts(client.get("/"), ".card__title")[:1] == ["Al gepubliceerd"]

    later = now + datetime.timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.get("/bijeenkomsten/")
    assert texts(response, ".card__title") == ["Gepland", "Al gepubliceerd"]
    assert texts(response, "h2.result-summary") == ["2 bijeenkomsten"]
    assert texts(client.get("/"), ".card__title")[:1] == ["Gepland"]


def test_a_request_reads_the_generation_once(client, event):
    """However many figures and fragments a page keeps: one query for the generation."""
    factories.takeaway(event=event, tags=["vertrouwen"])
    for _ in range(2):  # working the figures out, then finding them kept
        with CaptureQueriesContext(connection) as queries:
            client.get("/themas/vertrouwen/")
        read = [query for query in queries if "events_contentgeneration" in query["sql"]]
        assert len(read) == 1
