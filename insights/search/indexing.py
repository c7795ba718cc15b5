"""Writing the search index: items reindexed, items removed, everything rebuilt.

What to reindex is decided by the database: triggers on the content tables keep a backlog of
what every write changed, and ``insights.search.backlog.catch_up`` reads it and calls
``index_items`` here with what it found (``items_changed`` turns renames into the items that
carry the name). So whatever writes — the admin, publishing, an import, ``QuerySet.update()``,
raw SQL — only what really changed is reindexed.

- ``index_items(events=[...], people=[...], ...)``: reindex these items, each once; an event
  or publication takes its sessions and takeaways along. Ids of items that no longer exist
  remove their entries.
- Everything from scratch: ``rebuild_index()``, or ``manage.py rebuild_search_index``.

Each call reindexes in one transaction and is idempotent. Drafts are indexed too: the
visibility rule hides them from search until they are published.
"""

from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from tqdm import tqdm

from events.models import (
    Event,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Session,
    TaggedEvent,
)
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)
from insights.search import engine, storage, vocabulary
from insights.search.compounds import Splitter
from insights.search.documents import IdRange, Loader
from insights.search.models import Change, ItemType, SearchBacklog, SearchEntry

BATCH_SIZE = 200
REBUILD_BATCH_SIZE = 2000
# Ids in one ``IN (...)`` list when looking up what names an item (SQLite allows 32,766).
IDS_PER_QUERY = 5000

# The keyword of ``index_items`` and ``remove`` for the objects of each model with entries,
# and the change of the search backlog that names such an object.
KEYWORDS = {
    Event: "events",
    Publication: "publications",
    Takeaway: "takeaways",
    Person: "people",
    Organisation: "organisations",
}
CHANGES = {
    "events": Change.EVENT,
    "publications": Change.PUBLICATION,
    "takeaways": Change.TAKEAWAY,
    "people": Change.PERSON,
    "organisations": Change.ORGANISATION,
}
# What carries a theme, domain, kind or region (in its text or as a facet value), for each of
# those changes: (keyword, link model, column naming the thing, column naming the item).
CARRIERS = {
    Change.THEME: [
        ("events", TaggedEvent, "tag_id", "content_object_id"),
        ("publications", TaggedPublication, "tag_id", "content_object_id"),
        ("takeaways", TaggedTakeaway, "tag_id", "content_object_id"),
    ],
    Change.DOMAIN: [
        ("events", Event.domains.through, "domain_id", "event_id"),
        ("publications", Publication.domains.through, "domain_id", "publication_id"),
        ("takeaways", Takeaway.domains.through, "domain_id", "takeaway_id"),
    ],
    Change.KIND: [("events", Event, "kind_id", "pk")],
    Change.REGION: [
        ("events", Event.regions.through, "region_id", "event_id"),
        ("publications", Publication.regions.through, "region_id", "publication_id"),
        ("organisations", Organisation, "region_id", "pk"),
    ],
}


def index_events(*, ids, splitter=None):
    """Reindex the events ``ids`` with their sessions and takeaways."""
    for batch in _batches(ids, BATCH_SIZE):
        loader = Loader()
        documents = loader.events(batch)
        documents += loader.takeaways(_ids(Takeaway.objects.filter(event_id__in=batch)))
        _replace(documents, sources={ItemType.EVENT: batch}, splitter=splitter)


def index_publications(*, ids, splitter=None):
    """Reindex the publications ``ids`` with their takeaways."""
    for batch in _batches(ids, BATCH_SIZE):
        loader = Loader()
        documents = loader.publications(batch)
        documents += loader.takeaways(_ids(Takeaway.objects.filter(publication_id__in=batch)))
        _replace(documents, sources={ItemType.PUBLICATION: batch}, splitter=splitter)


def index_takeaways(*, ids, splitter=None):
    for batch in _batches(ids, BATCH_SIZE):
        _replace(Loader().takeaways(batch), items={ItemType.TAKEAWAY: batch}, splitter=splitter)


