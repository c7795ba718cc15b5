"""Keeping the search index in step with the content: the functions to call after writes.

- After saving, publishing or unpublishing an event (with its sessions, participants and
  takeaways): ``index_events(ids=[event.pk])``. Sessions and takeaways follow their event.
- After saving a publication (with its takeaways): ``index_publications(ids=[...])``.
- After saving takeaways on their own: ``index_takeaways(ids=[...])``.
- After saving people or organisations: ``index_people(ids=[...])``,
  ``index_organisations(ids=[...])``; the items that mention their names are reindexed too.
- After writing many kinds at once (an import): ``index_items(events=[...], people=[...], ...)``,
  which reindexes each item once, however many of the others name it.
- Before or after deleting content: ``remove(events=[...], takeaways=[...], ...)``.
- Everything from scratch (also after renaming themes, domains, kinds or regions):
  ``rebuild_index()``, or ``manage.py rebuild_search_index``.

Each call reindexes in one transaction and is idempotent. Drafts are indexed too: the
visibility rule hides them from search until they are published.

The admin and publishing reach these through ``events.signals.content_changed``, whose receiver
``follow_content_change`` is connected in insights/apps.py; the importer calls ``index_items``.
"""

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
)
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    Takeaway,
    TakeawayPerson,
)
from insights.search import engine, storage, vocabulary
from insights.search.compounds import Splitter
from insights.search.documents import IdRange, Loader
from insights.search.models import ItemType, SearchEntry

BATCH_SIZE = 200
REBUILD_BATCH_SIZE = 2000
# Ids in one ``IN (...)`` list when looking up what names an item (SQLite allows 32,766).
IDS_PER_QUERY = 5000


def index_events(*, ids):
    """Reindex the events ``ids`` with their sessions and takeaways."""
    for batch in _batches(ids, BATCH_SIZE):
        loader = Loader()
        documents = loader.events(batch)
        documents += loader.takeaways(_ids(Takeaway.objects.filter(event_id__in=batch)))
        _replace(documents, sources={ItemType.EVENT: batch})


def index_publications(*, ids):
    """Reindex the publications ``ids`` with their takeaways."""
    for batch in _batches(ids, BATCH_SIZE):
        loader = Loader()
        documents = loader.publications(batch)
        documents += loader.takeaways(_ids(Takeaway.objects.filter(publication_id__in=batch)))
        _replace(documents, sources={ItemType.PUBLICATION: batch})


def index_takeaways(*, ids):
    for batch in _batches(ids, BATCH_SIZE):
        _replace(Loader().takeaways(batch), items={ItemType.TAKEAWAY: batch})


def index_people(*, ids):
    """Reindex the people ``ids`` and the events, publications and takeaways naming them."""
    index_items(people=ids)


def index_organisations(*, ids):
    """Reindex the organisations ``ids`` and the people, events and publications naming them."""
    index_items(organisations=ids)


@transaction.atomic
def index_items(
    *, events=(), publications=(), takeaways=(), people=(), organisations=(), renamed=True
):
    """Reindex the items with these ids and the items naming them, each item once.

    A person's name is part of their events, publications and takeaways; an organisation's
    name of its people, events and publications: those are reindexed too unless ``renamed`` is
    False (the names did not change). Takeaways are reindexed with their event or publication,
    so takeaways of ``events`` or ``publications`` are not indexed twice.
    """
    events, publications, takeaways = set(events), set(publications), set(takeaways)
    people, organisations = set(people), set(organisations)
    if renamed:
        events |= _found(Participation, "person_id", people, "event_id")
        events |= _found(EventOrganisation, "organisation_id", organisations, "event_id")
        publications |= _found(PublicationPerson, "person_id", people, "publication_id")
        publications |= _found(
            PublicationOrganisation, "organisation_id", organisations, "publication_id"
        )
        publications |= _found(Publication, "publisher_id", organisations)
        takeaways |= _found(TakeawayPerson, "person_id", people, "takeaway_id")
        people |= _found(Person, "organisation_id", organisations)
    index_events(ids=events)
    index_publications(ids=publications)
    index_takeaways(ids=takeaways - _with_sources(takeaways, events, publications))
    for batch in _batches(people, BATCH_SIZE):
        _replace(Loader().people(batch), items={ItemType.PERSON: batch})
    for batch in _batches(organisations, BATCH_SIZE):
        _replace(Loader().organisations(batch), items={ItemType.ORGANISATION: batch})


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


# The keyword of ``index_items`` and ``remove`` for the objects of each model with entries.
KEYWORDS = {
    Event: "events",
    Publication: "publications",
    Takeaway: "takeaways",
    Person: "people",
    Organisation: "organisations",
}


def follow_content_change(sender, *, saved=(), deleted=(), fields=None, **kwargs):
    """Receiver of ``events.signals.content_changed``: index what was saved, remove what was
    deleted. Other models (domains, kinds, regions, series) have no entries of their own.

    The items naming a person or organisation are reindexed only when its name may have
    changed: saving an organisation's website leaves its thousand events alone.
    """
    keyword = KEYWORDS.get(sender)
    if keyword is None:
        return
    if deleted:
        remove(**{keyword: deleted})
    if saved:
        index_items(**{keyword: saved}, renamed=fields is None or "name" in fields)


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
        engine.backend().rebuild(batches(), splitter=splitter, words=words, progress=bar)
    return total


def _replace(documents, *, sources=None, items=None):
    """Replace the entries of ``sources`` and ``items`` ({type: ids}) by ``documents``."""
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
        splitter = Splitter(vocabulary.load())
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
