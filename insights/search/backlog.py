"""The search backlog: what content changed since the index last followed it.

Database triggers on every content table write a row (``SearchBacklog``) for what a write
changed, in the write's own transaction, whoever makes it: the admin, an import in another
process, ``QuerySet.update()``, raw SQL. ``catch_up()`` indexes what the rows say and takes them
away. Writes through the portal catch up before they commit (``events.services.content_changed``
sends the signal that ``follow_content_change`` receives); a search catches up before it
searches (``keep_up``), so that a write made any other way is followed by the very next search.

``RULES`` says, per content table, what a written row changed: the event, publication,
takeaway, person or organisation it belongs to, or — for a rename — a theme, domain, kind,
region or the name of a person or organisation, whose items are then found and reindexed.
Tables in ``NOT_INDEXED`` hold nothing the index shows. A test checks that every content table
is in one of the two.

What an entry copies from its event or publication to decide who may find it (status,
publication moment, members only) is kept exact at once by the same triggers (``VISIBILITY``),
however long the backlog: nothing that was just hidden can be found, not for a moment.
"""

import logging
import time
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.db.models.signals import post_migrate

from events import generation
from events.models import (
    Domain,
    Event,
    EventKind,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Region,
    Series,
    Session,
    TaggedEvent,
    Theme,
)
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    SynonymSet,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)
from insights.search.models import Change, ItemType, SearchBacklog

#: Items a rename reaches that a write reindexes before it commits. A rename that reaches more
#: (an organisation on thousands of events) leaves the rest in the backlog, for the next
#: searches and ``manage.py update_search_index``: a write stays quick, and the renamed
#: person, organisation or theme is found under its new name at once, its items soon after.
RENAMED_AT_ONCE = 100
#: A search catches up on the backlog in steps of this many rows (and items a rename reaches)
#: for at most SEARCH_CATCHES_UP_MS before it searches; a longer backlog (a rename of a big
#: theme, a data migration) is worked off over the next searches, or by
#: ``manage.py update_search_index``.
SEARCH_STEP = 20
SEARCH_CATCHES_UP_MS = 150
#: How long a search waits for another writer before it searches without catching up (ms).
SEARCH_WAITS = 250
CAUGHT_UP_KEY = "search:caught-up:{generation}"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    """A written row of the table changed ``change`` with the id in field ``field``; with
    ``renamed``, only when an update changed one of those fields."""

    change: str
    field: str = "id"
    renamed: tuple = ()


RULES = {
    Event: [Rule(Change.EVENT)],
    Session: [Rule(Change.EVENT, "event")],
    Participation: [Rule(Change.EVENT, "event")],
    EventOrganisation: [Rule(Change.EVENT, "event")],
    Event.domains.through: [Rule(Change.EVENT, "event")],
    Event.regions.through: [Rule(Change.EVENT, "event")],
    TaggedEvent: [Rule(Change.EVENT, "content_object")],
    Publication: [Rule(Change.PUBLICATION)],
    PublicationPerson: [Rule(Change.PUBLICATION, "publication")],
    PublicationOrganisation: [Rule(Change.PUBLICATION, "publication")],
    Publication.domains.through: [Rule(Change.PUBLICATION, "publication")],
    Publication.regions.through: [Rule(Change.PUBLICATION, "publication")],
    TaggedPublication: [Rule(Change.PUBLICATION, "content_object")],
    Takeaway: [Rule(Change.TAKEAWAY)],
    TakeawayPerson: [Rule(Change.TAKEAWAY, "takeaway")],
    Takeaway.domains.through: [Rule(Change.TAKEAWAY, "takeaway")],
    TaggedTakeaway: [Rule(Change.TAKEAWAY, "content_object")],
    Person: [Rule(Change.PERSON), Rule(Change.PERSON_NAME, renamed=("name",))],
    Organisation: [
        Rule(Change.ORGANISATION),
        Rule(Change.ORGANISATION_NAME, renamed=("name",)),
    ],
    Theme: [Rule(Change.THEME, renamed=("name", "slug"))],
    Domain: [Rule(Change.DOMAIN, renamed=("name", "slug"))],
    EventKind: [Rule(Change.KIND, renamed=("name", "slug"))],
    Region: [Rule(Change.REGION, renamed=("name", "slug"))],
}
NOT_INDEXED = [
    Series,
    Event.related_events.through,
    Publication.related_events.through,
    SynonymSet,  # applied at query time, kept under the content generation
    "taggit.TaggedItem",  # django-taggit's own link table: our models have their own
]
#: The items whose entries copy the visibility of the row: (model, the entries' source type).
VISIBILITY = {Event: ItemType.EVENT, Publication: ItemType.PUBLICATION}
_COPIED = ("status", "published_at", "members_only")


