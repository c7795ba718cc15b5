"""Limits on input, and themes that always have a slug their pages can use.

- Themes (django-taggit's tags) whose slug the pages cannot use (empty for a name such as
  ``!!!`` or ``😀``, too long, or with other characters than letters, digits, ``-`` and ``_``)
  get one made from their name, ``thema``, ``thema-2``, … when it has no letter or digit (see
  ``events.slugs.give_theme_a_slug``). From now on the database refuses an empty slug (on
  SQLite, where a check cannot be added to an existing table, with triggers that also refuse a
  NUL character and names and slugs longer than their 100 characters, which PostgreSQL's
  ``varchar`` refuses by itself).
"""

from django.db import migrations

from events.slugs import give_theme_a_slug, has_usable_slug

TAG_CHECK_SQLITE = """
WHEN NEW.slug = '' OR instr(NEW.slug, char(0)) > 0 OR instr(NEW.name, char(0)) > 0
     OR length(NEW.slug) > 100 OR length(NEW.name) > 100
BEGIN SELECT RAISE(ABORT, 'a theme needs a name and a slug of at most 100 characters, no NUL'); END
"""
ADD_TAG_CHECK = {
    "postgresql": [
        "ALTER TABLE taggit_tag ADD CONSTRAINT taggit_tag_slug_not_empty CHECK (slug <> '')"
    ],
    "sqlite": [
        "CREATE TRIGGER taggit_tag_valid_insert BEFORE INSERT ON taggit_tag " + TAG_CHECK_SQLITE,
        "CREATE TRIGGER taggit_tag_valid_update BEFORE UPDATE OF name, slug ON taggit_tag "
        + TAG_CHECK_SQLITE,
    ],
}
REMOVE_TAG_CHECK = {
    "postgresql": ["ALTER TABLE taggit_tag DROP CONSTRAINT taggit_tag_slug_not_empty"],
    "sqlite": [
        "DROP TRIGGER IF EXISTS taggit_tag_valid_insert",
        "DROP TRIGGER IF EXISTS taggit_tag_valid_update",
    ],
}


def run(statements):
    """A RunPython function that runs ``statements[vendor]`` on the database at hand."""

    def run_statements(apps, schema_editor):
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement, params=None)

    return run_statements


def repair_theme_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.order_by("pk").only("pk", "name", "slug"):
        if not has_usable_slug(tag):
            give_theme_a_slug(tag)
            tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_listing_indexes"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(repair_theme_slugs, migrations.RunPython.noop),
        migrations.RunPython(run(ADD_TAG_CHECK), run(REMOVE_TAG_CHECK)),
    ]
