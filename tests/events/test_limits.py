"""Free text has limits and no text holds a NUL character: in the model's validation and in the
database (the admin and the importer are tested in their own modules)."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, TextField

from events import limits
from events.limits import HoldsNoNul
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


def text_fields(model):
    return {
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, CharField | TextField) and not field.choices
    }


CONTENT_MODELS = [
    model
    for app in ("events", "insights")
    for model in apps.get_app_config(app).get_models()
    if text_fields(model)
    and not model.__module__.startswith("insights.search")
    and not model._meta.proxy  # Theme is django-taggit's Tag, checked by triggers of its own
]


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_every_text_field_is_checked_for_nul_by_the_database(model):
    [check] = [c for c in model._meta.constraints if c.name == f"{model._meta.db_table}_text_valid"]
    checked = {
        child.source_expressions[0].name
        for child in check.condition.children
        if isinstance(child, HoldsNoNul)
    }
    assert checked == text_fields(model)


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_every_text_field_has_a_limit(model):
    unlimited = [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, CharField | TextField) and not field.max_length
    ]
    assert unlimited == []


def test_text_over_its_limit_is_explained_by_the_models_validation():
    event = Event(
        title="Webinar",
        slug="webinar",
        kind=factories.event_kind(),
        summary="x" * (limits.SUMMARY + 1),
        body="y" * limits.BODY,
    )
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    assert raised.value.message_dict == {
        "summary": ["Zorg dat deze waarde niet meer dan 3000 tekens bevat (het zijn er nu 3001)."]
    }


def over_the_limit():
    event = factories.event()
    publication = factories.publication()
    return [
        (event, "body", limits.BODY),
        (event, "summary", limits.SUMMARY),
        (factories.session(event), "summary", limits.SUMMARY),
        (publication, "body", limits.BODY),
        (factories.takeaway(publication=publication), "explanation", limits.DESCRIPTION),
        (factories.person(), "bio", limits.DESCRIPTION),
        (factories.organisation(), "description", limits.DESCRIPTION),
        (factories.series(), "description", limits.DESCRIPTION),
        (factories.region(), "description", limits.DESCRIPTION),
        (factories.domain(), "description", limits.DESCRIPTION),
        (factories.event_kind(), "description", limits.DESCRIPTION),
        (factories.synonyms("IZA", "Integraal Zorgakkoord"), "terms", limits.SYNONYMS),
    ]


def test_text_over_its_limit_is_refused_by_the_database():
    for obj, name, limit in over_the_limit():
        rows = type(obj).objects.filter(pk=obj.pk)
        rows.update(**{name: "x" * limit})
        with pytest.raises(IntegrityError), transaction.atomic():
            rows.update(**{name: "x" * (limit + 1)})


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (factories.event, "title"),
        (factories.event, "audience"),
        (factories.publication, "summary"),
        (factories.takeaway, "text"),
        (factories.person, "name"),
        (lambda: factories.participation(factories.event()), "function"),
    ],
)
def test_nul_in_text_is_refused_by_the_database(make, name):
    obj = make()
    # PostgreSQL cannot hold a NUL in text at all: its driver refuses to send one.
    refused = IntegrityError if connection.vendor == "sqlite" else ValueError
    with pytest.raises(refused), transaction.atomic():
        type(obj).objects.filter(pk=obj.pk).update(**{name: "Web\x00inar"})
