"""Validate and import content in the exchange format of docs/import-format.md.

Three steps, each usable on its own:

- ``read_content(raw)`` turns the bytes of a file into JSON data. A file that is empty, not
  UTF-8 or not JSON raises ``InvalidContent`` with the line and column of the problem.
- ``validate(data)`` walks the data with a location path (``events[2].sessions[0].date``) and
  collects every problem. Which keys an object has, and how each value is checked, is the table
  of ``Shape``s below; after the walk come the checks that need the whole file or the database:
  takeaway slugs, unique names, references, region cycles, takeaway slugs already in use.
- ``import_content(data)`` validates and, only when there are no problems, writes everything in
  one transaction: objects are matched by slug (synonym sets by their first term) and nested
  lists are replaced. Writes are done in bulk, per batch of events or publications.

Messages are in English: they are read by the editors and developers who prepare files.
"""

import difflib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial
from itertools import groupby

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag
from tqdm import tqdm

from events.models import (
    Country,
    Domain,
    Event,
    EventKind,
    EventOrganisation,
    Organisation,
    OrganisationKind,
    OrganisationRole,
    Participation,
    Person,
    Region,
    RegionKind,
    Role,
    Series,
    Session,
    TaggedEvent,
)
from events.publishing import Status
from insights.models import (
    Publication,
    PublicationKind,
    PublicationOrganisation,
    PublicationOrganisationRole,
    PublicationPerson,
    PublicationRole,
    SynonymSet,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)

FORMAT = "dwarsverband"
VERSION = 1
OWNERS_PER_BATCH = 200  # events or publications written together
IDS_PER_QUERY = 500  # stays below SQLite's limit on query parameters
SMALL = 32767  # PositiveSmallIntegerField
LARGE = 2147483647  # PositiveIntegerField


# Problems and where they are -------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self):
        return f"{self.location}: {self.message}"


class InvalidContent(Exception):
    """The file has problems; nothing was imported."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class _Invalid:
    def __repr__(self):
        return "INVALID"


INVALID = _Invalid()  # what a check returns for a value it rejected


def location(path):
    """``("events", 2, "sessions", 0, "date")`` → ``events[2].sessions[0].date``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "top level"


def _path_order(item):
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in item[0]]


