"""Writes that change what the public sees: publishing and unpublishing events and publications.

``publish`` and ``unpublish`` take any iterable of ``Publishable`` objects (a queryset of events
or of publications), change them in one transaction through the model's own ``publish()`` and
``unpublish()``, and return how many actually changed.

``content_changed`` is what every write of content through the portal (the admin, these
services, the importer) calls at its end, inside its transaction. The database has already
recorded what changed, whoever wrote it (triggers: the content generation of
events/generation.py, and what the apps that follow events keep, such as insights' search
backlog); this lets those apps bring their derived data in step before the write commits
(``events.signals.content_changed``), so that the write and what follows from it are
committed together.
"""

from django.db import transaction

from events import generation, signals
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
    """Content was written in the current transaction: what follows from it is brought in step
    now, inside the transaction (a receiver that fails rolls the write back), and this process
    reads the content generation afresh once the write commits."""
    signals.content_changed.send(sender=None)
    transaction.on_commit(generation.forget)
