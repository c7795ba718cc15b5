"""Indexes for the public pages at scale (see events/listing.py and events/related.py).

- On the link tables, ``(thing, event)``: the most recently added events that share a theme,
  person, organisation, region or domain, read in index order (related events) — declared on
  the models where they can be; for the automatic many-to-many tables of regions and domains
  PostgreSQL gets them here.
- ``events_event_oldest_idx`` (PostgreSQL): the order of ``oldest_first()``, as
  ``events_event_newest_idx`` (0004) is that of ``newest_first()``.
- ``events_event_published_idx`` (0005) covers columns with INCLUDE, which SQLite cannot: the
  model no longer declares it (Django warned about it on SQLite, models.W040). PostgreSQL keeps
  it; SQLite drops the plain partial index it had made of it instead.
"""

from django.db import migrations, models

POSTGRES_INDEXES = {
    "events_event_oldest_idx": 'ON "events_event" ("date" ASC NULLS LAST, "title", "id")',
    "events_event_regions_region_idx": 'ON "events_event_regions" ("region_id", "event_id")',
    "events_event_domains_domain_idx": 'ON "events_event_domains" ("domain_id", "event_id")',
}
SQLITE_PUBLISHED_INDEX = (
    'CREATE INDEX "events_event_published_idx" ON "events_event" ("published_at") '
    "WHERE \"status\" = 'published'"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in POSTGRES_INDEXES.items():
            schema_editor.execute(f'CREATE INDEX "{name}" {definition}')
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute('DROP INDEX IF EXISTS "events_event_published_idx"')


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in POSTGRES_INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_PUBLISHED_INDEX)


class Migration(migrations.Migration):
    dependencies = [("events", "0005_published_index")]

    operations = [
        migrations.AddIndex(
            model_name="eventorganisation",
            index=models.Index(fields=["organisation", "event"], name="events_eventorg_org_idx"),
        ),
        migrations.AddIndex(
            model_name="participation",
            index=models.Index(fields=["person", "event"], name="events_participation_who_idx"),
        ),
        migrations.AddIndex(
            model_name="taggedevent",
            index=models.Index(fields=["tag", "content_object"], name="events_taggedevent_tag_idx"),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="event", name="events_event_published_idx"),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
