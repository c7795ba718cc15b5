"""The content generation: what every cached figure, fragment and ranking is kept under.

Anything worked out from content and kept for later (counts, rankings, rendered cards and
sections, the synonym table) is kept under the generation of the content it was worked out
from, so it is never served once the content has changed. The generation is read from the
database, never from a process's memory:

- ``ContentGeneration`` is one row with a number that database triggers renew (with a random
  one, never seen before) in the same transaction as every write to a content table
  (``install_triggers``). Whatever writes — the
  admin, ``import_content`` in another process, ``QuerySet.update()``, raw SQL in ``dbshell`` —
  every process sees the new number with its next request, and no process can cache a figure
  of the old content under the new number (the number is only seen once the write is).
- Time changes what is visible too: a scheduled item appears when its publication moment
  passes. The generation therefore also holds the latest publication moment that has passed, of
  every publishable model: it moves the moment a scheduled item becomes visible.

``current()`` reads it once per request (``GenerationMiddleware`` keeps it for the request)
and outside requests every time it is asked. Content tables are the tables of the models of
``CONTENT_APPS``, except models that say they are worked out from content themselves
(``derived_from_content = True``, such as the search index).
"""

from contextvars import ContextVar

from django.apps import apps
from django.db import connections, models
from django.db.models import Q, Subquery
from django.utils.translation import gettext_lazy as _

#: The apps whose tables hold content; every table of their models gets the triggers.
CONTENT_APPS = ("events", "insights", "taggit")
#: Name of the triggers (on SQLite with the table and operation added: names are global there).
TRIGGER = "content_generation"
FUNCTION = "events_renew_content_generation"


class ContentGeneration(models.Model):
    """The one row whose ``number`` every write of content renews (see the module)."""

    derived_from_content = True

    number = models.BigIntegerField(_("nummer"), default=0)

    class Meta:
        verbose_name = _("generatie van de inhoud")
        verbose_name_plural = _("generaties van de inhoud")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="events_contentgeneration_one_row")
        ]

    def __str__(self):
        return str(self.number)


# Reading --------------------------------------------------------------------------------------


class _Kept:
    value = None


_request = ContextVar("content_generation", default=None)


def current():
    """The generation of the content, as a string for cache keys (read once per request)."""
    kept = _request.get()
    if kept is None:
        return _read()
    if kept.value is None:
        kept.value = _read()
    return kept.value


def forget():
    """Read the generation again at the next ``current()``: this process wrote content."""
    kept = _request.get()
    if kept is not None:
        kept.value = None


def _read():
    from events.publishing import Publishable

    publishable = [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    ]
    moments = {
        f"moment_{index}": Subquery(
            model.objects.published().order_by("-published_at").values("published_at")[:1]
        )
        for index, model in enumerate(publishable)
    }
    row = (
        ContentGeneration.objects.filter(pk=1)
        .annotate(**moments)
        .values_list("number", *moments)
        .first()
    )
    if row is None:  # the row is created by a migration; an emptied table starts again at 0
        return "0"
    number, *passed = row
    return "-".join(
        [str(number), *(f"{moment.timestamp():.6f}" if moment else "" for moment in passed)]
    )


class GenerationMiddleware:
    """Keep the generation for the length of a request: one query, however many figures."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(_Kept())
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


# Writing: the triggers ------------------------------------------------------------------------


def content_tables():
    """The tables whose writes renew the generation, sorted."""
    tables = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in CONTENT_APPS
        and model._meta.managed
        and not model._meta.proxy
        and not getattr(model, "derived_from_content", False)
    }
    return sorted(tables)


# A new number is a random one, not the next one: a write that is rolled back may have made
# a number that a figure was kept under (by a request in that write's own transaction), and
# it must never come back for other content.
RANDOM = "floor(random() * 9007199254740991)::bigint"
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO events_contentgeneration (id, number) VALUES (1, {RANDOM})
    ON CONFLICT (id) DO UPDATE SET number = {RANDOM};
    RETURN NULL;
END $$
"""


# The row is made again when a test (or anyone) empties the table.
SQLITE_RENEW = (
    "INSERT OR IGNORE INTO events_contentgeneration (id, number) VALUES (1, 0); "
    "UPDATE events_contentgeneration SET number = random() WHERE id = 1;"
)


def trigger_statements(connection, table):
    """The statements that (re)create the triggers of ``table``: once per statement on
    PostgreSQL, once per row on SQLite (which has no statement triggers)."""
    quoted = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        return [
            f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {quoted} FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        ]
    statements = []
    for operation in ("insert", "update", "delete"):
        name = connection.ops.quote_name(f"{table}_{TRIGGER}_{operation}")
        statements += [
            f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {operation.upper()} ON {quoted} BEGIN {SQLITE_RENEW} END",
        ]
    return statements


def install_triggers(using=None, **kwargs):
    """Give every content table its triggers; safe to run again (after every ``migrate``).

    Connected to ``post_migrate``: on SQLite a migration that rebuilds a table drops its
    triggers, and a new content model gets its triggers without a migration of its own.
    """
    target = connections[using or "default"]
    existing = set(target.introspection.table_names())
    if ContentGeneration._meta.db_table not in existing:
        return
    with target.cursor() as cursor:
        if target.vendor == "postgresql":
            cursor.execute(POSTGRES_FUNCTION)
        for table in content_tables():
            if table in existing:
                for statement in trigger_statements(target, table):
                    cursor.execute(statement)


def remove_triggers(connection):
    """Drop every trigger of the generation (when migrating back to before it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}() CASCADE")
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ours = [name for (name,) in cursor.fetchall() if f"_{TRIGGER}_" in name]
        for name in ours:
            cursor.execute(f"DROP TRIGGER IF EXISTS {connection.ops.quote_name(name)}")


def tables_with_triggers(using=None):
    """The tables that have the generation's triggers (for checks and tests)."""
    target = connections[using or "default"]
    with target.cursor() as cursor:
        if target.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name = %s",
                [TRIGGER],
            )
            return {table for (table,) in cursor.fetchall()}
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        found = {}
        for table, name in cursor.fetchall():
            if name.startswith(f"{table}_{TRIGGER}_"):
                found.setdefault(table, set()).add(name)
        return {table for table, names in found.items() if len(names) == 3}
