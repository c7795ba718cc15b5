"""Indexes for the public pages at scale (see events/listing.py and events/related.py).

- ``(thing, item)`` on the link tables of themes and attributions: the most recently added
  takeaways and publications on a theme or by a person, read in index order (theme and speaker
  pages, related items).
- ``insights_publication_newest_idx`` (PostgreSQL only: SQLite cannot index NULLS LAST, and its
  descending order puts NULLs last anyway): the order of ``newest_first()``, so the newest
  publications are read from the index instead of sorting them all.
"""

from django.db import migrations, models

CREATE = (
    'CREATE INDEX "insights_publication_newest_idx" ON "insights_publication" '
    '("published_on" DESC NULLS LAST, "title", "id")'
)
DROP = 'DROP INDEX IF EXISTS "insights_publication_newest_idx"'


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("insights", "0004_search_engines")]

    operations = [
        migrations.AddIndex(
            model_name="taggedpublication",
            index=models.Index(fields=["tag", "content_object"], name="insights_taggedpub_tag_idx"),
        ),
        migrations.AddIndex(
            model_name="taggedtakeaway",
            index=models.Index(fields=["tag", "content_object"], name="insights_taggedtk_tag_idx"),
        ),
        migrations.AddIndex(
            model_name="takeawayperson",
            index=models.Index(fields=["person", "takeaway"], name="insights_takeawayperson_idx"),
        ),
        migrations.RunPython(forward, backward),
    ]