def tables():
    """``{table: rules}`` for every content table the index follows."""
    found = {}
    for model, rules in RULES.items():
        found[model._meta.db_table] = (model, rules)
    return found


def not_indexed_tables():
    return {
        (apps.get_model(model) if isinstance(model, str) else model)._meta.db_table
        for model in NOT_INDEXED
    }


# Triggers ------------------------------------------------------------------------------------


def _column(model, field):
    return model._meta.get_field(field).column


def _postgres_statements(table, model, rules):
    quote = connections["default"].ops.quote_name
    pk = quote(model._meta.pk.column)
    function = f"insights_search_backlog_{table}"

    def select(rows, rule):
        column = quote(_column(model, rule.field))
        return f"SELECT '{rule.change}', {column} FROM {rows} WHERE {column} IS NOT NULL"

    plain = [rule for rule in rules if not rule.renamed]
    renamed = [rule for rule in rules if rule.renamed]
    inserted = " UNION ".join(select("new_rows", rule) for rule in plain)
    deleted = " UNION ".join(select("old_rows", rule) for rule in plain)
    updated = [select(rows, rule) for rule in plain for rows in ("new_rows", "old_rows")]
    for rule in renamed:
        differs = " OR ".join(
            f"n.{quote(_column(model, name))} IS DISTINCT FROM o.{quote(_column(model, name))}"
            for name in rule.renamed
        )
        updated.append(
            f"SELECT '{rule.change}', n.{pk} FROM new_rows n JOIN old_rows o "
            f"ON o.{pk} = n.{pk} WHERE {differs}"
        )
    insert = "INSERT INTO insights_searchbacklog (change, item_id) {} ON CONFLICT DO NOTHING;"
    on_update = insert.format(" UNION ".join(updated))
    if model in VISIBILITY:
        copied = ", ".join(f"{name} = n.{name}" for name in _COPIED)
        on_update += (
            f"UPDATE insights_searchentry e SET {copied} FROM new_rows n "
            f"WHERE e.source_type = '{VISIBILITY[model]}' AND e.source_id = n.{pk} "
            f"AND ({', '.join(f'e.{name}' for name in _COPIED)}) IS DISTINCT FROM "
            f"({', '.join(f'n.{name}' for name in _COPIED)});"
        )
    body = [f"IF TG_OP = 'UPDATE' THEN {on_update}"]
    if plain:
        body.append(f"ELSIF TG_OP = 'INSERT' THEN {insert.format(inserted)}")
        body.append(f"ELSIF TG_OP = 'DELETE' THEN {insert.format(deleted)}")
    quoted = quote(table)
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {' '.join(body)} END IF; RETURN NULL; END $$",
        f"CREATE OR REPLACE TRIGGER search_backlog_insert AFTER INSERT ON {quoted} "
        f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE TRIGGER search_backlog_update AFTER UPDATE ON {quoted} "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE TRIGGER search_backlog_delete AFTER DELETE ON {quoted} "
        f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
        f"CREATE OR REPLACE TRIGGER search_backlog_truncate AFTER TRUNCATE ON {quoted} "
        "FOR EACH STATEMENT EXECUTE FUNCTION insights_search_backlog_everything()",
    ]


