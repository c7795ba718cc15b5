"""How a big index finds its candidates, tried on the small one: the results stay the same.

At scale a page ranks only candidates, found in a way that suits the number of matches (see
``postgres._recent`` and ``sqlite.page``); here every way is forced in turn.
"""

import datetime

import pytest
from django.db import connection

from insights.search import postgres, sqlite
from insights.search import sql as shared
from insights.search.engine import Scope, results_page, search
from insights.search.models import SearchEntry
from insights.search.query import parse
from insights.search.sql import Sample

pytestmark = pytest.mark.django_db

QUERIES = ["samenwerking", "wijkteam -huisarts", "Platform31", "IZA"]

POSTGRES_WAYS = {
    "sort all matches": {"SORT_ALL_BELOW": 10**9},
    "walk the date index": {"SORT_ALL_BELOW": 0, "WALK_INDEX_ABOVE": 0},
}
SQLITE_WAYS = {
    "rank all matches": {"RANK_ALL_BELOW": 10**9},
    "highest rowids": {"RANK_ALL_BELOW": 0},
}


def urls(results):
    return [hit.url for hit in results.hits]


def ways():
    if connection.vendor == "postgresql":
        return postgres, POSTGRES_WAYS
    return sqlite, SQLITE_WAYS


@pytest.mark.parametrize("query", QUERIES)
def test_every_way_finds_the_same_results(corpus, anonymous, request, monkeypatch, query):
    expected = urls(search(query, user=anonymous))
    request.getfixturevalue("sampling")
    module, options = ways()

    found = {}
    for way, constants in options.items():
        with monkeypatch.context() as patch:
            for name, value in constants.items():
                patch.setattr(module, name, value)
            found[way] = urls(search(query, user=anonymous))

    assert found == dict.fromkeys(options, expected)


@pytest.mark.postgres
def test_postgres_looks_only_among_the_newest_rows_in_between(corpus, monkeypatch):
    """Between few and very many matches: a date range from the planner's histogram."""
    monkeypatch.setattr(shared, "RECENT_CANDIDATES", 2)
    monkeypatch.setattr(postgres, "SORT_ALL_BELOW", 0)
    dates = ("2000-01-01", "2023-01-01", "2024-05-01", "2030-01-01")
    # Two candidates among eight matches: the newest half of the dated rows will do.
    assert postgres._recent(8, dates)[1] == ["2023-01-01", 2]

    hits = results_page(
        Scope(parse("samenwerking"), frozenset(), None, SearchEntry.objects.all()),
        matches=8,
        exact=False,
        sampled=Sample(rows=[], scale=2.0, dates=dates),
        offset=0,
        limit=20,
    )

    assert len(hits) == 2
    assert all(hit["date"] >= datetime.date(2023, 1, 1) for hit in hits)


def test_sqlite_rebuild_numbers_entries_by_date(corpus):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL finds recent entries with a btree on the date")
    ordered = list(SearchEntry.objects.order_by("id").values_list("date", flat=True))
    undated = [date for date in ordered if date is None]

    assert ordered[: len(undated)] == undated
    assert ordered[len(undated) :] == sorted(ordered[len(undated) :])


@pytest.mark.parametrize("module", [postgres, sqlite])
def test_each_database_module_implements_the_engine_interface(module):
    assert isinstance(module, shared.Engine)
    assert module.__name__ in {"insights.search.postgres", "insights.search.sqlite"}
