"""The schema: which keys each kind of object has and how each value is checked.

Built from the checks in ``checks``: one ``Shape`` per kind of object, up to ``DOCUMENT`` for
the whole file, with the checks that look at several keys of one object and what may not occur
twice in each list. Checks that need the whole file or the database are in ``validation``.
"""

from datetime import date

from taggit.models import Tag

from events.models import (
    Country,
    Domain,
    Event,
    EventKind,
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
)
from events.publishing import Status
from insights.importing.checks import (
    COLLECTIONS,
    Key,
    Shape,
    Unique,
    a_date,
    a_moment,
    boolean,
    exactly,
    list_of,
    one_of,
    optional,
    reference,
    slug_of,
    terms,
    text,
    theme,
    url,
    whole,
)
from insights.importing.problems import INVALID, shown
from insights.models import (
    Publication,
    PublicationKind,
    PublicationOrganisationRole,
    PublicationRole,
    SynonymSet,
    Takeaway,
)

FORMAT = "dwarsverband"
VERSION = 1
SMALL = 32767  # PositiveSmallIntegerField
LARGE = 2147483647  # PositiveIntegerField


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
TAGS = list_of(theme(text(Tag, "name")), unique=BY_TAG)
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
    Key("is_public", boolean, default=False),
)
PERSON = Shape(
    *_named(Person),
    Key("function", text(Person, "function"), default=""),
    Key("organisation", optional(SLUGS["organisations"])),
    Key("bio", text(Person, "bio"), default=""),
    Key("is_public", boolean, default=False),
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
# Takeaway slugs are unique across the whole file: see validation.check_takeaway_slugs.
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
    Key("terms", terms(SynonymSet, "terms"), required=True),
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