def index_people(*, ids):
    """Reindex the people ``ids`` and the events, publications and takeaways naming them."""
    index_items(people=ids)


def index_organisations(*, ids):
    """Reindex the organisations ``ids`` and the people, events and publications naming them."""
    index_items(organisations=ids)


@transaction.atomic
def index_items(*, events=(), publications=(), takeaways=(), people=(), organisations=()):
    """Reindex the items with these ids, each once.

    Takeaways are reindexed with their event or publication, so takeaways of ``events`` or
    ``publications`` are not indexed twice.
    """
    events, publications, takeaways = set(events), set(publications), set(takeaways)
    # One vocabulary for all batches: the words the batches add change little in it.
    splitter = Splitter(vocabulary.load())
    index_events(ids=events, splitter=splitter)
    index_publications(ids=publications, splitter=splitter)
    takeaways -= _with_sources(takeaways, events, publications)
    index_takeaways(ids=takeaways, splitter=splitter)
    for batch in _batches(people, BATCH_SIZE):
        _replace(Loader().people(batch), items={ItemType.PERSON: batch}, splitter=splitter)
    for batch in _batches(organisations, BATCH_SIZE):
        documents = Loader().organisations(batch)
        _replace(documents, items={ItemType.ORGANISATION: batch}, splitter=splitter)


@dataclass
class Items:
    """Ids of items to reindex, by the keyword of ``index_items``."""

    ids: dict = field(default_factory=lambda: {keyword: set() for keyword in KEYWORDS.values()})

    def size(self):
        return sum(len(ids) for ids in self.ids.values())

    def first(self, number, *, requeue):
        """The first ``number`` ids; ``requeue(change, ids)`` is given the others."""
        kept = Items()
        for keyword, ids in self.ids.items():
            ids = sorted(ids)
            kept.ids[keyword] = set(ids[:number])
            if ids[number:]:
                requeue(CHANGES[keyword], ids[number:])
            number = max(0, number - len(ids))
        return kept

    def merged(self, other):
        """These ids and ``other``'s together."""
        return Items({keyword: ids | other.ids[keyword] for keyword, ids in self.ids.items()})

    def as_keywords(self):
        return self.ids


def items_changed(changed):
    """The items to reindex for ``changed``, {change: ids} from the search backlog: those
    changed themselves (``items_named``) and those a rename reaches (``items_renamed``)."""
    return items_named(changed).merged(items_renamed(changed))


def items_named(changed):
    """The items ``changed`` names themselves: changed, added or deleted."""
    items = Items()
    for keyword in KEYWORDS.values():
        items.ids[keyword] |= changed.get(CHANGES[keyword], set())
    return items


def items_renamed(changed):
    """The items a rename in ``changed`` reaches: a renamed person or organisation reaches every
    item that carries the name, a renamed (or re-slugged) theme, domain, kind or region every
    item that has it (in its text or as a facet value)."""
    items = Items()
    people, organisations = changed.get(Change.PERSON_NAME), changed.get(Change.ORGANISATION_NAME)
    found = items.ids
    if people:
        found["events"] |= _found(Participation, "person_id", people, "event_id")
        found["publications"] |= _found(PublicationPerson, "person_id", people, "publication_id")
        found["takeaways"] |= _found(TakeawayPerson, "person_id", people, "takeaway_id")
    if organisations:
        found["events"] |= _found(EventOrganisation, "organisation_id", organisations, "event_id")
        found["publications"] |= _found(
            PublicationOrganisation, "organisation_id", organisations, "publication_id"
        )
        found["publications"] |= _found(Publication, "publisher_id", organisations)
        found["people"] |= _found(Person, "organisation_id", organisations)
    for change, holders in CARRIERS.items():
        ids = changed.get(change)
        if ids:
            for keyword, model, column, target in holders:
                found[keyword] |= _found(model, column, ids, target)
    return items


