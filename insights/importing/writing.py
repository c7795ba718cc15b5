"""Writing: importing validated content in one transaction.

``import_content`` validates (before taking the write lock) and, only when there are no
problems, has the ``Importer`` write everything: objects are matched by slug (synonym sets by
their first term) and nested lists are replaced. Writes are done in bulk, per batch of events or
publications. The search index is brought in step in the same transaction.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import groupby

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag
from tqdm import tqdm

from events.models import (
    Event,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Region,
    Session,
    TaggedEvent,
)
from events.services import content_changed
from insights.importing.bulk import IDS_PER_QUERY, batches, insert_rows, update_rows
from insights.importing.checks import COLLECTIONS
from insights.importing.problems import InvalidContent
from insights.importing.validation import _takeaway_places, recheck, validate
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    SynonymSet,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)
from insights.search.indexing import rebuild_index
from insights.search.models import SearchEntry

OWNERS_PER_BATCH = 200  # events or publications written together


# Keys whose value is stored as it is in the model field of the same name.
EVENT_FIELDS = (
    *("title", "start_date", "end_date", "is_online", "location", "summary", "body"),
    *("audience", "attendance", "status", "published_at", "members_only"),
)
PUBLICATION_FIELDS = (
    *("title", "kind", "published_on", "summary", "body", "url"),
    *("status", "published_at", "members_only"),
)


@dataclass
class ImportResult:
    """What an import did: counts per kind, and the ids of what the search index must refresh."""

    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    event_ids: list = field(default_factory=list)
    publication_ids: list = field(default_factory=list)
    takeaway_ids: list = field(default_factory=list)
    # Per kind, the ids of the objects created or updated (an unchanged object is not written).
    written: dict = field(default_factory=lambda: defaultdict(list))


def import_content(data, *, progress=None):
    """Validate ``data`` (parsed JSON), then import all of it in one transaction.

    Raises ``InvalidContent`` with every problem, having written nothing. Validation only
    reads, and is done before the transaction: on SQLite a transaction that writes locks the
    whole database (``transaction_mode`` IMMEDIATE), and the portal's own writes (a login, an
    editor's save) need not wait while a large file is checked. Inside the transaction the
    checks that read the database are done again (``recheck``), for what changed meanwhile.

    ``progress`` makes the progress bar once writing starts: it is called with the number of
    top-level objects and returns a tqdm bar; by default nothing is shown. Returns an
    ``ImportResult``; its ids are those of the imported events, publications and takeaways,
    which are indexed for search before the transaction commits, with the people and
    organisations written and the items naming them.
    """
    validated = validate(data)
    if validated.problems:
        raise InvalidContent(validated.problems)
    with transaction.atomic():
        validated = recheck(validated)
        if validated.problems:
            raise InvalidContent(validated.problems)
        result = Importer(validated).run(progress or _no_progress)
        _index()
        return result


def _index():
    """Bring what follows content (the search index) in step with what was imported: only
    what the import really changed (``content_changed``; the database kept the backlog).

    An empty index (a fresh install: ``make demo``) is built from scratch instead, which also
    counts how often each word occurs; compound splitting needs those counts, and indexing item
    by item only adds new words with a count of 1 (see insights/search/vocabulary.py).
    """
    if not SearchEntry.objects.exists():
        rebuild_index()
    content_changed()


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
        self.result.written[kind].extend(obj.pk for obj in (*created, *updated))

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
