"""A takeaway's session belongs to the takeaway's event, guaranteed by the database.

PostgreSQL reuses ``events_check_session_event`` from events.0003. On SQLite, a later migration
that rebuilds ``insights_takeaway`` drops these triggers: tests/insights/test_models.py fails if
that happens.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE TRIGGER insights_takeaway_session_event
    BEFORE INSERT OR UPDATE OF event_id, session_id ON insights_takeaway
    FOR EACH ROW EXECUTE FUNCTION events_check_session_event();
"""
POSTGRES_BACKWARD = "DROP TRIGGER IF EXISTS insights_takeaway_session_event ON insights_takeaway;"

SQLITE_CHECK = """
WHEN NEW.session_id IS NOT NULL
     AND NEW.event_id IS NOT (SELECT event_id FROM events_session WHERE id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'session belongs to another event'); END
"""
SQLITE_FORWARD = [
    "CREATE TRIGGER insights_takeaway_session_event_insert "
    "BEFORE INSERT ON insights_takeaway " + SQLITE_CHECK,
    "CREATE TRIGGER insights_takeaway_session_event_update "
    "BEFORE UPDATE OF event_id, session_id ON insights_takeaway " + SQLITE_CHECK,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS insights_takeaway_session_event_insert",
    "DROP TRIGGER IF EXISTS insights_takeaway_session_event_update",
]


def forward(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in [POSTGRES_FORWARD] if postgres else SQLITE_FORWARD:
        schema_editor.execute(statement, params=None)


def backward(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in [POSTGRES_BACKWARD] if postgres else SQLITE_BACKWARD:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("events", "0003_session_event_triggers"),
    ]

    operations = [migrations.RunPython(forward, backward)]
