"""The search backlog (insights/search/backlog.py): its table.

Its triggers on every content table are (re)installed after every ``migrate`` by
``insights.search.backlog.install_triggers`` (connected to ``post_migrate``), as the content
generation's are (events 0007); migrating back to before this drops them first.
"""

from django.db import migrations, models


def remove_triggers(apps, schema_editor):
    from insights.search.backlog import remove_triggers

    remove_triggers(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('insights', '0005_listing_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchBacklog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('change', models.CharField(choices=[('event', 'bijeenkomst'), ('publication', 'publicatie'), ('takeaway', 'inzicht'), ('person', 'persoon'), ('organisation', 'organisatie'), ('person-name', 'naam van een persoon'), ('organisation-name', 'naam van een organisatie'), ('theme', 'thema'), ('domain', 'domein'), ('kind', 'soort bijeenkomst'), ('region', 'regio'), ('everything', 'alles')], max_length=20, verbose_name='wijziging')),
                ('item_id', models.BigIntegerField(verbose_name='nummer')),
            ],
            options={
                'verbose_name': 'nog te indexeren',
                'verbose_name_plural': 'nog te indexeren',
                'constraints': [models.UniqueConstraint(fields=('change', 'item_id'), name='insights_searchbacklog_unique'), models.CheckConstraint(condition=models.Q(('change__in', ['event', 'publication', 'takeaway', 'person', 'organisation', 'person-name', 'organisation-name', 'theme', 'domain', 'kind', 'region', 'everything'])), name='insights_searchbacklog_change_valid')],
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, remove_triggers),
    ]