POSTGRES_EVERYTHING = f"""
CREATE OR REPLACE FUNCTION insights_search_backlog_everything() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO insights_searchbacklog (change, item_id) VALUES ('{Change.EVERYTHING}', 0)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$
"""


def _sqlite_statements(table, model, rules):
    quote = connections["default"].ops.quote_name
    pk = quote(model._meta.pk.column)

    def insert(row, rule):
        column = f"{row}.{quote(_column(model, rule.field))}"
        return (
            "INSERT OR IGNORE INTO insights_searchbacklog (change, item_id) "
            f"SELECT '{rule.change}', {column} WHERE {column} IS NOT NULL;"
        )

    plain = [rule for rule in rules if not rule.renamed]
    on_update = [insert(row, rule) for rule in plain for row in ("NEW", "OLD")]
    for rule in rules:
        if rule.renamed:
            differs = " OR ".join(
                f"NEW.{quote(_column(model, name))} IS NOT OLD.{quote(_column(model, name))}"
                for name in rule.renamed
            )
            on_update.append(
                "INSERT OR IGNORE INTO insights_searchbacklog (change, item_id) "
                f"SELECT '{rule.change}', NEW.{pk} WHERE {differs};"
            )
    if model in VISIBILITY:
        copied = ", ".join(f"{name} = NEW.{name}" for name in _COPIED)
        differs = " OR ".join(f"{name} IS NOT NEW.{name}" for name in _COPIED)
        on_update.append(
            f"UPDATE insights_searchentry SET {copied} WHERE source_type = '{VISIBILITY[model]}' "
            f"AND source_id = NEW.{pk} AND ({differs});"
        )
    bodies = {
        "insert": [insert("NEW", rule) for rule in plain],
        "update": on_update,
        "delete": [insert("OLD", rule) for rule in plain],
    }
    statements = []
    for operation, body in bodies.items():
        name = quote(f"{table}_search_backlog_{operation}")
        statements.append(f"DROP TRIGGER IF EXISTS {name}")
        if body:
            statements.append(
                f"CREATE TRIGGER {name} AFTER {operation.upper()} ON {quote(table)} "
                f"BEGIN {' '.join(body)} END"
            )
    return statements


def install_triggers(using=None, **kwargs):
    """Give every content table its backlog triggers; safe to run again (after every migrate,
    as events/generation.py does for its own, and for the same reasons)."""
    connection = connections[using or "default"]
    existing = set(connection.introspection.table_names())
    if SearchBacklog._meta.db_table not in existing:
        return
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(POSTGRES_EVERYTHING)
        for table, (model, rules) in tables().items():
            if table not in existing:
                continue
            statements = (_postgres_statements if postgres else _sqlite_statements)(
                table, model, rules
            )
            for statement in statements:
                cursor.execute(statement)


