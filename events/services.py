"""Writes that change what the public sees: publishing and unpublishing events and publications.

``publish`` and ``unpublish`` take any iterable of ``Publishable`` objects (a queryset of events
or of publications), change them in one transaction through the model's own ``publish()`` and
``unpublish()``, and return how many actually changed.

``content_changed`` is what every other write that the public can see calls (the admin, the
importer): the figures the public pages keep (events/listing.py) are worked out afresh, and the
apps that follow events' writes (insights' search index) hear which objects changed, through
``events.signals.content_changed``.
"""

from django.db import transaction

from events import signals
from events.listing import forget_figures
from events.publishing import Status

_SAVED_FIELDS = ["status", "published_at", "updated_at"]


@transaction.atomic
def publish(*, items):
    """Publish every draft among ``items``; an earlier publication moment is kept.

    Items that are already published (also those scheduled for later) are left alone.
    """
    changed = [item for item in items if item.status != Status.PUBLISHED]
    for item in changed:
        item.publish()
        item.save(update_fields=_SAVED_FIELDS)
    _changed(changed)
    return len(changed)


@transaction.atomic
def unpublish(*, items):
    """Turn every published item among ``items`` back into a draft.

    The publication moment stays, so publishing again later does not make the item look new.
    """
    changed = [item for item in items if item.status == Status.PUBLISHED]
    for item in changed:
        item.unpublish()
        item.save(update_fields=_SAVED_FIELDS)
    _changed(changed)
    return len(changed)


def _changed(items):
    """``content_changed`` for the ``items`` written, per model (none when there are none)."""
    for model in {type(item) for item in items}:
        content_changed(model, saved=[item.pk for item in items if type(item) is model])


def content_changed(model=None, *, saved=(), deleted=(), fields=None):
    """Content the public sees was written: the cached figures go when the transaction commits.

    (At once outside a transaction.) Waiting for the commit means no request can cache a figure
    of the old content under the new generation.

    With ``model``, ``saved`` and ``deleted`` are the ids of its objects written and deleted,
    and ``fields`` the names of the fields changed, when known: ``signals.content_changed``
    tells the receivers at once, inside the transaction, so that what they write (the search
    index) is committed with the write or rolled back with it.
    """
    transaction.on_commit(forget_figures)
    if model is not None:
        signals.content_changed.send(
            sender=model, saved=list(saved), deleted=list(deleted), fields=fields
        )
