"""Limits on input, and theme slugs in the search index that the pages can use.

- Free text fields get a ``max_length`` (only the migration state changes: it is not part of a
  ``TextField``'s database schema) and a check constraint per model (``<table>_text_valid``, see
  ``events.limits``).
- Theme slugs that events.0009_input_limits repaired are repaired in the search index too.

On SQLite, adding a check constraint rebuilds ``insights_takeaway``, which drops the triggers of
0002_takeaway_session_trigger: they are made again afterwards (tests/insights/test_models.py
fails if they are missing); see ``around_rebuild``.
"""

import importlib

import django.core.validators
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

import events.limits
from events.slugs import is_usable_theme_slug


def repair_theme_facets(apps, schema_editor):
    """The search index keeps each theme's slug as a facet value (shown as a link among the
    popular themes): a slug events.0009_input_limits repaired is repaired here too, found by the
    theme's name. A value that another one already has is left to ``rebuild_search_index``."""
    Tag = apps.get_model("taggit", "Tag")
    FacetValue = apps.get_model("insights", "SearchFacetValue")
    for value in FacetValue.objects.filter(facet="thema"):
        if is_usable_theme_slug(value.value):
            continue
        tag = Tag.objects.filter(name=value.label).first()
        taken = FacetValue.objects.filter(facet="thema", value=getattr(tag, "slug", None))
        if tag is not None and not taken.exists():
            value.value = tag.slug
            value.save(update_fields=["value"])


def around_rebuild(*, before):
    """On SQLite, what to do before the table is rebuilt (``before``) or after it, as in
    events.0009_input_limits: legacy_alter_table on while it is, the triggers of 0002 made
    again afterwards."""
    triggers = importlib.import_module("insights.migrations.0002_takeaway_session_trigger")
    if before:
        statements = ["PRAGMA legacy_alter_table = ON", *triggers.SQLITE_BACKWARD]
    else:
        statements = ["PRAGMA legacy_alter_table = OFF", *triggers.SQLITE_FORWARD]

    def run_on_sqlite(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run_on_sqlite


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0009_input_limits'),
        ('insights', '0006_search_backlog'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.RunPython(repair_theme_facets, migrations.RunPython.noop),
        migrations.RunPython(around_rebuild(before=True), around_rebuild(before=False)),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='publication',
                    name='body',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=300000, validators=[django.core.validators.MaxLengthValidator(300000)], verbose_name='tekst'),
                ),
                migrations.AlterField(
                    model_name='publication',
                    name='summary',
                    field=models.TextField(blank=True, help_text='Markdown, kort.', max_length=3000, validators=[django.core.validators.MaxLengthValidator(3000)], verbose_name='samenvatting'),
                ),
                migrations.AlterField(
                    model_name='synonymset',
                    name='terms',
                    field=models.TextField(help_text='Eén term per regel; alle termen betekenen hetzelfde. Bijvoorbeeld: IZA en Integraal Zorgakkoord.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='termen'),
                ),
                migrations.AlterField(
                    model_name='takeaway',
                    name='explanation',
                    field=models.TextField(blank=True, help_text='Markdown.', max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='toelichting'),
                ),
            ],
        ),
        migrations.AddConstraint(
            model_name='publication',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('title'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('summary'), events.limits.HoldsNoNul('body'), events.limits.HoldsNoNul('url'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('summary'), 3000), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('body'), 300000)), name='insights_publication_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='synonymset',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('terms'), events.limits.HoldsNoNul('note'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('terms'), 2000)), name='insights_synonymset_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.AddConstraint(
            model_name='takeaway',
            constraint=models.CheckConstraint(condition=models.Q(events.limits.HoldsNoNul('text'), events.limits.HoldsNoNul('slug'), events.limits.HoldsNoNul('explanation'), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('explanation'), 10000)), name='insights_takeaway_text_valid', violation_error_message='Een tekst is te lang of bevat een NUL-teken.'),
        ),
        migrations.RunPython(around_rebuild(before=False), around_rebuild(before=True)),
    ]
