"""The content generation (events/generation.py): its one row.

Its triggers on every content table are (re)installed after every ``migrate`` by
``events.generation.install_triggers`` (connected to ``post_migrate``), not here: on SQLite a
later migration that rebuilds a table drops them, and new content tables need them too.
"""

from django.db import migrations, models


def first_generation(apps, schema_editor):
    apps.get_model("events", "ContentGeneration").objects.create(id=1, number=1)


def remove_triggers(apps, schema_editor):
    """Back to before the generation: its triggers go before its table does."""
    from events.generation import remove_triggers

    remove_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_listing_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.BigIntegerField(default=0, verbose_name="nummer")),
            ],
            options={
                "verbose_name": "generatie van de inhoud",
                "verbose_name_plural": "generaties van de inhoud",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="events_contentgeneration_one_row"
                    )
                ],
            },
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
        migrations.RunPython(migrations.RunPython.noop, remove_triggers),
    ]
