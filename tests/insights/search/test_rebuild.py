"""Rebuilding the whole index (module of its own: it uses the shared corpus)."""

from io import StringIO

import pytest
from django.core.management import call_command

from insights.search.indexing import rebuild_index
from insights.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def entries():
    return sorted(SearchEntry.objects.values_list("item_type", "item_id"))


def test_rebuild_indexes_everything_once(corpus):
    before = entries()

    rebuild_index()

    assert entries() == before
    assert len(before) == len(set(before)) == 23


def test_rebuild_command_reports_what_it_did(corpus):
    out = StringIO()

    call_command("rebuild_search_index", stdout=out)

    assert out.getvalue().startswith("23 items geïndexeerd in ")
    assert SearchEntry.objects.count() == 23
