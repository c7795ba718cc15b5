"""Where hand-written SQL meets the ORM: the one module that uses Django's query internals.

Some queries are written in SQL because the ORM cannot say them (a recursive walk up the
regions, FTS5, TABLESAMPLE, a UNION of index-ordered scans), and the benchmark showed that
their shape matters. Their conditions — above all the visibility rule — still come from the
ORM, so that no rule is written twice: these two functions turn a queryset into SQL to put in
such a query. They rely on ``Query.get_compiler``, ``Query.where`` and
``Query.sql_with_params``, which are not public API: tests/events/test_sql.py checks them
against the ORM's own results and fails on purpose when Django's version changes.
"""

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections


def where(queryset):
    """The WHERE clause of ``queryset`` (on its own table, not aliased) and its parameters.

    For a query on the same table that adds conditions of its own: "1 = 0" when the queryset
    can have no rows, "1 = 1" when it has no condition.
    """
    query = queryset.query
    connection = connections[queryset.db]
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = compiler.compile(query.where)
    except EmptyResultSet:
        return "1 = 0", []
    except FullResultSet:
        return "1 = 1", []
    return (f"({sql})" if sql else "1 = 1"), list(params)


def select(queryset):
    """The whole SELECT of ``queryset`` and its parameters, as a subquery: ``IN (…)``,
    ``FROM (…) AS rows``. Raises ``EmptyResultSet`` when the queryset can have no rows, as
    Django does."""
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)
