"""Database guarantees that Django cannot express as a constraint.

- A participation on a session is on that session's event (``session.event == event``).
- A session never moves to another event (so nothing pointing at it can become inconsistent).

The function ``events_check_session_event`` is reused by the insights app for takeaways.
On SQLite, a later migration that rebuilds ``events_participation`` or ``events_session`` drops
these triggers: tests/events/test_constraints.py fails if that happens.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE FUNCTION events_check_session_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.session_id IS NOT NULL AND NEW.event_id IS DISTINCT FROM
            (SELECT event_id FROM events_session WHERE id = NEW.session_id) THEN
        RAISE EXCEPTION 'session % belongs to another event than %', NEW.session_id, NEW.event_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER events_participation_session_event
    BEFORE INSERT OR UPDATE OF event_id, session_id ON events_participation
    FOR EACH ROW EXECUTE FUNCTION events_check_session_event();
CREATE FUNCTION events_session_keeps_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.event_id IS DISTINCT FROM OLD.event_id THEN
        RAISE EXCEPTION 'a session cannot move to another event' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER events_session_keeps_event
    BEFORE UPDATE OF event_id ON events_session
    FOR EACH ROW EXECUTE FUNCTION events_session_keeps_event();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS events_session_keeps_event ON events_session;
DROP FUNCTION IF EXISTS events_session_keeps_event();
DROP TRIGGER IF EXISTS events_participation_session_event ON events_participation;
DROP FUNCTION IF EXISTS events_check_session_event();
"""

SQLITE_CHECK = """
WHEN NEW.session_id IS NOT NULL
     AND NEW.event_id IS NOT (SELECT event_id FROM events_session WHERE id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'session belongs to another event'); END
"""

SQLITE_FORWARD = [
    "CREATE TRIGGER events_participation_session_event_insert "
    "BEFORE INSERT ON events_participation " + SQLITE_CHECK,
    "CREATE TRIGGER events_participation_session_event_update "
    "BEFORE UPDATE OF event_id, session_id ON events_participation " + SQLITE_CHECK,
    "CREATE TRIGGER events_session_keeps_event BEFORE UPDATE OF event_id ON events_session "
    "WHEN NEW.event_id IS NOT OLD.event_id "
    "BEGIN SELECT RAISE(ABORT, 'a session cannot move to another event'); END",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS events_participation_session_event_insert",
    "DROP TRIGGER IF EXISTS events_participation_session_event_update",
    "DROP TRIGGER IF EXISTS events_session_keeps_event",
]


def forward(apps, schema_editor):
    statements = (
        [POSTGRES_FORWARD] if schema_editor.connection.vendor == "postgresql" else SQLITE_FORWARD
    )
    for statement in statements:
        schema_editor.execute(statement, params=None)


def backward(apps, schema_editor):
    statements = (
        [POSTGRES_BACKWARD] if schema_editor.connection.vendor == "postgresql" else SQLITE_BACKWARD
    )
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("events", "0002_domains_and_kinds")]

    operations = [migrations.RunPython(forward, backward)]
