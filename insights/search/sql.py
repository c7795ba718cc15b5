"""Small SQL helpers both database modules use."""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection


def where(queryset):
    """The WHERE clause of ``queryset`` (on its own table, not aliased) and its parameters.

    The search queries are written in SQL (FTS5, TABLESAMPLE, UNION of index-ordered scans);
    the conditions on entries (``visibility_q``, facet filters) come from the ORM through here,
    so the visibility rule is never written twice.
    """
    query = queryset.query
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = query.where.as_sql(compiler, connection)
    except EmptyResultSet:
        return "1 = 0", []
    except FullResultSet:
        return "1 = 1", []
    return (f"({sql})" if sql else "1 = 1"), list(params)


@dataclass(frozen=True)
class Sample:
    """Facet counts of the matches in a sample of the index: rows of (facet, value, label,
    count), and ``scale``, the number of entries each counted one stands for (1: not a
    sample but all of them). ``dates`` is the planner's histogram of the entries' dates and
    ``table_rows`` its estimate of the number of entries (PostgreSQL only; for finding the
    most recent matches)."""

    rows: list
    scale: float
    dates: tuple = ()
    table_rows: float = 0.0

    @property
    def complete(self):
        return self.scale == 1

    @property
    def total(self):
        """The (estimated) number of matches: every entry has exactly one type."""
        return round(sum(row[3] for row in self.rows if row[0] == "type") * self.scale)
