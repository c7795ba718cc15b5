"""Writing millions of rows fast: ``COPY`` on PostgreSQL, ``executemany`` on SQLite.

Rows are plain tuples in the order of the field names a ``Table`` is made with; columns not
named get their model default (so a field added later with a default does not break the load).
Every row gets an explicit id, counting on from the highest id in the table, so that a load is
the same row for row whatever the database's sequences say.
On PostgreSQL, ``drop_secondary_indexes`` removes the indexes and the unique and foreign-key
constraints of the tables about to be filled and returns the statements that bring them back:
building an index once over the loaded rows, and checking a foreign key with one join, is much
cheaper than maintaining both row by row. Everything runs inside the caller's transaction, so a
failed load leaves the database as it was.
"""

import datetime
import io
import itertools

from django.core.exceptions import ImproperlyConfigured
from django.core.management.color import no_style
from django.db import models
from django.db.models import Max
from django.utils import timezone

_COPY_READ_SIZE = 1 << 20


def copy_text(value):
    """``value`` in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        # str.replace is many times faster than str.translate on long text.
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _default(field):
    if field.has_default():
        return field.get_default()
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    if field.null:
        return None
    raise ImproperlyConfigured(
        f"{field.model._meta.label}.{field.name} has no default: give it a value in the corpus."
    )


def _adapters(connection, fields):
    """Per column: the function that turns a value into what the database stores, or None."""
    adapters = []
    for field in fields:
        if isinstance(field, models.DateTimeField):
            adapters.append(connection.ops.adapt_datetimefield_value)
        elif isinstance(field, models.DateField):
            adapters.append(connection.ops.adapt_datefield_value)
        else:
            adapters.append(None)
    return adapters


class Table:
    """The rows waiting to be written to one model's table.

    When ``field_names`` include the primary key, rows carry their own id (from ``next_id``);
    otherwise ``add`` gives each row the next one.
    """

    def __init__(self, connection, model, field_names):
        opts = model._meta
        given = [opts.get_field(name) for name in field_names]
        self._numbers_rows = opts.pk not in given
        if self._numbers_rows:
            given.insert(0, opts.pk)
        highest = model._default_manager.aggregate(highest=Max("pk"))["highest"] or 0
        self._ids = itertools.count(highest + 1)
        rest = [
            field
            for field in opts.concrete_fields
            if field not in given
            and not field.primary_key
            and not field.generated
            and not field.has_db_default()
        ]
        self.connection = connection
        self.model = model
        self.rows = []
        self.count = 0
        self._defaults = tuple(_default(field) for field in rest)
        fields = given + rest
        quote = connection.ops.quote_name
        self._columns = ", ".join(quote(field.column) for field in fields)
        self._table = quote(opts.db_table)
        # Elsewhere, dates and moments are stored as text in Django's own format.
        self._adapters = (
            None if connection.vendor == "postgresql" else _adapters(connection, fields)
        )
        # Rows of whole numbers only (the link tables) take a faster path to COPY text.
        self._numbers_only = all(
            isinstance(field, models.IntegerField | models.ForeignKey) and not field.null
            for field in fields
        )

    def next_id(self):
        return next(self._ids)

    def add(self, *values):
        if self._numbers_rows:
            values = (next(self._ids), *values)
        self.rows.append(values)

    def flush(self):
        if not self.rows:
            return
        rows = self.rows
        if self._defaults:
            rows = [row + self._defaults for row in rows]
        if self._adapters is None:
            self._copy(rows)
        else:
            self._insert(rows)
        self.count += len(rows)
        self.rows = []

    def _copy(self, rows):
        text = str if self._numbers_only else copy_text
        data = "".join("\t".join(map(text, row)) + "\n" for row in rows)
        with self.connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {self._table} ({self._columns}) FROM STDIN",
                io.StringIO(data),
                size=_COPY_READ_SIZE,
            )

    def _insert(self, rows):
        if any(self._adapters):
            adapt = [(index, adapter) for index, adapter in enumerate(self._adapters) if adapter]
            converted = []
            for row in rows:
                row = list(row)
                for index, adapter in adapt:
                    row[index] = adapter(row[index])
                converted.append(row)
            rows = converted
        placeholders = ", ".join(["%s"] * len(rows[0]))
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self._table} ({self._columns}) VALUES ({placeholders})", rows
            )


class BulkLoader:
    """Tables written together: ``flush`` writes them in the order they were added, so a table
    is written after the tables its rows point to (database triggers look those up)."""

    def __init__(self, connection):
        self.connection = connection
        self.tables = []

    def table(self, model, field_names):
        table = Table(self.connection, model, field_names)
        self.tables.append(table)
        return table

    def flush(self):
        for table in self.tables:
            table.flush()

    def counts(self):
        return {table.model._meta.label: table.count for table in self.tables}

    def models(self):
        return [table.model for table in self.tables]


_CONSTRAINTS_SQL = """
    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
    FROM pg_constraint
    WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u')
    ORDER BY contype, 1, 2
"""

_INDEXES_SQL = """
    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
      AND NOT EXISTS (
          SELECT 1 FROM pg_constraint c
          WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
      )
    ORDER BY 1
"""


def drop_secondary_indexes(connection, models):
    """Drop what slows a bulk load into ``models``' tables; return the statements to restore it.

    PostgreSQL only (elsewhere nothing is dropped and the list is empty). Primary keys and check
    constraints stay; foreign keys are dropped first and restored last, after the indexes and
    unique constraints they may be checked against.
    """
    if connection.vendor != "postgresql":
        return []
    tables = [model._meta.db_table for model in models]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Rows added earlier in this transaction may still have deferred checks queued; a table
        # with queued checks cannot be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute(_CONSTRAINTS_SQL, [tables])
        constraints = cursor.fetchall()  # foreign keys ('f') before unique constraints ('u')
        cursor.execute(_INDEXES_SQL, [tables])
        indexes = cursor.fetchall()
        for table, name, _definition in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    restore = [definition for _name, definition in indexes]
    restore += [
        f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}"
        for table, name, definition in reversed(constraints)
    ]
    # Django's foreign keys are deferrable and initially deferred: back to that.
    restore.append("SET CONSTRAINTS ALL DEFERRED")
    return restore


def reset_sequences(connection, models):
    """Let the database hand out ids after the explicit ones the load used (PostgreSQL; SQLite
    keeps track by itself)."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def analyze(connection, model):
    """Fresh planner statistics for ``model``'s table."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def vacuum(connection, model):
    """Vacuum ``model``'s table (PostgreSQL, outside a transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {connection.ops.quote_name(model._meta.db_table)}")
