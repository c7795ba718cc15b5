"""import_content: the validator on broken files, what a good file leaves in the database, and
re-imports. The files live in tests/insights/files/."""

import datetime
import json
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from events.models import (
    Domain,
    Event,
    EventKind,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Region,
    Series,
    Session,
)
from insights.importing import InvalidContent, import_content, read_content, validate, writing
from insights.models import Publication, PublicationPerson, SynonymSet, Takeaway, TakeawayPerson
from tests import factories
from tests.conftest import run_python

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"
EVENT = {"slug": "webinar-1", "title": "Webinar", "kind": "webinar"}
PUBLICATION = {"slug": "cahier-1", "title": "Cahier", "kind": "cahier"}
JAN = {"slug": "jan", "name": "Jan"}
LES = {"slug": "les", "text": "Samen leren werkt."}


def document(**lists):
    return {"format": "dwarsverband", "version": 1, **lists}


def problems(data):
    return [str(problem) for problem in validate(data).problems]


def read_problems(raw):
    with pytest.raises(InvalidContent) as raised:
        read_content(raw)
    return [str(problem) for problem in raised.value.problems]


def full():
    return json.loads((FILES / "full.json").read_text(encoding="utf-8"))


def database_rows():
    """How many rows each kind of content has: to show that nothing changed."""
    models = [Domain, EventKind, Region, Organisation, Person, Series, Event, Session]
    models += [Participation, EventOrganisation, Publication, PublicationPerson, Takeaway]
    models += [TakeawayPerson, SynonymSet, Tag]
    return {model.__name__: model.objects.count() for model in models}


# Reading the file


@pytest.mark.parametrize("raw", [b"", b"  \n\t\n"])
def test_empty_file_is_reported(raw):
    assert read_problems(raw) == ["file: the file is empty"]


def test_file_that_is_not_json_is_reported_with_line_and_column():
    raw = b'{"format": "dwarsverband",\n "version" 1}'
    assert read_problems(raw) == ["line 2, column 12: not valid JSON (Expecting ':' delimiter)"]


