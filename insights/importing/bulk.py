"""Bulk helpers for the writer: update and insert many rows with few statements.

Also used by ``validation`` for the queries it makes in batches of ids or slugs.
"""

from django.db import connection

IDS_PER_QUERY = 500  # stays below SQLite's limit on query parameters


def update_rows(model, objects, names):
    """Save the fields ``names`` of existing ``objects`` with one statement run for every row.

    Django's ``bulk_update`` builds a CASE expression over all rows for every field, which takes
    minutes for the tens of thousands of takeaways of a large file; ``executemany`` takes a
    second. Values are converted by each field as ``save()`` would.
    """
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    rows = [[_db_value(f, getattr(obj, f.attname)) for f in fields] + [obj.pk] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _db_value(model_field, value):
    """``value`` as the database takes it: converted by the field as ``save()`` would, except
    for strings, whole numbers and null, which every field here stores as they are."""
    if value is None or type(value) in (int, str):
        return value
    return model_field.get_db_prep_save(value, connection)


def insert_rows(model, rows):
    """Insert ``rows`` (dicts of field values) with as many rows per statement as fit.

    For the links and roles an import writes by the ten thousand, where ``bulk_create`` would
    spend most of its time making model instances that nobody uses afterwards.
    """
    if not rows:
        return
    defaults = {
        f.attname: f.get_default()
        for f in model._meta.concrete_fields
        if f.attname not in rows[0] and not f.primary_key and not f.generated
    }
    if defaults:  # fields that the rows leave out get their default, as with bulk_create
        rows = [{**defaults, **row} for row in rows]
    fields = [model._meta.get_field(name) for name in rows[0]]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    per_statement = min(1000, (connection.features.max_query_params or 65535) // len(fields))
    with connection.cursor() as cursor:
        for batch in batches(rows, per_statement):
            params = [_db_value(f, row[f.attname]) for row in batch for f in fields]
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
                f"VALUES {', '.join([placeholders] * len(batch))}",
                params,
            )


def batches(items, size):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]
