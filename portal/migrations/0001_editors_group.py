"""The editors' group "Redactie", with exactly the permissions editors need.

Editors may add, change, delete and view (add_*, change_*, delete_*, view_*) these models, and
nothing else:

- events: Domain, Region, Organisation, Person, EventKind, Series, Event, EventOrganisation,
  Session, Participation, TaggedEvent (the event's tags)
- insights: Publication, PublicationPerson, PublicationOrganisation, Takeaway, TakeawayPerson,
  SynonymSet, TaggedPublication, TaggedTakeaway (the tags of publications and takeaways)
- taggit: Tag

So editors manage no users, groups or permissions, and see no admin log or sessions. The list is
explicit on purpose: a model added to an app later gets editor permissions only when a migration
says so. An editor's account also needs "staff status" to log in to the admin.

Django creates permissions in its post_migrate signal, after all migrations have run, so on a
fresh database they don't exist yet when this migration runs: it creates them first
(``create_permissions`` skips those that exist). Running it again gives the same group with the
same permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Redactie"
ACTIONS = ["add", "change", "delete", "view"]
EDITOR_MODELS = {
    "events": [
        "domain",
        "region",
        "organisation",
        "person",
        "eventkind",
        "series",
        "event",
        "eventorganisation",
        "session",
        "participation",
        "taggedevent",
    ],
    "insights": [
        "publication",
        "publicationperson",
        "publicationorganisation",
        "takeaway",
        "takeawayperson",
        "synonymset",
        "taggedpublication",
        "taggedtakeaway",
    ],
    "taggit": ["tag"],
}


def create_app_permissions(apps, using):
    for app_label in EDITOR_MODELS:
        app_config = apps.get_app_config(app_label)
        # create_permissions skips apps without a models module, as the historical apps of a
        # migration are; pretend there is one for the duration of the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = models_module


def editor_permissions(apps, using):
    Permission = apps.get_model("auth", "Permission")
    wanted = {
        (app_label, f"{action}_{model}")
        for app_label, models in EDITOR_MODELS.items()
        for model in models
        for action in ACTIONS
    }
    candidates = (
        Permission.objects.using(using)
        .filter(
            content_type__app_label__in=EDITOR_MODELS,
            codename__in={codename for _, codename in wanted},
        )
        .select_related("content_type")
    )
    found = {(p.content_type.app_label, p.codename): p for p in candidates}
    missing = wanted - found.keys()
    if missing:
        raise RuntimeError(f"Permissions for the editors' group not found: {sorted(missing)}")
    return [found[key] for key in wanted]


def add_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias
    create_app_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).get_or_create(name=GROUP_NAME)[0]
    group.permissions.set(editor_permissions(apps, using))


def remove_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("events", "0003_session_event_triggers"),
        ("insights", "0002_takeaway_session_trigger"),
    ]

    operations = [migrations.RunPython(add_editors_group, remove_editors_group)]