def remove_triggers(connection):
    """Drop every trigger of the backlog (when migrating back to before it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT proname FROM pg_proc WHERE proname LIKE 'insights_search_backlog%%'"
            )
            for (function,) in cursor.fetchall():
                cursor.execute(f"DROP FUNCTION IF EXISTS {function}() CASCADE")
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ours = [name for (name,) in cursor.fetchall() if "_search_backlog_" in name]
        for name in ours:
            cursor.execute(f"DROP TRIGGER IF EXISTS {connection.ops.quote_name(name)}")


def connect():
    """Install the triggers after every migrate (called from insights/apps.py)."""
    config = apps.get_app_config("insights")
    post_migrate.connect(install_triggers, sender=config, dispatch_uid="insights.search.backlog")


# Catching up ---------------------------------------------------------------------------------


def catch_up(*, limit=None, renamed=None, everything=False):
    """Index what the backlog holds (its first ``limit`` rows), and take those rows away.

    What the rows name is reindexed; of the items a rename reaches, at most ``renamed``
    (default ``RENAMED_AT_ONCE``; all of them with ``everything``), the others go back into the
    backlog as rows of their own. Runs in the caller's
    transaction when there is one (a write through the portal), else in its own. Rows another
    transaction is working on are skipped (PostgreSQL). Returns the number of rows taken.
    """
    from insights.search import indexing

    with transaction.atomic():
        rows = SearchBacklog.objects.select_for_update(skip_locked=True).order_by("pk")
        rows = list((rows[:limit] if limit else rows).values_list("pk", "change", "item_id"))
        if not rows:
            return 0
        SearchBacklog.objects.filter(pk__in=[pk for pk, *_ in rows]).delete()
        changed = {}
        for _, change, item_id in rows:
            changed.setdefault(change, set()).add(item_id)
        if Change.EVERYTHING in changed:
            indexing.rebuild_index()
            return len(rows)
        reached = indexing.items_renamed(changed)
        renamed = RENAMED_AT_ONCE if renamed is None else renamed
        if not everything and reached.size() > renamed:
            reached = reached.first(renamed, requeue=_requeue)
        items = indexing.items_named(changed).merged(reached)
        indexing.index_items(**items.as_keywords())
        return len(rows)


def _requeue(change, ids):
    SearchBacklog.objects.bulk_create(
        [SearchBacklog(change=change, item_id=pk) for pk in ids], ignore_conflicts=True
    )


def follow_content_change(sender, **kwargs):
    """Receiver of ``events.signals.content_changed``: the write's backlog is indexed before
    the write commits."""
    catch_up()


def keep_up():
    """Before a search: catch up on what was written any other way since the last search.

    Nothing to do (and no query) when this process found the backlog empty under the current
    content generation: every write that adds to the backlog renews the generation. Catches up
    for at most ``SEARCH_CATCHES_UP_MS`` (a write's own backlog is gone before it commits: this
    is for writes made any other way, and for what a big rename leaves), and does not wait long
    for another writer: the search then shows the texts of a moment ago (never what became
    hidden: see the module).
    """
    key = CAUGHT_UP_KEY.format(generation=generation.current())
    if cache.get(key):
        return
    if SearchBacklog.objects.exists():
        deadline = time.monotonic() + SEARCH_CATCHES_UP_MS / 1000
        try:
            with _waiting_briefly():
                while catch_up(limit=SEARCH_STEP, renamed=SEARCH_STEP):
                    if time.monotonic() > deadline:
                        break
        except DatabaseError:
            # Another writer held on too long, or indexing failed: search what is indexed
            # (never what became hidden, see the module) and try again at the next search.
            logger.exception("The search index could not catch up before a search.")
            return
        if SearchBacklog.objects.exists():
            return
    cache.set(key, True, 3600)


class _waiting_briefly:
    """Wait at most ``SEARCH_WAITS`` ms for locks held by another writer."""

    def __enter__(self):
        connection = connections["default"]
        self.sqlite = connection.vendor == "sqlite"
        with connection.cursor() as cursor:
            if self.sqlite:
                cursor.execute("PRAGMA busy_timeout")
                self.previous = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA busy_timeout = {SEARCH_WAITS}")
            else:
                cursor.execute("SHOW lock_timeout")
                self.previous = cursor.fetchone()[0]
                cursor.execute(
                    "SELECT set_config('lock_timeout', %s, false)", [f"{SEARCH_WAITS}ms"]
                )
        return self

    def __exit__(self, *exc):
        connection = connections["default"]
        with connection.cursor() as cursor:
            if self.sqlite:
                cursor.execute(f"PRAGMA busy_timeout = {int(self.previous)}")
            else:
                cursor.execute("SELECT set_config('lock_timeout', %s, false)", [self.previous])
        return False
