"""export_content: the round trip, the order of everything, and the command."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from taggit.models import Tag

from events.models import Domain, Event, EventKind, Organisation, Person, Region, Series
from insights.exporting import content_document, export_content
from insights.importing import import_content, read_content
from insights.models import Publication, SynonymSet, Takeaway
from tests import factories

pytestmark = pytest.mark.django_db

FULL = Path(__file__).parent / "files" / "full.json"


def empty_database():
    """Remove all content, also the domains and event kinds the migrations create."""
    for model in (Takeaway, Publication, Event, Person, Organisation):
        model.objects.all().delete()
    Region.objects.update(parent=None)
    for model in (Region, Series, EventKind, Domain, SynonymSet, Tag):
        model.objects.all().delete()


def test_import_then_export_gives_the_file_back_byte_for_byte():
    """full.json fills every field of the format with a value that is not the default."""
    raw = FULL.read_bytes()
    import_content(read_content(raw))
    assert export_content().encode("utf-8") == raw


def test_export_import_into_an_empty_database_export_is_byte_identical():
    import_content(read_content(FULL.read_bytes()))
    factories.takeaway(event=factories.event(tags=["Één", "b", "A"], domains=["zorg", "wonen"]))
    factories.takeaway(publication=factories.publication(authors=[factories.person()]))
    factories.synonyms("Zorgakkoord", "IZA")
    first = export_content()
    empty_database()
    assert json.loads(export_content())["events"] == []

    import_content(read_content(first.encode("utf-8")))

    assert export_content() == first


def test_fresh_database_exports_the_domains_and_event_kinds_of_the_migrations():
    document = content_document()
    assert [domain["slug"] for domain in document["domains"]] == ["welzijn", "wonen", "zorg"]
    assert document["domains"][2] == {
        "slug": "zorg",
        "name": "Zorg",
        "description": "Gezondheidszorg, langdurige zorg, ggz en de zorg thuis.",
        "order": 1,
    }
    assert [kind["slug"] for kind in document["event_kinds"]] == [
        "congres",
        "kennisatelier",
        "leerkring",
        "netwerkmoment",
        "praktijklab",
        "webinar",
        "werksessie",
    ]
    assert [document[key] for key in ("events", "publications", "synonyms")] == [[], [], []]


def test_export_is_sorted_by_slug_whatever_the_order_of_creation():
    for slug in ("c-webinar", "a-webinar", "b-webinar"):
        factories.event(slug=slug)
    factories.synonyms("wmo", "Wet maatschappelijke ondersteuning")
    factories.synonyms("IZA", "Integraal Zorgakkoord")
    document = content_document()
    assert [event["slug"] for event in document["events"]] == [
        "a-webinar",
        "b-webinar",
        "c-webinar",
    ]
    assert [synonym_set["terms"][0] for synonym_set in document["synonyms"]] == ["IZA", "wmo"]


def test_nested_lists_keep_their_own_order():
    event = factories.event(tags=["wonen", "Armoede", "zorg"])
    factories.session(event, order=2, title="Tweede")
    factories.session(event, order=1, title="Eerste")
    zoe, adam = factories.person(slug="zoe"), factories.person(slug="adam")
    factories.participation(event, zoe, role="moderator", order=1)
    factories.participation(event, adam, role="spreker", order=2)
    factories.takeaway(event=event, slug="b-les", order=1, people=[zoe, adam])
    factories.takeaway(event=event, slug="a-les", order=2)

    exported = content_document()["events"][0]

    assert [session["title"] for session in exported["sessions"]] == ["Eerste", "Tweede"]
    assert [p["person"] for p in exported["participants"]] == ["zoe", "adam"]
    assert [takeaway["slug"] for takeaway in exported["takeaways"]] == ["b-les", "a-les"]
    assert exported["takeaways"][0]["people"] == ["adam", "zoe"]
    assert exported["tags"] == ["Armoede", "wonen", "zorg"]


def test_moments_are_exported_in_utc():
    amsterdam = datetime.timezone(datetime.timedelta(hours=2))
    factories.event(published_at=datetime.datetime(2024, 7, 10, 11, 0, tzinfo=amsterdam))
    assert content_document()["events"][0]["published_at"] == "2024-07-10T09:00:00+00:00"


def test_event_without_source_exports_null_and_with_one_every_key():
    factories.event(slug="zonder")
    factories.event(slug="met", source_name="Nieuwsbrief")
    events = {event["slug"]: event for event in content_document()["events"]}
    assert events["zonder"]["source"] is None
    assert events["met"]["source"] == {
        "name": "Nieuwsbrief",
        "url": "",
        "date": None,
        "date_is_capture": False,
    }


def test_export_output_format():
    factories.event(title="Één aanpak")
    text = export_content()
    assert text.startswith('{\n  "domains": [\n    {\n      "description": ')
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '"title": "Één aanpak"' in text


@pytest.mark.parametrize("count", [1, 5])
def test_export_queries_do_not_grow_with_the_content(count, django_assert_num_queries):
    for _ in range(count):
        event = factories.event(tags=["wonen"], domains=["zorg"], regions=[factories.region()])
        session = factories.session(event)
        factories.participation(event, session=session)
        factories.takeaway(event=event, session=session, tags=["a"], people=[factories.person()])
        factories.takeaway(publication=factories.publication(tags=["b"]), domains=["wonen"])
        factories.synonyms(f"term {count}", "ander woord")
    with django_assert_num_queries(30):
        export_content()


def test_command_writes_the_file(tmp_path):
    import_content(read_content(FULL.read_bytes()))
    out = StringIO()
    call_command("export_content", tmp_path / "export.json", stdout=out)
    assert (tmp_path / "export.json").read_bytes() == FULL.read_bytes()
    assert (
        out.getvalue()
        == f"Exported 3 events, 2 publications, 3 people to {tmp_path}/export.json.\n"
    )


def test_command_writes_to_stdout_with_a_dash():
    import_content(read_content(FULL.read_bytes()))
    out = StringIO()
    call_command("export_content", "-", stdout=out)
    assert out.getvalue() == FULL.read_text(encoding="utf-8")
