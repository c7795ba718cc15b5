"""Limits on input, and themes that always have a slug their pages can use.

- Themes (django-taggit's tags) whose slug the pages cannot use (empty for a name such as
  ``!!!`` or ``😀``, too long, or with other characters than letters, digits, ``-`` and ``_``)
  get one made from their name, ``thema``, ``thema-2``, … when it has no letter or digit (see
  ``events.slugs.give_theme_a_slug``). From now on the database refuses an empty slug (on
  SQLite, where a check cannot be added to an existing table, with triggers that also refuse a
  NUL character and names and slugs longer than their 100 characters, which PostgreSQL's
  ``varchar`` refuses by itself).
- Free text fields get limits (``events.limits``): a ``max_length``, which is not part of the
  database schema of a ``TextField`` (so only the migration state changes, and SQLite does not
  rebuild the tables for it), and a check constraint per model (``<table>_text_valid``) that
  holds each limited field to its limit and refuses a NUL character in any text field.
- On SQLite, adding a check constraint rebuilds the table, which drops its triggers: those of
  0003_session_event_triggers on ``events_session`` and ``events_participation`` are made again
  afterwards (tests/events/test_constraints.py fails if they are missing); see BEFORE_REBUILDS.
"""

import importlib

import django.core.validators
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

import events.limits
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
# SQLite adds a check constraint by rebuilding the table: a new table, the rows copied, the old
# one dropped and the new one renamed. While it does, legacy_alter_table is on, so that the
# rename does not refuse because a trigger of another table names the dropped table (see
# "Making Other Kinds Of Table Schema Changes" in SQLite's ALTER TABLE documentation). A
# rebuilt table's own triggers go with it: those of 0003 are dropped before and made after.
_SESSION_TRIGGERS = importlib.import_module("events.migrations.0003_session_event_triggers")
BEFORE_REBUILDS = {
    "postgresql": [],
    "sqlite": ["PRAGMA legacy_alter_table = ON", *_SESSION_TRIGGERS.SQLITE_BACKWARD],
}
AFTER_REBUILDS = {
    "postgresql": [],
    "sqlite": ["PRAGMA legacy_alter_table = OFF", *_SESSION_TRIGGERS.SQLITE_FORWARD],
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
        ("events", "0008_seen_through_content"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(repair_theme_slugs, migrations.RunPython.noop),
        migrations.RunPython(run(ADD_TAG_CHECK), run(REMOVE_TAG_CHECK)),
        migrations.RunPython(run(BEFORE_REBUILDS), run(AFTER_REBUILDS)),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='domain',
                    name='description',
                    field=models.TextField(blank=True, max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='omschrijving'),
                ),
                migrations.AlterField(
                    model_name='event',
                    name='body',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=300000, validators=[django.core.validators.MaxLengthValidator(300000)], verbose_name='verslag'),
                ),
                migrations.AlterField(
                    model_name='event',
                    name='summary',
                    field=models.TextField(blank=True, help_text='Markdown, kort.', max_length=3000, validators=[django.core.validators.MaxLengthValidator(3000)], verbose_name='samenvatting'),
                ),
                migrations.AlterField(
                    model_name='eventkind',
                    name='description',
                    field=models.TextField(blank=True, max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='omschrijving'),
                ),
                migrations.AlterField(
                    model_name='organisation',
                    name='description',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='omschrijving'),
                ),
                migrations.AlterField(
                    model_name='person',
                    name='bio',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='korte bio'),
                ),
                migrations.AlterField(
                    model_name='region',
                    name='description',
                    field=models.TextField(blank=True, max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='omschrijving'),
                ),
                migrations.AlterField(
                    model_name='series',
                    name='description',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='omschrijving'),
                ),
                migrations.AlterField(
                    model_name='session',
                    name='summary',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=3000, validators=[django.core.validators.MaxLengthValidator(3000)], verbose_name='samenvatting'),
                ),
            ],
        ),
        migrations.AddConstraint(
            model_name='domain',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('name'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('description'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('description'), 10000)), name='events_domain_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('title'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('location'), events.limits.HoldsNoNul('summary'), events.limits.HoldsNoNul('body'), events.limits.HoldsNoNul('audience'), events.limits.HoldsNoNul('source_name'), events.limits.HoldsNoNul('source_url'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('summary'), 3000), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('body'), 300000)), name='events_event_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='eventkind',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('name'), events.limits.HoldsNoNul('name_plural'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('description'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('description'), 10000)), name='events_eventkind_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('name'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('website'), events.limits.HoldsNoNul('description'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('description'), 10000)), name='events_organisation_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='participation',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('function')), name='events_participation_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('name'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('function'), events.limits.HoldsNoNul('bio'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('bio'), 10000)), name='events_person_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='region',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('name'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('description'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('description'), 10000)), name='events_region_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='series',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('name'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('description'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('description'), 10000)), name='events_series_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='session',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('title'), events.limits.HoldsNoNul('summary'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('summary'), 3000)), name='events_session_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.RunPython(run(AFTER_REBUILDS), run(BEFORE_REBUILDS)),
    ]
