"""Writes that change what the public sees: publishing and unpublishing events and publications.

``publish`` and ``unpublish`` take any iterable of ``Publishable`` objects (a queryset of events
or of publications), change them in one transaction through the model's own ``publish()`` and
``unpublish()``, and return how many actually changed.

``content_changed`` is what every other write that the public can see calls (the admin, the
importer): the figures the public pages keep (events/listing.py) are worked out afresh.
"""

from django.db import transaction

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
    if changed:
        content_changed()
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
    if changed:
        content_changed()
    return len(changed)


def content_changed():
    """Content the public sees was written: the cached figures go when the transaction commits.

    (At once outside a transaction.) Waiting for the commit means no request can cache a figure
    of the old content under the new generation.
    """
    transaction.on_commit(forget_figures)