def test_truncated_file_is_reported_where_it_ends():
    raw = (FILES / "full.json").read_bytes()
    cut = raw[: raw.index(b"\n", len(raw) // 2)]
    line, column = cut.count(b"\n") + 1, len(cut) - cut.rfind(b"\n")
    assert read_problems(cut) == [
        f"line {line}, column {column}: the file ends in the middle of the JSON (is it truncated?)"
    ]


def test_file_cut_inside_a_string_is_reported_as_truncated():
    assert read_problems(b'{"format": "dwarsverband", "events": [{"title": "Webin') == [
        "line 1, column 49: the file ends in the middle of the JSON (is it truncated?)"
    ]


def test_file_cut_after_a_complete_value_is_reported_as_truncated():
    assert read_problems(b'{"format": "dwarsverband",') == [
        "line 1, column 27: the file ends in the middle of the JSON (is it truncated?)"
    ]


def test_bytes_that_are_not_utf8_are_reported_with_line_and_column():
    raw = '{"format": "dwarsverband",\n "note": "café"}'.encode("latin-1")
    assert read_problems(raw) == ["line 2, column 14: byte 0xe9 is not UTF-8"]


def test_absurdly_deep_nesting_is_reported():
    assert read_problems(b"[" * 100_000 + b"]" * 100_000) == ["file: the JSON is nested too deeply"]


def test_utf8_file_with_byte_order_mark_is_read():
    assert read_content(b'\xef\xbb\xbf{"version": 1}') == {"version": 1}


def test_key_twice_in_one_object_is_reported():
    data = read_content(b'{"format": "dwarsverband", "version": 1, "version": 1}')
    assert problems(data) == ["version: appears more than once in this object"]


# The validator


def test_valid_file_has_no_problems():
    assert problems(full()) == []


def test_top_level_that_is_not_an_object_is_reported():
    assert problems([{"format": "dwarsverband"}]) == ["top level: expected an object, got a list"]


def test_wrong_format_and_version_are_reported():
    assert problems({"format": "csv", "version": 2}) == [
        'format: expected "dwarsverband", got "csv"',
        "version: expected 1, got 2",
    ]


def test_missing_required_keys_are_reported():
    assert problems({}) == ["format: required key is missing", "version: required key is missing"]
    assert problems(document(events=[{}])) == [
        "events[0].kind: required key is missing",
        "events[0].slug: required key is missing",
        "events[0].title: required key is missing",
    ]


def test_unknown_keys_are_reported_with_a_suggestion():
    data = document(evnts=[], events=[{**EVENT, "titel": "Webinar", "kleur": "rood"}])
    assert problems(data) == [
        "events[0].kleur: unknown key",
        'events[0].titel: unknown key (did you mean "title"?)',
        'evnts: unknown key (did you mean "events"?)',
    ]


def test_wrong_types_are_reported_with_their_location():
    data = document(
        events=[
            {
                **EVENT,
                "title": 12,
                "is_online": "ja",
                "attendance": 3.5,
                "members_only": None,
                "regions": "veluwe",
                "source": [],
                "sessions": [{"order": "1", "title": None}],
                "tags": [True],
            }
        ],
        people=[{"slug": 7, "name": ["Jan"]}],
        synonyms={},
    )
    assert problems(data) == [
        "events[0].attendance: expected a whole number, got 3.5",
        'events[0].is_online: expected true or false, got "ja"',
        "events[0].members_only: expected true or false, got null",
        'events[0].regions: expected a list, got "veluwe"',
        'events[0].sessions[0].order: expected a whole number, got "1"',
        "events[0].sessions[0].title: expected a string, got null",
        "events[0].source: expected an object, got a list",
        "events[0].tags[0]: expected a string, got true",
        "events[0].title: expected a string, got 12",
        "people[0].name: expected a string, got a list",
        "people[0].slug: expected a slug, got 7",
        "synonyms: expected a list, got an object",
    ]


def test_invalid_dates_and_moments_are_reported():
    data = document(
        events=[
            {
                **EVENT,
                "start_date": "10-07-2024",
                "published_at": "2024-07-10T09:00:00",
                "sessions": [{"order": 1, "title": "Opening", "date": "2024-13-01"}],
            }
        ],
        organisations=[{"slug": "oud", "name": "Oud", "ceased_on": 20210101}],
        publications=[{**PUBLICATION, "published_on": "2023-02-30", "published_at": "gisteren"}],
    )
    assert problems(data) == [
        'events[0].published_at: "2024-07-10T09:00:00" has no UTC offset (such as +00:00)',
        'events[0].sessions[0].date: "2024-13-01" is not a date',
        'events[0].start_date: "10-07-2024" is not a date',
        'organisations[0].ceased_on: expected a date ("YYYY-MM-DD"), got 20210101',
        'publications[0].published_at: "gisteren" is not a date and time',
        'publications[0].published_on: "2023-02-30" is not a date',
    ]


def test_values_outside_their_choices_are_reported():
    data = document(
        regions=[{"slug": "beieren", "name": "Beieren", "country": "DE"}],
        people=[JAN],
        events=[{**EVENT, "participants": [{"person": "jan", "role": "gastspreker"}]}],
        publications=[{**PUBLICATION, "kind": "boek", "status": "klaar"}],
    )
    assert problems(data) == [
        'events[0].participants[0].role: "gastspreker" is not one of "spreker", "panellid", '
        '"moderator", "dagvoorzitter", "afsluiter", "organisator"',
        'publications[0].kind: "boek" is not one of "whitepaper", "cahier", "artikel", "interview"',
        'publications[0].status: "klaar" is not one of "draft", "published"',
        'regions[0].country: "DE" is not one of "NL", "BE"',
    ]


def test_invalid_slugs_are_reported():
    data = document(people=[{"slug": "Jan Jansen", "name": "Jan"}, {"slug": "", "name": "Leeg"}])
    assert problems(data) == [
        'people[0].slug: "Jan Jansen" is not a slug (only letters, digits, - and _ are allowed)',
        'people[1].slug: "" is not a slug (only letters, digits, - and _ are allowed)',
    ]


def test_duplicate_slugs_in_a_list_are_reported():
    data = document(people=[JAN, {"slug": "piet", "name": "Piet"}, {"slug": "jan", "name": "J."}])
    assert problems(data) == ['people[2].slug: duplicate "jan" (first at people[0].slug)']


def test_duplicate_references_and_tags_in_a_list_are_reported():
    factories.region(slug="veluwe")
    data = document(events=[{**EVENT, "regions": ["veluwe", "veluwe"], "tags": ["Wonen", "wonen"]}])
    assert problems(data) == [
        'events[0].regions[1]: duplicate "veluwe" (first at events[0].regions[0])',
        'events[0].tags[1]: duplicate "wonen" (first at events[0].tags[0])',
    ]


def test_new_theme_without_letters_or_digits_is_reported():
    data = document(
        events=[{**EVENT, "tags": ["wonen", "😀"], "takeaways": [{**LES, "tags": ["!!!"]}]}],
        publications=[{**PUBLICATION, "tags": ["- _ -"]}],
    )
    assert problems(data) == [
        'events[0].tags[1]: "😀" cannot be a new theme: its address (slug) is made from the '
        "letters and digits of its name, and it has none",
        'events[0].takeaways[0].tags[0]: "!!!" cannot be a new theme: its address (slug) is made '
        "from the letters and digits of its name, and it has none",
        'publications[0].tags[0]: "- _ -" cannot be a new theme: its address (slug) is made from '
        "the letters and digits of its name, and it has none",
    ]


def test_existing_theme_without_letters_or_digits_is_taken_as_it_is():
    Tag.objects.create(name="😀")
    import_content(document(events=[{**EVENT, "tags": ["😀"]}]))
    assert list(Event.objects.get().tags.values_list("name", "slug")) == [("😀", "thema")]


def test_takeaway_slugs_are_unique_across_events_and_publications():
    les = {"slug": "les", "text": "Samen leren werkt."}
    data = document(
        events=[{**EVENT, "takeaways": [les, les]}],
        publications=[{**PUBLICATION, "takeaways": [les]}],
    )
    assert problems(data) == [
        'events[0].takeaways[1].slug: duplicate "les" (first at events[0].takeaways[0].slug)',
        'publications[0].takeaways[0].slug: duplicate "les" (first at events[0].takeaways[0].slug)',
    ]


def test_takeaway_slug_of_an_event_outside_the_file_is_reported():
    factories.takeaway(slug="les", event=factories.event(slug="elders"))
    data = document(events=[{**EVENT, "takeaways": [{"slug": "les", "text": "Samen leren."}]}])
    assert problems(data) == [
        'events[0].takeaways[0].slug: "les" is already the slug of a takeaway of event "elders", '
        "which is not in the file"
    ]


def test_takeaway_may_move_from_an_event_in_the_file():
    factories.takeaway(slug="les", event=factories.event(slug="elders"))
    data = document(
        events=[
            {**EVENT, "takeaways": [{"slug": "les", "text": "Samen leren."}]},
            {**EVENT, "slug": "elders"},
        ]
    )
    assert problems(data) == []
    import_content(data)
    assert Takeaway.objects.get(slug="les").event.slug == "webinar-1"


def test_dangling_references_are_reported():
    factories.region(slug="veluwe")
    data = document(
        people=[{**JAN, "organisation": "ggd"}],
        events=[
            {
                **EVENT,
                "kind": "lezing",
                "regions": ["veluwe", "nergens"],
                "related_events": ["elders"],
                "participants": [{"person": "jan", "role": "spreker"}],
            }
        ],
        publications=[{**PUBLICATION, "publisher": "uitgeverij", "related_events": ["webinar-1"]}],
    )
    assert problems(data) == [
        'events[0].kind: event kind "lezing" is neither in the file nor in the database',
        'events[0].regions[1]: region "nergens" is neither in the file nor in the database',
        'events[0].related_events[0]: event "elders" is neither in the file nor in the database',
        'people[0].organisation: organisation "ggd" is neither in the file nor in the database',
        'publications[0].publisher: organisation "uitgeverij" is neither in the file nor in the '
        "database",
    ]


def test_references_to_sessions_the_event_does_not_have_are_reported():
    data = document(
        people=[JAN],
        events=[
            {
                **EVENT,
                "sessions": [{"order": 1, "title": "Opening"}],
                "participants": [{"person": "jan", "role": "spreker", "session": 2}],
                "takeaways": [{"slug": "les", "text": "Samen leren.", "session": 3}],
            }
        ],
    )
    assert problems(data) == [
        "events[0].participants[0].session: the event has no session with order 2",
        "events[0].takeaways[0].session: the event has no session with order 3",
    ]


def test_duplicate_session_orders_are_reported():
    sessions = [{"order": 1, "title": "Opening"}, {"order": 1, "title": "Afsluiting"}]
    assert problems(document(events=[{**EVENT, "sessions": sessions}])) == [
        "events[0].sessions[1].order: duplicate order 1 (first at events[0].sessions[0].order)"
    ]


def test_same_person_twice_in_the_same_role_on_an_event_or_session_is_reported():
    speaker = {"person": "jan", "role": "spreker"}
    data = document(
        people=[JAN],
        events=[
            {
                **EVENT,
                "sessions": [{"order": 1, "title": "Opening"}],
                "participants": [
                    speaker,
                    {"person": "jan", "role": "moderator"},
                    speaker,
                    {**speaker, "session": 1},
                    {**speaker, "session": 1},
                ],
            }
        ],
    )
    assert problems(data) == [
        'events[0].participants[2]: duplicate "jan" as spreker on the event '
        "(first at events[0].participants[0])",
        'events[0].participants[4]: duplicate "jan" as spreker in session 1 '
        "(first at events[0].participants[3])",
    ]


def test_end_date_before_start_date_or_without_it_is_reported():
    data = document(
        events=[
            {**EVENT, "start_date": "2024-05-03", "end_date": "2024-05-01"},
            {**EVENT, "slug": "webinar-2", "end_date": "2024-05-01"},
        ]
    )
    assert problems(data) == [
        "events[0].end_date: 2024-05-01 is before start_date 2024-05-03",
        "events[1].end_date: given without a start_date",
    ]


def test_published_without_publication_moment_is_reported():
    data = document(
        events=[{**EVENT, "status": "published"}],
        publications=[{**PUBLICATION, "status": "published", "published_at": None}],
    )
    assert problems(data) == [
        'events[0].published_at: required when status is "published"',
        'publications[0].published_at: required when status is "published"',
    ]


def test_region_cycles_are_reported():
    data = document(
        regions=[
            {"slug": "a", "name": "A", "country": "NL", "parent": "b"},
            {"slug": "b", "name": "B", "country": "NL", "parent": "a"},
            {"slug": "c", "name": "C", "country": "NL", "parent": "c"},
        ]
    )
    assert problems(data) == [
        "regions[0].parent: makes the region its own ancestor (a → b → a)",
        "regions[1].parent: makes the region its own ancestor (b → a → b)",
        "regions[2].parent: makes the region its own ancestor (c → c)",
    ]


def test_region_cycle_through_the_database_is_reported():
    factories.region(slug="onder", parent=factories.region(slug="boven"))
    data = document(
        regions=[{"slug": "boven", "name": "Boven", "country": "NL", "parent": "onder"}]
    )
    assert problems(data) == [
        "regions[0].parent: makes the region its own ancestor (boven → onder → boven)"
    ]


def test_text_longer_than_the_model_allows_is_reported():
    data = document(
        events=[{**EVENT, "title": "x" * 256, "takeaways": [{"slug": "les", "text": "y" * 501}]}]
    )
    assert problems(data) == [
        "events[0].takeaways[0].text: is 501 characters long, at most 500 allowed",
        "events[0].title: is 256 characters long, at most 255 allowed",
    ]


def test_nul_character_in_text_is_reported_and_nothing_written():
    data = document(
        people=[{**JAN, "bio": "Bio\x00"}],
        events=[
            {
                **EVENT,
                "title": "Web\x00inar",
                "tags": ["won\x00en"],
                "takeaways": [{**LES, "text": "\x00"}],
                "status\x00": "draft",
            }
        ],
        synonyms=[{"terms": ["IZA", "Integraal\x00Zorgakkoord"]}],
    )
    nul = "holds a NUL character (\\u0000), which no text may hold"
    assert problems(data) == [
        'events[0]["status\\u0000"]: unknown key (did you mean "status"?)',
        f"events[0].tags[0]: {nul}",
        f"events[0].takeaways[0].text: {nul}",
        f"events[0].title: {nul}",
        f"people[0].bio: {nul}",
        f"synonyms[0].terms[1]: {nul}",
    ]
    with pytest.raises(InvalidContent):
        import_content(data)
    assert database_rows()["Event"] == 0


def test_lone_surrogate_is_reported_and_nothing_written():
    raw = (
        b'{"format": "dwarsverband", "version": 1, "events": [{"slug": "w", "kind": "webinar", '
        b'"title": "Web\\ud800inar", "summary": "\\udfff", "\\ud800": 1}]}'
    )
    data = read_content(raw)
    assert problems(data) == [
        "events[0].summary: holds a lone surrogate (\\udfff), which is not a character",
        "events[0].title: holds a lone surrogate (\\ud800), which is not a character",
        'events[0]["\\ud800"]: unknown key',
    ]
    with pytest.raises(InvalidContent):
        import_content(data)
    assert database_rows()["Event"] == 0


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+01:00"])
def test_moment_that_cannot_be_expressed_in_utc_is_reported(moment):
    data = document(events=[{**EVENT, "status": "published", "published_at": moment}])
    assert problems(data) == [
        f'events[0].published_at: "{moment}" is out of range: it cannot be expressed in UTC'
    ]
    with pytest.raises(InvalidContent):
        import_content(data)
    assert database_rows()["Event"] == 0


def test_number_too_long_to_read_is_reported():
    raw = b'{"format": "dwarsverband", "version": 1,\n "events": [{"attendance": ' + b"9" * 5000
    assert read_problems(raw + b"}]}") == [
        "file: a number has more digits than can be read (at most 4300)"
    ]


def test_free_text_longer_than_its_limit_is_reported():
    data = document(
        people=[{**JAN, "bio": "b" * 10_001}],
        events=[
            {
                **EVENT,
                "summary": "s" * 3_000,
                "body": "x" * 300_001,
                "takeaways": [{**LES, "explanation": "e" * 10_001}],
            }
        ],
        publications=[{**PUBLICATION, "summary": "s" * 3_001}],
        synonyms=[{"terms": ["IZA", "i" * 2_000]}],
    )
    assert problems(data) == [
        "events[0].body: is 300001 characters long, at most 300000 allowed",
        "events[0].takeaways[0].explanation: is 10001 characters long, at most 10000 allowed",
        "people[0].bio: is 10001 characters long, at most 10000 allowed",
        "publications[0].summary: is 3001 characters long, at most 3000 allowed",
        "synonyms[0].terms: are 2004 characters long, one per line, at most 2000 allowed",
    ]


def test_empty_required_text_is_reported():
    assert problems(document(events=[{**EVENT, "title": "  "}])) == [
        "events[0].title: must not be empty"
    ]


def test_negative_attendance_is_reported():
    assert problems(document(events=[{**EVENT, "attendance": -5}])) == [
        "events[0].attendance: -5 is less than 0"
    ]


def test_event_related_to_itself_is_reported():
    assert problems(document(events=[{**EVENT, "related_events": ["webinar-1"]}])) == [
        "events[0].related_events[0]: an event cannot be related to itself"
    ]


def test_invalid_urls_are_reported():
    data = document(
        organisations=[{"slug": "ede", "name": "Ede", "website": "www.ede.nl"}],
        events=[{**EVENT, "source": {"url": "http://"}}],
    )
    assert problems(data) == [
        'events[0].source.url: "http://" is not a URL',
        'organisations[0].website: "www.ede.nl" is not a URL',
    ]


def test_domain_names_stay_unique_next_to_the_database():
    clash = document(domains=[{"slug": "gezondheid", "name": "Zorg"}])
    assert problems(clash) == ['domains[0].name: "Zorg" is already the name of domain "zorg"']
    renamed = document(
        domains=[
            {"slug": "zorg", "name": "Gezondheidszorg"},
            {"slug": "gezondheid", "name": "Zorg"},
        ]
    )
    assert problems(renamed) == []


def test_synonym_problems_are_reported():
    data = document(
        synonyms=[
            {"terms": ["IZA", "Integraal Zorgakkoord"]},
            {"terms": ["iza", "Zorgakkoord"]},
            {"terms": ["Wmo"]},
            {"terms": ["GGD", "gemeentelijke\ngezondheidsdienst", " GGD "]},
        ]
    )
    assert problems(data) == [
        'synonyms[1].terms[0]: duplicate first term "iza" (first at synonyms[0].terms[0])',
        "synonyms[2].terms: needs at least two terms",
        'synonyms[3].terms[1]: "gemeentelijke\\ngezondheidsdienst" contains a line break',
        'synonyms[3].terms[2]: " GGD " has spaces at the start or end',
    ]


def test_broken_file_leaves_the_database_unchanged():
    factories.event(slug="bestaand", title="Bestaand")
    before = database_rows()
    data = full()
    data["events"][0]["title"] = "Gewijzigd"
    data["events"][-1]["kind"] = "lezing"  # the only problem, at the end of the events
    with pytest.raises(InvalidContent):
        import_content(data)
    assert database_rows() == before
    assert list(Event.objects.values_list("title", flat=True)) == ["Bestaand"]


def test_database_change_after_validation_is_reported_and_nothing_written(monkeypatch):
    veluwe = factories.region(slug="veluwe")

    def validate_then_delete_the_region(data):
        validated = validate(data)
        veluwe.delete()  # as an editor might, while a large file is validated
        return validated

    monkeypatch.setattr(writing, "validate", validate_then_delete_the_region)
    with pytest.raises(InvalidContent) as raised:
        import_content(document(events=[{**EVENT, "regions": ["veluwe"]}]))
    assert [str(problem) for problem in raised.value.problems] == [
        'events[0].regions[0]: region "veluwe" is neither in the file nor in the database'
    ]
    assert Event.objects.count() == 0


# Importing


def test_import_stores_every_field():
    result = import_content(full())

    event = Event.objects.get(slug="webinar-wonen-met-zorg")
    assert (event.title, event.kind.slug, event.series.slug) == (
        "Webinar: wonen met zorg — één aanpak",
        "webinar",
        "zorg-en-wonen-reeks",
    )
    assert (event.start_date, event.end_date) == (
        datetime.date(2024, 3, 5),
        datetime.date(2024, 3, 6),
    )
    assert (event.is_online, event.location, event.attendance) == (True, "Online en in Ede", 140)
    assert event.audience == "alleen voor ambtenaren, max. 2 per gemeente"
    assert (event.source_name, event.source_url, event.source_date) == (
        "Verslag op de website",
        "https://example.org/verslag",
        datetime.date(2024, 3, 10),
    )
    assert event.source_date_is_capture is True
    assert (event.status, event.members_only) == ("published", True)
    assert event.published_at == datetime.datetime(
        2024, 3, 10, 9, 30, 0, 123456, tzinfo=datetime.UTC
    )
    assert sorted(event.regions.values_list("slug", flat=True)) == ["brussel", "veluwe"]
    assert sorted(event.domains.values_list("slug", flat=True)) == ["wonen", "zorg"]
    assert sorted(event.tags.names()) == ["Wonen en zorg", "vertrouwen", "ééntwee"]
    assert list(event.event_organisations.values_list("organisation__slug", "role", "order")) == [
        ("woonstede", "organisator", 1),
        ("gemeente-ede", "casus", 2),
        ("gemeente-ede", "partner", 3),
    ]
    assert list(event.sessions.values_list("order", "title", "date")) == [
        (1, "Opening", datetime.date(2024, 3, 5)),
        (2, "Casus Ede", datetime.date(2024, 3, 6)),
    ]
    assert list(
        event.participations.values_list(
            "person__slug", "role", "session__order", "organisation__slug", "function"
        )
    ) == [
        ("bram-de-vries", "dagvoorzitter", None, None, ""),
        ("anna-jansen", "spreker", 2, "woonstede", "Projectleider"),
        ("anna-jansen", "afsluiter", None, "gemeente-ede", "Wethouder"),
    ]
    assert list(
        event.takeaways.order_by("order").values_list("slug", "order", "session__order")
    ) == [("begin-klein", 1, 2), ("aan-tafel", 2, 1)]
    begin_klein = Takeaway.objects.get(slug="begin-klein")
    assert sorted(begin_klein.people.values_list("slug", flat=True)) == [
        "anna-jansen",
        "bram-de-vries",
    ]
    assert sorted(begin_klein.tags.names()) == ["klein beginnen", "vertrouwen"]
    assert sorted(begin_klein.domains.values_list("slug", flat=True)) == ["wonen", "zorg"]

    cahier = Publication.objects.get(slug="cahier-samen-sterk")
    assert (cahier.kind, cahier.published_on, cahier.source_date_is_capture) == (
        "cahier",
        datetime.date(2023, 9, 15),
        True,
    )
    assert cahier.publisher.slug == "kenniscentrum-oud"
    assert list(cahier.publication_people.values_list("person__slug", "role")) == [
        ("chloe-peeters", "auteur"),
        ("anna-jansen", "geinterviewde"),
        ("chloe-peeters", "redacteur"),
    ]
    assert list(cahier.takeaways.order_by("order").values_list("slug", flat=True)) == [
        "deel-kennis",
        "blijf-lerend",
    ]
    assert sorted(cahier.related_events.values_list("slug", flat=True)) == [
        "leerkring-veluwe",
        "webinar-wonen-met-zorg",
    ]

    assert Region.objects.get(slug="noord-veluwe").parent.parent.slug == "gelderland"
    assert Organisation.objects.get(slug="kenniscentrum-oud").ceased_on == datetime.date(
        2021, 12, 31
    )
    assert [s.term_list() for s in SynonymSet.objects.order_by("terms")] == [
        ["IZA", "Integraal Zorgakkoord"],
        ["Wmo", "Wet maatschappelijke ondersteuning"],
    ]
    assert sorted(result.event_ids) == sorted(Event.objects.values_list("pk", flat=True))
    assert sorted(result.takeaway_ids) == sorted(Takeaway.objects.values_list("pk", flat=True))
    assert sorted(result.publication_ids) == sorted(
        Publication.objects.values_list("pk", flat=True)
    )


def test_related_events_link_works_both_ways():
    import_content(full())
    webinar = Event.objects.get(slug="webinar-wonen-met-zorg")
    leerkring = Event.objects.get(slug="leerkring-veluwe")
    assert sorted(webinar.related_events.values_list("slug", flat=True)) == [
        "leerkring-veluwe",
        "netwerkmoment-brussel",
    ]
    assert list(leerkring.related_events.values_list("slug", flat=True)) == [webinar.slug]


def test_related_event_listed_on_one_side_only_is_linked_both_ways():
    elders = factories.event(slug="elders")
    data = document(
        events=[
            {**EVENT, "related_events": ["elders", "webinar-2"]},
            {**EVENT, "slug": "webinar-2"},
        ]
    )
    import_content(data)
    assert [e.slug for e in Event.objects.get(slug="webinar-2").related_events.all()] == [
        "webinar-1"
    ]
    assert [e.slug for e in elders.related_events.all()] == ["webinar-1"]

    data["events"][0]["related_events"] = []
    import_content(data)
    assert not Event.objects.get(slug="webinar-1").related_events.exists()
    assert not elders.related_events.exists()


def test_importing_twice_changes_nothing_and_creates_nothing():
    first = import_content(full())
    rows = database_rows()
    ids = dict(Takeaway.objects.values_list("slug", "pk"))
    second = import_content(full())
    assert database_rows() == rows
    assert dict(Takeaway.objects.values_list("slug", "pk")) == ids
    assert {
        kind: (counts["created"], counts["updated"]) for kind, counts in second.counts.items()
    } == dict.fromkeys(first.counts, (0, 0))
    assert {kind: counts["unchanged"] for kind, counts in second.counts.items()} == {
        kind: counts.total() - counts["removed"] for kind, counts in first.counts.items()
    }


def test_reimport_updates_fields_and_replaces_nested_lists():
    import_content(full())
    kept = Takeaway.objects.get(slug="begin-klein").pk
    untouched = list(Participation.objects.filter(event__slug="leerkring-veluwe").values("pk"))
    data = full()
    webinar = next(e for e in data["events"] if e["slug"] == "webinar-wonen-met-zorg")
    webinar["title"] = "Nieuwe titel"
    webinar["sessions"] = [{"order": 2, "title": "Casus Ede (herzien)"}]
    webinar["participants"] = [{"person": "anna-jansen", "role": "spreker", "session": 2}]
    webinar["takeaways"] = [
        {"slug": "nieuw-inzicht", "text": "Een nieuw inzicht."},
        {"slug": "begin-klein", "text": "Begin klein.", "session": 2},
    ]
    webinar["tags"] = ["vertrouwen"]
    webinar["regions"] = []

    result = import_content(data)

    event = Event.objects.get(slug="webinar-wonen-met-zorg")
    assert event.title == "Nieuwe titel"
    assert list(event.sessions.values_list("order", "title", "date")) == [
        (2, "Casus Ede (herzien)", None)
    ]
    assert list(event.participations.values_list("person__slug", "session__order")) == [
        ("anna-jansen", 2)
    ]
    assert list(event.takeaways.order_by("order").values_list("slug", "order", "text")) == [
        ("nieuw-inzicht", 1, "Een nieuw inzicht."),
        ("begin-klein", 2, "Begin klein."),
    ]
    assert Takeaway.objects.get(slug="begin-klein").pk == kept
    assert not Takeaway.objects.filter(slug="aan-tafel").exists()
    assert list(event.tags.names()) == ["vertrouwen"]
    assert not event.regions.exists()
    assert list(Participation.objects.filter(event__slug="leerkring-veluwe").values("pk")) == (
        untouched
    )
    assert result.counts["takeaways"] == {"created": 1, "updated": 1, "unchanged": 3, "removed": 1}
    assert result.counts["sessions"] == {"created": 0, "updated": 1, "unchanged": 1, "removed": 1}
    assert result.counts["events"] == {"created": 0, "updated": 1, "unchanged": 2}


def test_reimport_leaves_unchanged_rows_alone():
    import_content(full())
    Event.objects.update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    data = full()
    data["events"][0]["title"] = "Nieuwe titel"
    result = import_content(data)
    assert result.counts["events"] == {"created": 0, "updated": 1, "unchanged": 2}
    assert Event.objects.filter(updated_at__year=2020).count() == 2


def test_existing_synonym_set_is_updated_by_its_first_term():
    factories.synonyms("iza", "Integraal Zorgakkoord")
    import_content(document(synonyms=[{"terms": ["IZA", "Zorgakkoord"], "note": "2022"}]))
    assert [(s.term_list(), s.note) for s in SynonymSet.objects.all()] == [
        (["IZA", "Zorgakkoord"], "2022")
    ]


def test_moment_with_an_offset_is_stored_as_that_moment():
    import_content(
        document(
            events=[{**EVENT, "status": "published", "published_at": "2024-07-10T11:00:00+02:00"}]
        )
    )
    expected = datetime.datetime(2024, 7, 10, 9, 0, tzinfo=datetime.UTC)
    assert Event.objects.get().published_at == expected


def test_import_queries_do_not_grow_with_the_number_of_events():
    def queries(count):
        events = [
            {
                **EVENT,
                "slug": f"webinar-{count}-{n}",
                "tags": ["wonen"],
                "domains": ["zorg"],
                "sessions": [{"order": 1, "title": "Opening"}],
                "participants": [{"person": "jan", "role": "spreker", "session": 1}],
                "takeaways": [
                    {"slug": f"les-{count}-{n}", "text": "Les.", "session": 1, "people": ["jan"]}
                ],
            }
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            import_content(document(people=[JAN], events=events))
        return len(captured)

    import_content(document(people=[JAN], events=[{**EVENT, "tags": ["wonen"]}]))
    queries(2)  # the facet values such events have exist afterwards (a new one costs 2 queries)
    assert queries(1) == queries(5)


# The command


def test_command_imports_and_prints_a_summary():
    out = StringIO()
    call_command("import_content", FILES / "full.json", stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"Imported {FILES / 'full.json'} in ")
    assert lines[1:] == [
        "  domains: 1 created, 0 updated, 3 unchanged",
        "  event kinds: 1 created, 0 updated, 7 unchanged",
        "  regions: 4 created, 0 updated",
        "  organisations: 3 created, 0 updated",
        "  people: 3 created, 0 updated",
        "  series: 2 created, 0 updated",
        "  events: 3 created, 0 updated",
        "  sessions: 3 created, 0 updated",
        "  publications: 2 created, 0 updated",
        "  takeaways: 5 created, 0 updated",
        "  synonym sets: 2 created, 0 updated",
    ]


def test_command_reports_every_problem_and_imports_nothing():
    before = database_rows()
    err = StringIO()
    path = FILES / "broken.json"
    with pytest.raises(CommandError) as raised:
        call_command("import_content", path, stdout=StringIO(), stderr=err)
    assert str(raised.value) == f"{path}: 4 problems; nothing was imported."
    assert raised.value.returncode == 1
    assert err.getvalue().splitlines() == [
        "events[0].attendance: -5 is less than 0",
        'events[0].regions[0]: region "nergens" is neither in the file nor in the database',
        'events[0].sessions[0].date: "2024-13-01" is not a date',
        'events[0].titel: unknown key (did you mean "title"?)',
    ]
    assert database_rows() == before


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"cannot read .*nergens\.json: No such file"):
        call_command("import_content", tmp_path / "nergens.json")


def test_command_shows_progress_when_asked():
    err = StringIO()
    call_command("import_content", FILES / "full.json", "--progress", stdout=StringIO(), stderr=err)
    assert "synonyms: 100%" in err.getvalue()
    assert "31/31" in err.getvalue()


def test_command_is_quiet_with_verbosity_0():
    out, err = StringIO(), StringIO()
    call_command(
        "import_content", FILES / "full.json", "--progress", verbosity=0, stdout=out, stderr=err
    )
    assert (out.getvalue(), err.getvalue()) == ("", "")
    assert Event.objects.count() == 3


def test_command_checks_a_file_while_the_portal_writes(sqlite_file, tmp_path):
    path = tmp_path / "lezing.json"
    path.write_text(json.dumps(document(events=[{**EVENT, "kind": "lezing"}])))
    other = sqlite3.connect(sqlite_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the portal writing: SQLite's one write lock is taken
    try:
        completed = run_python(
            "manage.py", "import_content", str(path), sqlite_path=sqlite_file, timeout=15
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert completed.stderr.splitlines() == [
        'events[0].kind: event kind "lezing" is neither in the file nor in the database',
        f"CommandError: {path}: 1 problem; nothing was imported.",
    ]


def test_command_exits_with_status_1_on_a_broken_file(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_bytes(b'{"format": "dwarsverband", "events": [')
    completed = run_python(
        "manage.py", "import_content", str(path), sqlite_path=tmp_path / "leeg.sqlite3"
    )
    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        "line 1, column 39: the file ends in the middle of the JSON (is it truncated?)",
        f"CommandError: {path}: 1 problem; nothing was imported.",
    ]