def shown(value):
    """A JSON value as it appears in a message."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and len(value) > 60:
        value = value[:57] + "..."
    return json.dumps(value, ensure_ascii=False)


class Validation:
    """Collects problems and references while the data is walked."""

    def __init__(self):
        self.problems = []  # (path, message)
        self.references = []  # (collection, slug, path)

    def problem(self, path, message):
        self.problems.append((path, message))
        return INVALID

    def wrong_type(self, path, expected, value):
        return self.problem(path, f"expected {expected}, got {shown(value)}")

    def sorted_problems(self):
        ordered = sorted(self.problems, key=_path_order)
        return [Problem(location(path), message) for path, message in ordered]


# Reading the file ------------------------------------------------------------------------------


class _JsonObject(dict):
    repeated = ()  # keys that appear more than once in the object


def _json_object(pairs):
    obj = _JsonObject(pairs)
    if len(obj) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        obj.repeated = [key for key, count in counts.items() if count > 1]
    return obj


def read_content(raw):
    """Parse the bytes of a file; raise ``InvalidContent`` when it is not UTF-8 JSON."""
    if not raw.strip():
        raise InvalidContent([Problem("file", "the file is empty")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        byte = raw[error.start]
        raise InvalidContent(
            [Problem(f"line {line}, column {column}", f"byte 0x{byte:02x} is not UTF-8")]
        ) from None
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            message = "the file ends in the middle of the JSON (is it truncated?)"
        else:
            message = f"not valid JSON ({error.msg})"
        raise InvalidContent([Problem(where, message)]) from None
    except RecursionError:
        raise InvalidContent([Problem("file", "the JSON is nested too deeply")]) from None


# Checks for single values ----------------------------------------------------------------------
# A check takes (value, path, validation) and returns the cleaned value, or INVALID after
# reporting a problem.


@dataclass(frozen=True)
class Collection:
    model: type
    label: str


# The top-level lists other objects refer to by slug.
COLLECTIONS = {
    "domains": Collection(Domain, "domain"),
    "event_kinds": Collection(EventKind, "event kind"),
    "regions": Collection(Region, "region"),
    "organisations": Collection(Organisation, "organisation"),
    "people": Collection(Person, "person"),
    "series": Collection(Series, "series"),
    "events": Collection(Event, "event"),
}

SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what Django's SlugField accepts
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")


def string(*, max_length=None, required=False):
    def check(value, path, v):
        if not isinstance(value, str):
            return v.wrong_type(path, "a string", value)
        if required and not value.strip():
            return v.problem(path, "must not be empty")
        if max_length is not None and len(value) > max_length:
            return v.problem(path, f"is {len(value)} characters long, at most {max_length} allowed")
        return value

    return check


def text(model, name):
    """A string as long and as required as the model field ``name``."""
    model_field = model._meta.get_field(name)
    return string(max_length=model_field.max_length, required=not model_field.blank)


def url(model, name):
    check_string = string(max_length=model._meta.get_field(name).max_length)
    validate_url = URLValidator()

    def check(value, path, v):
        value = check_string(value, path, v)
        if value in (INVALID, ""):
            return value
        try:
            validate_url(value)
        except ValidationError:
            return v.problem(path, f"{shown(value)} is not a URL")
        return value

    return check


def whole(minimum, maximum):
    def check(value, path, v):
        if type(value) is not int:
            return v.wrong_type(path, "a whole number", value)
        if value < minimum:
            return v.problem(path, f"{value} is less than {minimum}")
        if value > maximum:
            return v.problem(path, f"{value} is more than {maximum}")
        return value

    return check


def boolean(value, path, v):
    if not isinstance(value, bool):
        return v.wrong_type(path, "true or false", value)
    return value


def a_date(value, path, v):
    if not isinstance(value, str):
        return v.wrong_type(path, 'a date ("YYYY-MM-DD")', value)
    if DATE.fullmatch(value):
        with suppress(ValueError):
            return date.fromisoformat(value)
    return v.problem(path, f"{shown(value)} is not a date")


def a_moment(value, path, v):
    if not isinstance(value, str):
        return v.wrong_type(path, 'a date and time ("YYYY-MM-DDTHH:MM:SS+00:00")', value)
    moment = None
    if MOMENT.fullmatch(value):
        with suppress(ValueError):
            moment = datetime.fromisoformat(value)
    if moment is None:
        return v.problem(path, f"{shown(value)} is not a date and time")
    if moment.tzinfo is None:
        return v.problem(path, f"{shown(value)} has no UTC offset (such as +00:00)")
    return moment


def one_of(choices):
    values = list(choices.values)
    allowed = ", ".join(json.dumps(value) for value in values)

    def check(value, path, v):
        if not isinstance(value, str):
            return v.wrong_type(path, "a string", value)
        if value not in values:
            return v.problem(path, f"{shown(value)} is not one of {allowed}")
        return value

    return check


def exactly(expected):
    def check(value, path, v):
        if type(value) is not type(expected) or value != expected:
            return v.wrong_type(path, json.dumps(expected), value)
        return value

    return check


def slug_of(model):
    max_length = model._meta.get_field("slug").max_length

    def check(value, path, v):
        if not isinstance(value, str):
            return v.wrong_type(path, "a slug", value)
        if not SLUG.fullmatch(value):
            return v.problem(
                path, f"{shown(value)} is not a slug (only letters, digits, - and _ are allowed)"
            )
        if len(value) > max_length:
            return v.problem(path, f"is {len(value)} characters long, at most {max_length} allowed")
        return value

    return check


def reference(collection):
    """The slug of an object in ``collection``; whether it exists is checked after the walk."""
    check_slug = slug_of(COLLECTIONS[collection].model)

    def check(value, path, v):
        value = check_slug(value, path, v)
        if value is not INVALID:
            v.references.append((collection, value, path))
        return value

    return check


def optional(check):
    """``check``, or null."""

    def check_optional(value, path, v):
        return None if value is None else check(value, path, v)

    return check_optional


@dataclass(frozen=True)
class Unique:
    """What may not occur twice in a list: ``key`` of an item, reported at ``at`` in the item."""

    key: Callable
    label: Callable = shown
    at: tuple = ()


def list_of(check, *, unique=None):
    def check_list(value, path, v):
        if not isinstance(value, list):
            return v.wrong_type(path, "a list", value)
        items = [check(item, (*path, index), v) for index, item in enumerate(value)]
        if unique:
            _report_duplicates(items, path, unique, v)
        return items

    return check_list


def _report_duplicates(items, path, unique, v):
    first = {}
    for index, item in enumerate(items):
        key = INVALID if item is INVALID else unique.key(item)
        if key is INVALID or (isinstance(key, tuple) and INVALID in key):
            continue
        here = (*path, index, *unique.at)
        if key in first:
            v.problem(here, f"duplicate {unique.label(item)} (first at {location(first[key])})")
        else:
            first[key] = here


NON_EMPTY = string(required=True)


def term(value, path, v):
    value = NON_EMPTY(value, path, v)
    if value is INVALID:
        return value
    if value.splitlines() != [value]:
        return v.problem(path, f"{shown(value)} contains a line break")
    if value != value.strip():
        return v.problem(path, f"{shown(value)} has spaces at the start or end")
    return value


def terms(value, path, v):
    items = list_of(term)(value, path, v)
    if items is not INVALID and len(items) < 2:
        return v.problem(path, "needs at least two terms")
    return items


# Objects: the table of keys --------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    name: str
    check: Callable
    required: bool = False
    default: object = None


class Shape:
    """An object with these keys; ``checks`` look at several keys of the cleaned object."""

    def __init__(self, *keys, checks=()):
        self.keys = {key.name: key for key in keys}
        self.checks = checks

    def __call__(self, value, path, v):
        if not isinstance(value, dict):
            return v.wrong_type(path, "an object", value)
        for name in getattr(value, "repeated", ()):
            v.problem((*path, name), "appears more than once in this object")
        for name in value:
            if name not in self.keys:
                v.problem((*path, name), self._unknown(name))
        cleaned = {}
        for name, key in self.keys.items():
            if name in value:
                cleaned[name] = key.check(value[name], (*path, name), v)
            elif key.required:
                cleaned[name] = v.problem((*path, name), "required key is missing")
            else:
                cleaned[name] = key.default
        for check in self.checks:
            check(cleaned, path, v)
        return cleaned

    def _unknown(self, name):
        close = difflib.get_close_matches(name, self.keys, n=1, cutoff=0.75)
        return f'unknown key (did you mean "{close[0]}"?)' if close else "unknown key"


def dates_in_order(item, path, v):
    start, end = item["start_date"], item["end_date"]
    if not isinstance(end, date):
        return
    if start is None:
        v.problem((*path, "end_date"), "given without a start_date")
    elif isinstance(start, date) and end < start:
        v.problem((*path, "end_date"), f"{end} is before start_date {start}")


def published_has_moment(item, path, v):
    if item["status"] == Status.PUBLISHED and item["published_at"] is None:
        v.problem((*path, "published_at"), 'required when status is "published"')


def sessions_exist(item, path, v):
    """Participants and takeaways refer to sessions of this event by their order."""
    if item["sessions"] is INVALID:
        return
    orders = {session["order"] for session in item["sessions"] if session is not INVALID}
    for list_name in ("participants", "takeaways"):
        for index, entry in _valid(item[list_name]):
            order = entry["session"]
            if isinstance(order, int) and order not in orders:
                v.problem(
                    (*path, list_name, index, "session"),
                    f"the event has no session with order {order}",
                )


def not_related_to_itself(item, path, v):
    for index, slug in enumerate(_valid_list(item["related_events"])):
        if slug is not INVALID and slug == item["slug"]:
            v.problem((*path, "related_events", index), "an event cannot be related to itself")


def _valid_list(value):
    return [] if value is INVALID else value


def _valid(items):
    """(index, item) for the items that are objects whose slug (if any) is valid."""
    return [
        (index, item)
        for index, item in enumerate(_valid_list(items))
        if item is not INVALID and item.get("slug") is not INVALID
    ]


def _with_role(key):
    return lambda item: f"{shown(item[key])} as {item['role']}"


def _participant(item):
    where = "on the event" if item["session"] is None else f"in session {item['session']}"
    return f"{shown(item['person'])} as {item['role']} {where}"


def _first_term(item):
    items = item["terms"]
    return items[0].lower() if items is not INVALID and items[0] is not INVALID else INVALID


BY_SLUG = Unique(
    key=lambda item: item["slug"], label=lambda item: shown(item["slug"]), at=("slug",)
)
BY_VALUE = Unique(key=lambda item: item)
BY_TAG = Unique(key=lambda item: item.lower())
BY_ORDER = Unique(
    key=lambda item: item["order"], label=lambda item: f"order {item['order']}", at=("order",)
)
BY_PARTICIPATION = Unique(
    key=lambda item: (item["person"], item["session"], item["role"]), label=_participant
)
BY_PERSON_ROLE = Unique(key=lambda item: (item["person"], item["role"]), label=_with_role("person"))
BY_ORGANISATION_ROLE = Unique(
    key=lambda item: (item["organisation"], item["role"]), label=_with_role("organisation")
)
BY_FIRST_TERM = Unique(
    key=_first_term, label=lambda item: f"first term {shown(item['terms'][0])}", at=("terms", 0)
)

SLUGS = {collection: reference(collection) for collection in COLLECTIONS}
REFERENCES = {collection: list_of(check, unique=BY_VALUE) for collection, check in SLUGS.items()}
TAGS = list_of(text(Tag, "name"), unique=BY_TAG)
PUBLISHING = (
    Key("status", one_of(Status), default=Status.DRAFT),
    Key("published_at", optional(a_moment)),
    Key("members_only", boolean, default=False),
)


def _named(model, *, name="name"):
    """The slug and name every named top-level object has."""
    return (
        Key("slug", slug_of(model), required=True),
        Key(name, text(model, name), required=True),
    )


DOMAIN = Shape(
    *_named(Domain),
    Key("description", text(Domain, "description"), default=""),
    Key("order", whole(0, SMALL), default=0),
)
EVENT_KIND = Shape(
    *_named(EventKind),
    Key("name_plural", text(EventKind, "name_plural"), default=""),
    Key("description", text(EventKind, "description"), default=""),
    Key("order", whole(0, SMALL), default=0),
)
REGION = Shape(
    *_named(Region),
    Key("country", one_of(Country), required=True),
    Key("kind", one_of(RegionKind), default=RegionKind.REGION),
    Key("parent", optional(SLUGS["regions"])),
    Key("description", text(Region, "description"), default=""),
)
ORGANISATION = Shape(
    *_named(Organisation),
    Key("kind", one_of(OrganisationKind), default=OrganisationKind.OTHER),
    Key("website", url(Organisation, "website"), default=""),
    Key("region", optional(SLUGS["regions"])),
    Key("description", text(Organisation, "description"), default=""),
    Key("ceased_on", optional(a_date)),
)
PERSON = Shape(
    *_named(Person),
    Key("function", text(Person, "function"), default=""),
    Key("organisation", optional(SLUGS["organisations"])),
    Key("bio", text(Person, "bio"), default=""),
)
SERIES = Shape(*_named(Series), Key("description", text(Series, "description"), default=""))
SOURCE = Shape(
    Key("name", text(Event, "source_name"), default=""),
    Key("url", url(Event, "source_url"), default=""),
    Key("date", optional(a_date)),
    Key("date_is_capture", boolean, default=False),
)
SESSION = Shape(
    Key("order", whole(1, SMALL), required=True),
    Key("title", text(Session, "title"), required=True),
    Key("date", optional(a_date)),
    Key("summary", text(Session, "summary"), default=""),
)
PARTICIPANT = Shape(
    Key("person", SLUGS["people"], required=True),
    Key("role", one_of(Role), required=True),
    Key("session", optional(whole(1, SMALL))),
    Key("organisation", optional(SLUGS["organisations"])),
    Key("function", text(Participation, "function"), default=""),
)
EVENT_ORGANISATION = Shape(
    Key("organisation", SLUGS["organisations"], required=True),
    Key("role", one_of(OrganisationRole), required=True),
)
TAKEAWAY_KEYS = (
    Key("slug", slug_of(Takeaway), required=True),
    Key("text", text(Takeaway, "text"), required=True),
    Key("explanation", text(Takeaway, "explanation"), default=""),
    Key("tags", TAGS, default=()),
    Key("domains", REFERENCES["domains"], default=()),
    Key("people", REFERENCES["people"], default=()),
)
# Takeaway slugs are unique across the whole file: see check_takeaway_slugs.
EVENT_TAKEAWAYS = list_of(Shape(*TAKEAWAY_KEYS, Key("session", optional(whole(1, SMALL)))))
PUBLICATION_TAKEAWAYS = list_of(Shape(*TAKEAWAY_KEYS))
EVENT = Shape(
    Key("slug", slug_of(Event), required=True),
    Key("title", text(Event, "title"), required=True),
    Key("kind", SLUGS["event_kinds"], required=True),
    Key("series", optional(SLUGS["series"])),
    Key("start_date", optional(a_date)),
    Key("end_date", optional(a_date)),
    Key("is_online", boolean, default=False),
    Key("location", text(Event, "location"), default=""),
    Key("regions", REFERENCES["regions"], default=()),
    Key("domains", REFERENCES["domains"], default=()),
    Key("organisations", list_of(EVENT_ORGANISATION, unique=BY_ORGANISATION_ROLE), default=()),
    Key("summary", text(Event, "summary"), default=""),
    Key("body", text(Event, "body"), default=""),
    Key("audience", text(Event, "audience"), default=""),
    Key("attendance", optional(whole(0, LARGE))),
    Key("source", optional(SOURCE)),
    *PUBLISHING,
    Key("tags", TAGS, default=()),
    Key("related_events", REFERENCES["events"], default=()),
    Key("sessions", list_of(SESSION, unique=BY_ORDER), default=()),
    Key("participants", list_of(PARTICIPANT, unique=BY_PARTICIPATION), default=()),
    Key("takeaways", EVENT_TAKEAWAYS, default=()),
    checks=(dates_in_order, published_has_moment, sessions_exist, not_related_to_itself),
)
PUBLICATION_PERSON = Shape(
    Key("person", SLUGS["people"], required=True),
    Key("role", one_of(PublicationRole), required=True),
)
PUBLICATION_ORGANISATION = Shape(
    Key("organisation", SLUGS["organisations"], required=True),
    Key("role", one_of(PublicationOrganisationRole), required=True),
)
PUBLICATION = Shape(
    Key("slug", slug_of(Publication), required=True),
    Key("title", text(Publication, "title"), required=True),
    Key("kind", one_of(PublicationKind), required=True),
    Key("published_on", optional(a_date)),
    Key("date_is_capture", boolean, default=False),
    Key("publisher", optional(SLUGS["organisations"])),
    Key("people", list_of(PUBLICATION_PERSON, unique=BY_PERSON_ROLE), default=()),
    Key(
        "organisations",
        list_of(PUBLICATION_ORGANISATION, unique=BY_ORGANISATION_ROLE),
        default=(),
    ),
    Key("domains", REFERENCES["domains"], default=()),
    Key("regions", REFERENCES["regions"], default=()),
    Key("summary", text(Publication, "summary"), default=""),
    Key("body", text(Publication, "body"), default=""),
    Key("url", url(Publication, "url"), default=""),
    Key("related_events", REFERENCES["events"], default=()),
    Key("tags", TAGS, default=()),
    *PUBLISHING,
    Key("takeaways", PUBLICATION_TAKEAWAYS, default=()),
    checks=(published_has_moment,),
)
SYNONYMS = Shape(
    Key("terms", terms, required=True),
    Key("note", text(SynonymSet, "note"), default=""),
)
DOCUMENT = Shape(
    Key("format", exactly(FORMAT), required=True),
    Key("version", exactly(VERSION), required=True),
    Key("domains", list_of(DOMAIN, unique=BY_SLUG), default=()),
    Key("event_kinds", list_of(EVENT_KIND, unique=BY_SLUG), default=()),
    Key("regions", list_of(REGION, unique=BY_SLUG), default=()),
    Key("organisations", list_of(ORGANISATION, unique=BY_SLUG), default=()),
    Key("people", list_of(PERSON, unique=BY_SLUG), default=()),
    Key("series", list_of(SERIES, unique=BY_SLUG), default=()),
    Key("events", list_of(EVENT, unique=BY_SLUG), default=()),
    Key("publications", list_of(PUBLICATION, unique=BY_SLUG), default=()),
    Key("synonyms", list_of(SYNONYMS, unique=BY_FIRST_TERM), default=()),
)


# Checks that need the whole file or the database -----------------------------------------------


@dataclass
class Validated:
    content: object  # the cleaned data (INVALID when it is not an object)
    problems: list
    existing: dict  # collection → {slug: pk} of referenced objects only in the database


def validate(data):
    """Every problem in ``data`` (parsed JSON), with the cleaned data for the importer."""
    v = Validation()
    content = DOCUMENT(data, (), v)
    existing = {}
    if content is not INVALID:
        check_takeaway_slugs(content, v)
        for collection in ("domains", "event_kinds"):
            check_unique_names(content, collection, v)
        existing = check_references(content, v)
        check_region_cycles(content, v)
        check_takeaways_in_use(content, v)
    return Validated(content, v.sorted_problems(), existing)


def _takeaway_places(content):
    """(slug, path) of every takeaway in the file."""
    for owners in ("events", "publications"):
        for index, owner in _valid(content[owners]):
            for position, takeaway in _valid(owner["takeaways"]):
                yield takeaway["slug"], (owners, index, "takeaways", position, "slug")


def check_takeaway_slugs(content, v):
    first = {}
    for slug, path in _takeaway_places(content):
        if slug in first:
            v.problem(path, f"duplicate {shown(slug)} (first at {location(first[slug])})")
        else:
            first[slug] = path


def check_unique_names(content, collection, v):
    """Domains and event kinds have unique names, also next to those only in the database."""
    items = _valid(content[collection])
    in_file = {item["slug"] for _, item in items}
    model, label = COLLECTIONS[collection].model, COLLECTIONS[collection].label
    taken = {
        name: slug
        for slug, name in model.objects.values_list("slug", "name")
        if slug not in in_file
    }
    first = {}
    for index, item in items:
        name, path = item["name"], (collection, index, "name")
        if name is INVALID:
            continue
        if name in taken:
            v.problem(path, f"{shown(name)} is already the name of {label} {shown(taken[name])}")
        elif name in first:
            v.problem(path, f"duplicate {shown(name)} (first at {location(first[name])})")
        else:
            first[name] = path


def _in_database(model, slugs):
    found = {}
    for batch in batches(sorted(slugs), IDS_PER_QUERY):
        found.update(model.objects.filter(slug__in=batch).values_list("slug", "pk"))
    return found


def check_references(content, v):
    """Every slug refers to an object in the file or in the database; returns the latter."""
    in_file = {
        collection: {item["slug"] for _, item in _valid(content[collection])}
        for collection in COLLECTIONS
    }
    wanted = defaultdict(set)
    for collection, slug, _ in v.references:
        if slug not in in_file[collection]:
            wanted[collection].add(slug)
    existing = {
        collection: _in_database(COLLECTIONS[collection].model, slugs)
        for collection, slugs in wanted.items()
    }
    for collection, slug, path in v.references:
        if slug not in in_file[collection] and slug not in existing[collection]:
            label = COLLECTIONS[collection].label
            v.problem(path, f"{label} {shown(slug)} is neither in the file nor in the database")
    return existing


def check_region_cycles(content, v):
    regions = _valid(content["regions"])
    parents = dict(Region.objects.values_list("slug", "parent__slug"))
    parents.update({item["slug"]: item["parent"] for _, item in regions})
    for index, item in regions:
        chain, parent = [item["slug"]], item["parent"]
        while parent not in (None, INVALID) and parent not in chain:
            chain.append(parent)
            parent = parents.get(parent)
        if parent == item["slug"]:
            cycle = " → ".join([*chain, parent])
            v.problem(("regions", index, "parent"), f"makes the region its own ancestor ({cycle})")


def check_takeaways_in_use(content, v):
    """A takeaway slug may only move here from an event or publication that is in the file."""
    places = dict(_takeaway_places(content))
    owners = {
        (collection, item["slug"])
        for collection in ("events", "publications")
        for _, item in _valid(content[collection])
    }
    for batch in batches(sorted(places), IDS_PER_QUERY):
        rows = Takeaway.objects.filter(slug__in=batch).values_list(
            "slug", "event__slug", "publication__slug"
        )
        for slug, event, publication in rows:
            owner = ("events", event) if event else ("publications", publication)
            if owner not in owners:
                label = "event" if event else "publication"
                v.problem(
                    places[slug],
                    f"{shown(slug)} is already the slug of a takeaway of {label} "
                    f"{shown(owner[1])}, which is not in the file",
                )


# Writing ---------------------------------------------------------------------------------------


# Keys whose value is stored as it is in the model field of the same name.
EVENT_FIELDS = (
    *("title", "start_date", "end_date", "is_online", "location", "summary", "body"),
    *("audience", "attendance", "status", "published_at", "members_only"),
)
PUBLICATION_FIELDS = (
    *("title", "kind", "published_on", "summary", "body", "url"),
    *("status", "published_at", "members_only"),
)


def update_rows(model, objects, names):
    """Save the fields ``names`` of existing ``objects`` with one statement run for every row.

    Django's ``bulk_update`` builds a CASE expression over all rows for every field, which takes
    minutes for the tens of thousands of takeaways of a large file; ``executemany`` takes a
    second. Values are converted by each field as ``save()`` would.
    """
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    rows = [[_db_value(f, getattr(obj, f.attname)) for f in fields] + [obj.pk] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _db_value(model_field, value):
    """``value`` as the database takes it: converted by the field as ``save()`` would, except
    for strings, whole numbers and null, which every field here stores as they are."""
    if value is None or type(value) in (int, str):
        return value
    return model_field.get_db_prep_save(value, connection)


def insert_rows(model, rows):
    """Insert ``rows`` (dicts of field values) with as many rows per statement as fit.

    For the links and roles an import writes by the ten thousand, where ``bulk_create`` would
    spend most of its time making model instances that nobody uses afterwards.
    """
    if not rows:
        return
    defaults = {
        f.attname: f.get_default()
        for f in model._meta.concrete_fields
        if f.attname not in rows[0] and not f.primary_key and not f.generated
    }
    if defaults:  # fields that the rows leave out get their default, as with bulk_create
        rows = [{**defaults, **row} for row in rows]
    fields = [model._meta.get_field(name) for name in rows[0]]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    per_statement = min(1000, (connection.features.max_query_params or 65535) // len(fields))
    with connection.cursor() as cursor:
        for batch in batches(rows, per_statement):
            params = [_db_value(f, row[f.attname]) for row in batch for f in fields]
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
                f"VALUES {', '.join([placeholders] * len(batch))}",
                params,
            )


def batches(items, size):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class ImportResult:
    """What an import did: counts per kind, and the ids of what the search index must refresh."""

    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    event_ids: list = field(default_factory=list)
    publication_ids: list = field(default_factory=list)
    takeaway_ids: list = field(default_factory=list)


def import_content(data, *, progress=None):
    """Validate ``data`` (parsed JSON) and import all of it in one transaction.

    Raises ``InvalidContent`` with every problem, having written nothing. ``progress`` makes
    the progress bar once writing starts: it is called with the number of top-level objects and
    returns a tqdm bar; by default nothing is shown. Returns an ``ImportResult``; its ids are
    those of the imported events, publications and takeaways.
    """
    with transaction.atomic():
        validated = validate(data)
        if validated.problems:
            raise InvalidContent(validated.problems)
        return Importer(validated).run(progress or _no_progress)


def _no_progress(total):
    return tqdm(total=total, disable=True)


class Importer:
    """Writes validated content: bulk upserts by slug, nested lists replaced."""

    def __init__(self, validated):
        self.content = validated.content
        self.ids = defaultdict(dict)  # collection → {slug: pk}
        for collection, found in validated.existing.items():
            self.ids[collection].update(found)
        self.result = ImportResult()
        self.tag_ids = TagIds()
        self.now = timezone.now()
        self.takeaway_slugs = {slug for slug, _ in _takeaway_places(self.content)}

    def run(self, progress):
        content = self.content
        lists = ("domains", "event_kinds", "regions", "organisations", "people", "series")
        total = sum(len(content[name]) for name in (*lists, "events", "publications", "synonyms"))
        with progress(total) as self.progress:
            self.write(content)
        return self.result

    def write(self, content):
        for name in ("domains", "event_kinds", "series"):
            self.step(name, content[name], partial(self.plain, name))
        self.step("regions", content["regions"], self.regions)
        self.step("organisations", content["organisations"], self.organisations)
        self.step("people", content["people"], self.people)
        for batch in batches(content["events"], OWNERS_PER_BATCH):
            self.step("events", batch, self.events)
        self.related_events(content["events"])
        for batch in batches(content["publications"], OWNERS_PER_BATCH):
            self.step("publications", batch, self.publications)
        self.step("synonyms", content["synonyms"], self.synonyms)

    def step(self, description, items, write):
        self.progress.set_description(description)
        write(items)
        self.progress.update(len(items))

    def id_of(self, collection, slug):
        return None if slug is None else self.ids[collection][slug]

    def upsert(self, collection, model, rows):
        """Create or update objects of ``model`` from ``{slug: {field: value}}``."""
        existing = model.objects.in_bulk(list(rows), field_name="slug")
        objects = {slug: existing.get(slug) or model(slug=slug) for slug in rows}
        self.save(collection, model, [(objects[slug], values) for slug, values in rows.items()])
        self.ids[collection].update((slug, obj.pk) for slug, obj in objects.items())
        return objects

    def save(self, kind, model, changes):
        """Create the new objects and update those whose values differ; count all three.

        ``changes`` are (object, {field: value}) pairs; an object without pk is new. Rows that
        would not change are not written, so their ``updated_at`` stays as it was.
        """
        created, updated = [], []
        for obj, values in changes:
            if obj.pk is None or any(getattr(obj, k) != v for k, v in values.items()):
                for name, value in values.items():
                    setattr(obj, name, value)
                (updated if obj.pk else created).append(obj)
        model.objects.bulk_create(created)
        if updated:
            names = list(changes[0][1])
            if any(f.name == "updated_at" for f in model._meta.concrete_fields):
                for obj in updated:
                    obj.updated_at = self.now
                names.append("updated_at")
            update_rows(model, updated, names)
        unchanged = len(changes) - len(created) - len(updated)
        self.result.counts[kind].update(
            created=len(created), updated=len(updated), unchanged=unchanged
        )

    def replace(self, model, owner_field, owner_ids, rows):
        """Make the rows of ``model`` that belong to ``owner_ids`` exactly ``rows`` (dicts).

        Owners that already have exactly these rows are left alone, so that importing an
        unchanged file writes nothing here; the others lose their rows and get the new ones.
        """
        names = list(rows[0]) if rows else [owner_field]
        owner_at = names.index(owner_field)
        wanted, current = defaultdict(Counter), defaultdict(Counter)
        for row in rows:
            wanted[row[owner_field]][tuple(row[name] for name in names)] += 1
        for batch in batches(owner_ids, IDS_PER_QUERY):
            found = model.objects.filter(**{f"{owner_field}__in": batch}).values_list(*names)
            for values in found:
                current[values[owner_at]][values] += 1
        changed = [owner for owner in owner_ids if current[owner] != wanted[owner]]
        for batch in batches(changed, IDS_PER_QUERY):
            model.objects.filter(**{f"{owner_field}__in": batch}).delete()
        changed = set(changed)
        insert_rows(model, [row for row in rows if row[owner_field] in changed])

    def links(self, through, owner_field, target_field, target_collection, owners):
        """Replace many-to-many links: ``owners`` are (owner pk, list of target slugs)."""
        targets = self.ids[target_collection]
        rows = [
            {owner_field: pk, target_field: targets[slug]} for pk, slugs in owners for slug in slugs
        ]
        self.replace(through, owner_field, [pk for pk, _ in owners], rows)

    def tags(self, through, owners):
        """Replace the tags of ``owners``: (owner pk, list of tag names)."""
        ids = self.tag_ids.for_names([name for _, names in owners for name in names])
        rows = [
            {"content_object_id": pk, "tag_id": ids[name.lower()]}
            for pk, names in owners
            for name in names
        ]
        self.replace(through, "content_object_id", [pk for pk, _ in owners], rows)

    def plain(self, collection, items):
        model = COLLECTIONS[collection].model
        self.upsert(collection, model, {i["slug"]: _without(i, "slug") for i in items})

    def regions(self, items):
        """Regions are written parents first: level 0 has no parent in the file, and so on."""
        parents = {item["slug"]: item["parent"] for item in items}

        @cache
        def level(slug):
            return 1 + level(parents[slug]) if parents[slug] in parents else 0

        ordered = sorted(items, key=lambda item: level(item["slug"]))
        for _, group in groupby(ordered, key=lambda item: level(item["slug"])):
            rows = {
                item["slug"]: {
                    **_without(item, "slug", "parent"),
                    "parent_id": self.id_of("regions", item["parent"]),
                }
                for item in group
            }
            self.upsert("regions", Region, rows)

    def organisations(self, items):
        rows = {
            item["slug"]: {
                **_without(item, "slug", "region"),
                "region_id": self.id_of("regions", item["region"]),
            }
            for item in items
        }
        self.upsert("organisations", Organisation, rows)

    def people(self, items):
        rows = {
            item["slug"]: {
                **_without(item, "slug", "organisation"),
                "organisation_id": self.id_of("organisations", item["organisation"]),
            }
            for item in items
        }
        self.upsert("people", Person, rows)

    def events(self, items):
        rows = {item["slug"]: self.event_fields(item) for item in items}
        objects = self.upsert("events", Event, rows)
        owners = [(objects[item["slug"]].pk, item) for item in items]
        ids = [pk for pk, _ in owners]
        self.result.event_ids.extend(ids)
        self.links(
            Event.regions.through,
            "event_id",
            "region_id",
            "regions",
            [(pk, item["regions"]) for pk, item in owners],
        )
        self.links(
            Event.domains.through,
            "event_id",
            "domain_id",
            "domains",
            [(pk, item["domains"]) for pk, item in owners],
        )
        self.tags(TaggedEvent, [(pk, item["tags"]) for pk, item in owners])
        organisation_ids = self.ids["organisations"]
        self.replace(
            EventOrganisation,
            "event_id",
            ids,
            [
                {
                    "event_id": pk,
                    "organisation_id": organisation_ids[entry["organisation"]],
                    "role": entry["role"],
                    "order": position,
                }
                for pk, item in owners
                for position, entry in enumerate(item["organisations"], start=1)
            ],
        )
        sessions = self.sessions(owners)
        self.replace(
            Participation,
            "event_id",
            ids,
            [
                {
                    "event_id": pk,
                    "person_id": self.ids["people"][entry["person"]],
                    "role": entry["role"],
                    "session_id": sessions.get((pk, entry["session"])),
                    "organisation_id": self.id_of("organisations", entry["organisation"]),
                    "function": entry["function"],
                    "order": position,
                }
                for pk, item in owners
                for position, entry in enumerate(item["participants"], start=1)
            ],
        )
        self.takeaways("event_id", owners, sessions)

    def event_fields(self, item):
        source = item["source"] or {"name": "", "url": "", "date": None, "date_is_capture": False}
        return {
            **{name: item[name] for name in EVENT_FIELDS},
            "kind_id": self.ids["event_kinds"][item["kind"]],
            "series_id": self.id_of("series", item["series"]),
            "source_name": source["name"],
            "source_url": source["url"],
            "source_date": source["date"],
            "source_date_is_capture": source["date_is_capture"],
        }

    def sessions(self, owners):
        """Update sessions by (event, order), create new ones, delete the rest.

        Returns ``{(event pk, order): session pk}``.
        """
        existing = {
            (session.event_id, session.order): session
            for session in Session.objects.filter(event_id__in=[pk for pk, _ in owners])
        }
        wanted = {(pk, entry["order"]): entry for pk, item in owners for entry in item["sessions"]}
        stale = [session.pk for key, session in existing.items() if key not in wanted]
        for batch in batches(stale, IDS_PER_QUERY):
            Session.objects.filter(pk__in=batch).delete()
        self.result.counts["sessions"].update(removed=len(stale))
        sessions = {
            key: existing.get(key) or Session(event_id=key[0], order=key[1]) for key in wanted
        }
        self.save(
            "sessions",
            Session,
            [(sessions[key], _without(entry, "order")) for key, entry in wanted.items()],
        )
        return {key: session.pk for key, session in sessions.items()}

    def takeaways(self, owner_field, owners, sessions=None):
        """Replace the takeaways of events or publications (``owner_field``), matched by slug."""
        owner_ids = [pk for pk, _ in owners]
        stale = [
            pk
            for batch in batches(owner_ids, IDS_PER_QUERY)
            for pk, slug in Takeaway.objects.filter(**{f"{owner_field}__in": batch}).values_list(
                "pk", "slug"
            )
            if slug not in self.takeaway_slugs
        ]
        for batch in batches(stale, IDS_PER_QUERY):
            Takeaway.objects.filter(pk__in=batch).delete()
        self.result.counts["takeaways"].update(removed=len(stale))
        rows, nested = {}, []
        for pk, item in owners:
            for position, entry in enumerate(item["takeaways"], start=1):
                session = entry.get("session")
                rows[entry["slug"]] = {
                    "text": entry["text"],
                    "explanation": entry["explanation"],
                    "event_id": pk if owner_field == "event_id" else None,
                    "publication_id": pk if owner_field == "publication_id" else None,
                    "session_id": None if session is None else sessions[(pk, session)],
                    "order": position,
                }
                nested.append(entry)
        objects = self.upsert("takeaways", Takeaway, rows)
        taken = [(objects[entry["slug"]].pk, entry) for entry in nested]
        self.result.takeaway_ids.extend(pk for pk, _ in taken)
        self.links(
            Takeaway.domains.through,
            "takeaway_id",
            "domain_id",
            "domains",
            [(pk, entry["domains"]) for pk, entry in taken],
        )
        self.tags(TaggedTakeaway, [(pk, entry["tags"]) for pk, entry in taken])
        people = self.ids["people"]
        self.replace(
            TakeawayPerson,
            "takeaway_id",
            [pk for pk, _ in taken],
            [
                {"takeaway_id": pk, "person_id": people[slug]}
                for pk, entry in taken
                for slug in entry["people"]
            ],
        )

    def related_events(self, items):
        """Curated links work both ways: an event in the file is related to exactly the events
        it lists and the events in the file that list it. Django stores both directions."""
        ids = self.ids["events"]
        wanted = set()
        for item in items:
            for slug in item["related_events"]:
                wanted |= {(ids[item["slug"]], ids[slug]), (ids[slug], ids[item["slug"]])}
        through = Event.related_events.through
        current = {}
        for batch in batches([ids[item["slug"]] for item in items], IDS_PER_QUERY):
            links = through.objects.filter(Q(from_event_id__in=batch) | Q(to_event_id__in=batch))
            current.update(
                ((a, b), pk) for pk, a, b in links.values_list("pk", "from_event_id", "to_event_id")
            )
        stale = [pk for pair, pk in current.items() if pair not in wanted]
        for batch in batches(stale, IDS_PER_QUERY):
            through.objects.filter(pk__in=batch).delete()
        insert_rows(
            through,
            [{"from_event_id": a, "to_event_id": b} for a, b in sorted(wanted - current.keys())],
        )

    def publications(self, items):
        rows = {item["slug"]: self.publication_fields(item) for item in items}
        objects = self.upsert("publications", Publication, rows)
        owners = [(objects[item["slug"]].pk, item) for item in items]
        ids = [pk for pk, _ in owners]
        self.result.publication_ids.extend(ids)
        for name, target in (("domains", "domain"), ("regions", "region")):
            self.links(
                getattr(Publication, name).through,
                "publication_id",
                f"{target}_id",
                name,
                [(pk, item[name]) for pk, item in owners],
            )
        self.links(
            Publication.related_events.through,
            "publication_id",
            "event_id",
            "events",
            [(pk, item["related_events"]) for pk, item in owners],
        )
        self.tags(TaggedPublication, [(pk, item["tags"]) for pk, item in owners])
        people, organisations = self.ids["people"], self.ids["organisations"]
        self.replace(
            PublicationPerson,
            "publication_id",
            ids,
            [
                {
                    "publication_id": pk,
                    "person_id": people[entry["person"]],
                    "role": entry["role"],
                    "order": position,
                }
                for pk, item in owners
                for position, entry in enumerate(item["people"], start=1)
            ],
        )
        self.replace(
            PublicationOrganisation,
            "publication_id",
            ids,
            [
                {
                    "publication_id": pk,
                    "organisation_id": organisations[entry["organisation"]],
                    "role": entry["role"],
                    "order": position,
                }
                for pk, item in owners
                for position, entry in enumerate(item["organisations"], start=1)
            ],
        )
        self.takeaways("publication_id", owners)

    def publication_fields(self, item):
        return {
            **{name: item[name] for name in PUBLICATION_FIELDS},
            "source_date_is_capture": item["date_is_capture"],
            "publisher_id": self.id_of("organisations", item["publisher"]),
        }

    def synonyms(self, items):
        """Synonym sets are matched by their first term, ignoring case."""
        existing = {}
        for synonym_set in SynonymSet.objects.order_by("pk"):
            first = next(iter(synonym_set.term_list()), "").lower()
            existing.setdefault(first, synonym_set)
        self.save(
            "synonyms",
            SynonymSet,
            [
                (
                    existing.get(item["terms"][0].lower()) or SynonymSet(),
                    {"terms": "\n".join(item["terms"]), "note": item["note"]},
                )
                for item in items
            ],
        )


def _without(item, *names):
    return {name: value for name, value in item.items() if name not in names}


class TagIds:
    """Tag ids by lower-cased name, like taggit with TAGGIT_CASE_INSENSITIVE; creates new tags."""

    def __init__(self):
        self.ids = None

    def for_names(self, names):
        if self.ids is None:
            self.ids = {}
            for pk, name in Tag.objects.order_by("pk").values_list("pk", "name"):
                self.ids.setdefault(name.lower(), pk)
        for name in names:
            if name.lower() not in self.ids:
                self.ids[name.lower()] = Tag.objects.create(name=name).pk
        return self.ids
