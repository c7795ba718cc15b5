"""An index in the order of every list, newest first: ``date DESC NULLS LAST, title, id``.

With it, PostgreSQL reads the first page of a list (and the newest events on the home page) as
an index scan that stops after a page, instead of sorting every visible event. PostgreSQL only:
SQLite cannot index ``NULLS LAST`` (its descending order puts NULLs last anyway), and the model
does not declare the index, so that SQLite table rebuilds never try to create it.
"""

from django.db import migrations

CREATE = (
    'CREATE INDEX "events_event_newest_idx" ON "events_event" '
    '("date" DESC NULLS LAST, "title", "id")'
)
DROP = 'DROP INDEX IF EXISTS "events_event_newest_idx"'


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("events", "0003_session_event_triggers")]

    operations = [migrations.RunPython(forward, backward)]