def remove(*, events=(), publications=(), takeaways=(), people=(), organisations=()):
    """Take items out of the index; an event or publication takes its sessions and takeaways."""
    condition = Q(pk__in=[])
    for item_type, ids in ((ItemType.EVENT, events), (ItemType.PUBLICATION, publications)):
        condition |= Q(source_type=item_type, source_id__in=list(ids))
    for item_type, ids in (
        (ItemType.TAKEAWAY, takeaways),
        (ItemType.PERSON, people),
        (ItemType.ORGANISATION, organisations),
    ):
        condition |= Q(item_type=item_type, item_id__in=list(ids))
    with transaction.atomic():
        _delete(condition)


def rebuild_index(*, progress=None):
    """Index all content from scratch; returns the number of items indexed.

    ``progress`` makes the progress bar: it is called with the number of items and returns a
    tqdm bar (or anything with ``update(n)`` usable as a context manager).
    """
    words = vocabulary.count_public_words()
    splitter = Splitter(words)
    plan = [
        (Event, Loader.events, Event.objects.count() + Session.objects.count()),
        (Publication, Loader.publications, Publication.objects.count()),
        (Takeaway, Loader.takeaways, Takeaway.objects.count()),
        (Person, Loader.people, Person.objects.count()),
        (Organisation, Loader.organisations, Organisation.objects.count()),
    ]
    total = sum(number for *_, number in plan)
    loader = Loader()

    def batches():
        for model, load, _ in plan:
            ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
            for batch in _batches(ids, REBUILD_BATCH_SIZE):
                yield load(loader, IdRange(batch))

    with (progress or _no_progress)(total) as bar, transaction.atomic():
        SearchBacklog.objects.all().delete()
        engine.backend().rebuild(batches(), splitter=splitter, words=words, progress=bar)
    return total


def _replace(documents, *, sources=None, items=None, splitter=None):
    """Replace the entries of ``sources`` and ``items`` ({type: ids}) by ``documents``; compound
    words are split with ``splitter`` (by default one made from the vocabulary as it is)."""
    condition = Q(pk__in=[])
    for item_type, ids in (sources or {}).items():
        condition |= Q(source_type=item_type, source_id__in=list(ids))
    replaced = {}
    for item_type, ids in (items or {}).items():
        replaced.setdefault(item_type, set()).update(ids)
    for document in documents:
        replaced.setdefault(document.item_type, set()).add(document.item_id)
    for item_type, ids in replaced.items():
        condition |= Q(item_type=item_type, item_id__in=sorted(ids))
    db = engine.backend()
    with transaction.atomic():
        _delete(condition)
        db.words_added(
            storage.add_words(vocabulary.new_public_words(documents, now=timezone.now()))
        )
        splitter = splitter or Splitter(vocabulary.load())
        db.write_texts(storage.insert(documents, splitter=splitter))


def _delete(condition):
    ids = _ids(SearchEntry.objects.filter(condition))
    if ids:
        engine.backend().delete_texts(ids)
        storage.delete(ids)


def _ids(queryset, field="pk"):
    return set(queryset.values_list(field, flat=True))


def _found(model, field, ids, target="pk"):
    """The ``target`` values of the rows of ``model`` whose ``field`` is one of ``ids``."""
    found = set()
    for batch in _batches(ids, IDS_PER_QUERY):
        found |= _ids(model.objects.filter(**{f"{field}__in": batch}), target)
    return found


def _with_sources(takeaways, events, publications):
    """Those of ``takeaways`` that belong to one of ``events`` or ``publications``."""
    found = set()
    for batch in _batches(takeaways, IDS_PER_QUERY):
        rows = Takeaway.objects.filter(pk__in=batch).values_list("pk", "event_id", "publication_id")
        found |= {
            pk for pk, event, publication in rows if event in events or publication in publications
        }
    return found


def _batches(ids, size):
    ids = iter(sorted(set(ids)))
    while batch := list(islice(ids, size)):
        yield batch


def _no_progress(total):
    return tqdm(total=total, disable=True)
