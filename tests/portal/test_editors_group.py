"""The group "Redactie": made by a migration, with exactly what editors need."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

MIGRATION = ("portal", "0001_editors_group")
EDITED_MODELS = {
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
EXPECTED = {
    f"{app_label}.{action}_{model}"
    for app_label, models in EDITED_MODELS.items()
    for model in models
    for action in ["add", "change", "delete", "view"]
}


def group_permissions():
    permissions = Group.objects.get(name="Redactie").permissions.all()
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions.select_related()}


@pytest.fixture
def editor_client(client):
    editor = factories.user(staff=True)
    editor.groups.add(Group.objects.get(name="Redactie"))
    client.force_login(editor)
    return client


def test_redactie_group_exists_after_migrate_with_exactly_the_editors_permissions():
    assert group_permissions() == EXPECTED


def test_redactie_group_migration_can_run_again_with_the_same_result():
    group = Group.objects.get(name="Redactie")
    group.permissions.remove(Permission.objects.get(codename="change_event"))
    group.permissions.add(Permission.objects.get(codename="add_user"))
    migration = importlib.import_module("portal.migrations.0001_editors_group")
    apps = MigrationLoader(connection).project_state(MIGRATION).apps

    migration.add_editors_group(apps, connection.schema_editor())
    migration.add_editors_group(apps, connection.schema_editor())

    assert Group.objects.filter(name="Redactie").count() == 1
    assert group_permissions() == EXPECTED


def test_editor_adds_an_event_through_the_admin(editor_client):
    person = factories.person(name="Anna de Vries")
    data = {
        "title": "Werksessie wonen",
        "slug": "werksessie-wonen",
        "kind": factories.event_kind("werksessie").pk,
        "status": "draft",
        "event_organisations-TOTAL_FORMS": 0,
        "sessions-TOTAL_FORMS": 1,
        "sessions-0-order": 1,
        "sessions-0-title": "Ochtend",
        "participations-TOTAL_FORMS": 1,
        "participations-0-person": person.pk,
        "participations-0-role": "spreker",
        "participations-0-order": 0,
        "takeaways-TOTAL_FORMS": 1,
        "takeaways-0-text": "Wonen en zorg plannen samen.",
        "takeaways-0-tags": "wonen",
        "takeaways-0-order": 0,
    }
    for prefix in ["event_organisations", "sessions", "participations", "takeaways"]:
        data[f"{prefix}-INITIAL_FORMS"] = 0

    response = editor_client.post(reverse("admin:events_event_add"), data)

    assert response.status_code == 302
    event = Event.objects.get(slug="werksessie-wonen")
    assert list(event.participations.values_list("person__name", flat=True)) == ["Anna de Vries"]
    assert list(event.takeaways.values_list("text", flat=True)) == ["Wonen en zorg plannen samen."]


def test_editor_uses_the_person_autocomplete(editor_client):
    factories.person(name="Anna de Vries")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "events",
            "model_name": "participation",
            "field_name": "person",
            "term": "an",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == ["Anna de Vries"]


@pytest.mark.parametrize(
    "url_name",
    ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"],
)
def test_editor_cannot_manage_users_or_groups(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_editor_sees_only_content_on_the_admin_index(editor_client):
    response = editor_client.get(reverse("admin:index"))

    assert [app["app_label"] for app in response.context["app_list"]] == [
        "events",
        "insights",
        "taggit",
    ]
