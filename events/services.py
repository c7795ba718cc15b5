"""Writes that change what the public sees: publishing and unpublishing events and publications.

Both functions take any iterable of ``Publishable`` objects (a queryset of events or of
publications), change them in one transaction through the model's own ``publish()`` and
``unpublish()``, and return how many actually changed.
"""

from django.db import transaction

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
    return len(changed)
