"""What the corpus generator finds in the database, and emptying it (``--wipe``)."""

from django.db import connection
from taggit.models import Tag

from devtools.models import CorpusMark
from events.models import Event, Organisation, Person, Region, Series
from insights.models import Publication, Takeaway

# The content a wipe removes, in an order that respects PROTECT: whatever points at a model is
# deleted before it. Domains, event kinds, synonyms and user accounts stay.
CONTENT_MODELS = (Takeaway, Publication, Event, Series, Person, Organisation, Region, Tag)


def has_content():
    """Whether the portal holds events or publications (its own or generated ones)."""
    return Event.objects.exists() or Publication.objects.exists()


def wiped_models():
    """Every model whose rows a wipe deletes: the content models and, following foreign keys
    backwards, every model that points at them (sessions, participations, link tables, …), as
    ``TRUNCATE … CASCADE`` does. In a fixed order: the content models first."""
    found = list(CONTENT_MODELS)
    for model in found:  # the list grows while it is read: what points at the new ones too
        for relation in model._meta.get_fields(include_hidden=True):
            # A foreign key or one-to-one field of another model, seen from this one.
            backwards = relation.one_to_many or relation.one_to_one
            pointing = backwards and relation.auto_created and not relation.concrete
            if pointing and relation.related_model not in found:
                found.append(relation.related_model)
    return found


def content_counts():
    """How many rows of each kind of content there are, by verbose name."""
    return {
        str(model._meta.verbose_name_plural): model._default_manager.count()
        for model in CONTENT_MODELS
    }


def wipe_content():
    """Delete all content, with everything that hangs off it, and the marks of the corpus.

    Whether it may is for the caller to ask first (``marking.check_wipe``). On PostgreSQL one
    ``TRUNCATE … CASCADE`` (fast at any size; it also empties tables of other apps that point at
    this content); elsewhere the ORM deletes, following ``on_delete``.
    """
    CorpusMark.objects.all().delete()
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in CONTENT_MODELS)
        with connection.cursor() as cursor:
            # Deferred checks still queued for rows written earlier in this transaction would
            # make TRUNCATE fail: run them now, then return to Django's deferred foreign keys.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        return
    for model in CONTENT_MODELS:
        if model is Region:
            Region.objects.update(parent=None)
        model._default_manager.all().delete()
