"""The three domains and the usual kinds of events exist from the start."""

from django.db import migrations

DOMAINS = [
    ("Zorg", "zorg", 1, "Gezondheidszorg, langdurige zorg, ggz en de zorg thuis."),
    ("Welzijn", "welzijn", 2, "Sociaal werk, welzijnswerk, participatie en ondersteuning in de wijk."),
    ("Wonen", "wonen", 3, "Wonen, woningcorporaties, huisvesting en de fysieke leefomgeving."),
]

KINDS = [
    ("Webinar", "Webinars", "webinar", 1),
    ("Leerkring", "Leerkringen", "leerkring", 2),
    ("Netwerkmoment", "Netwerkmomenten", "netwerkmoment", 3),
    ("Kennisatelier", "Kennisateliers", "kennisatelier", 4),
    ("Praktijklab", "Praktijklabs", "praktijklab", 5),
    ("Congres", "Congressen", "congres", 6),
    ("Werksessie", "Werksessies", "werksessie", 7),
]


def create(apps, schema_editor):
    Domain = apps.get_model("events", "Domain")
    EventKind = apps.get_model("events", "EventKind")
    for name, slug, order, description in DOMAINS:
        Domain.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order, "description": description}
        )
    for name, plural, slug, order in KINDS:
        EventKind.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_plural": plural, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
