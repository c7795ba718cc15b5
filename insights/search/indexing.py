"""Keeping the search index in step with the content: the functions to call after writes.

- After saving, publishing or unpublishing an event (with its sessions, participants and
  takeaways): ``index_events(ids=[event.pk])``. Sessions and takeaways follow their event.
- After saving a publication (with its takeaways): ``index_publications(ids=[...])``.
- After saving takeaways on their own: ``index_takeaways(ids=[...])``.
- After saving people or organisations: ``index_people(ids=[...])``,
  ``index_organisations(ids=[...])``; the items that mention their names are reindexed too.
- Before or after deleting content: ``remove(events=[...], takeaways=[...], ...)``.
- Everything from scratch (also after renaming themes, domains, kinds or regions):
  ``rebuild_index()``, or ``manage.py rebuild_search_index``.

Each call reindexes in one transaction and is idempotent. Drafts are indexed too: the
visibility rule hides them from search until they are published.
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
    ids = list(ids)
    for batch in _batches(ids, BATCH_SIZE):
        _replace(Loader().people(batch), items={ItemType.PERSON: batch})
    index_events(ids=_ids(Participation.objects.filter(person_id__in=ids), "event_id"))
    index_publications(
        ids=_ids(PublicationPerson.objects.filter(person_id__in=ids), "publication_id")
    )
    index_takeaways(ids=_ids(TakeawayPerson.objects.filter(person_id__in=ids), "takeaway_id"))


def index_organisations(*, ids):
    """Reindex the organisations ``ids`` and the people, events and publications naming them."""
    ids = list(ids)
    for batch in _batches(ids, BATCH_SIZE):
        _replace(Loader().organisations(batch), items={ItemType.ORGANISATION: batch})
    for batch in _batches(_ids(Person.objects.filter(organisation_id__in=ids)), BATCH_SIZE):
        _replace(Loader().people(batch), items={ItemType.PERSON: batch})
    index_events(ids=_ids(EventOrganisation.objects.filter(organisation_id__in=ids), "event_id"))
    index_publications(
        ids=_ids(Publication.objects.filter(publisher_id__in=ids))
        | _ids(PublicationOrganisation.objects.filter(organisation_id__in=ids), "publication_id")
    )


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


def _batches(ids, size):
    ids = iter(sorted(set(ids)))
    while batch := list(islice(ids, size)):
        yield batch


def _no_progress(total):
    return tqdm(total=total, disable=True)
