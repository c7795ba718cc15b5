"""events/sql.py turns querysets into SQL with Django's query internals: the SQL must select
exactly what the ORM selects, and a Django upgrade must be looked at before it is trusted."""

import django
import pytest
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from events.models import Event, Participation, Person
from events.sql import select, where
from insights.search.indexing import rebuild_index
from insights.search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db


def test_django_is_the_version_these_internals_were_checked_on():
    assert django.VERSION[:2] == (5, 2), (
        "events/sql.py uses Query.get_compiler, Query.where and Query.sql_with_params: check "
        "that they still work as before (the other tests here), then update this version"
    )


@pytest.fixture
def people():
    anna = factories.person(name="Anna")
    factories.participation(factories.event(), anna)
    factories.participation(factories.event(published=False), factories.person(name="Bert"))
    factories.person(name="Carla", is_public=True)
    factories.person(name="Dirk")
    return Person.objects.order_by("pk")


QUERYSETS = {
    "visible to a visitor": lambda people: people.visible_to(None),
    "a plain condition": lambda people: people.filter(name__startswith="B"),
    "an OR with a subquery": lambda people: people.filter(
        Q(is_public=True) | Q(Exists(Participation.objects.filter(person=OuterRef("pk"))))
    ),
    "nothing": lambda people: people.filter(pk__in=[]),
    "everything": lambda people: people.all(),
}


@pytest.mark.parametrize("name", QUERYSETS)
def test_where_selects_what_the_orm_selects(people, name):
    queryset = QUERYSETS[name](people)
    condition, params = where(queryset)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM events_person WHERE {condition} ORDER BY id", params)
        assert [pk for (pk,) in cursor.fetchall()] == list(queryset.values_list("pk", flat=True))


@pytest.mark.parametrize("name", [name for name in QUERYSETS if name != "nothing"])
def test_select_is_a_subquery_of_what_the_orm_selects(people, name):
    queryset = QUERYSETS[name](people)
    sql, params = select(queryset.values("pk"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pk FROM ({sql}) AS rows ORDER BY pk", params)
        assert [pk for (pk,) in cursor.fetchall()] == list(queryset.values_list("pk", flat=True))


def test_select_of_nothing_says_so(people):
    with pytest.raises(EmptyResultSet):
        select(people.filter(pk__in=[]).values("pk"))


def test_where_of_the_search_visibility_rule_matches_the_orm(people):
    rebuild_index()
    entries = SearchEntry.objects.visible_to(None).order_by("pk")
    condition, params = where(entries)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM insights_searchentry WHERE {condition} ORDER BY id", params)
        found = [pk for (pk,) in cursor.fetchall()]
    assert found == list(entries.values_list("pk", flat=True))
    published = Event.objects.get(status="published")
    titles = SearchEntry.objects.filter(pk__in=found).values_list("title", flat=True)
    assert sorted(titles) == sorted(["Anna", "Carla", published.title])
