from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from taggit.models import Tag

from insights.search.models import SearchFacetValue

pytestmark = pytest.mark.django_db


def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


BEFORE_INPUT_LIMITS = [("events", "0006_listing_indexes"), ("insights", "0005_listing_indexes")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_theme_slugs_the_pages_cannot_use_are_repaired_also_in_the_search_index():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_INPUT_LIMITS)
    try:
        old = executor.loader.project_state(BEFORE_INPUT_LIMITS).apps
        for name, slug in [("Thema", "thema"), ("!!!", ""), ("😀", "_1"), ("a b", "a b")]:
            old.get_model("taggit", "Tag").objects.create(name=name, slug=slug)
            old.get_model("insights", "SearchFacetValue").objects.create(
                facet="thema", value=slug, label=name
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        # As ``manage.py migrate`` does: the content triggers come back (events/generation.py).
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)

    repaired = [("!!!", "thema-2"), ("Thema", "thema"), ("a b", "a-b"), ("😀", "_1")]
    assert sorted(Tag.objects.values_list("name", "slug")) == repaired
    themes = SearchFacetValue.objects.filter(facet="thema")
    assert sorted(themes.values_list("label", "value")) == repaired
