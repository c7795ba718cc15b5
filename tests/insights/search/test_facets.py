"""Facets: counts for the current query, filters that combine, estimates beyond the bound."""

import pytest

from insights.search.engine import search
from insights.search.facets import Filters
from insights.search.models import SearchFacetValue

pytestmark = pytest.mark.django_db


def filters(*pairs, item_type=""):
    ids = {(value.facet, value.value): value.pk for value in SearchFacetValue.objects.all()}
    return Filters(item_type=item_type, values=pairs, value_ids=tuple(ids.get(p) for p in pairs))


def counts(results):
    return {
        group.facet: {option.value: option.count for option in group.options}
        for group in results.facets
    }


def urls(results):
    return sorted(hit.url for hit in results.hits)


def test_facet_counts_are_for_the_query(corpus, anonymous):
    results = search("eenzaamheid", user=anonymous)

    assert counts(results) == {
        "type": {"bijeenkomst": 2},
        "domein": {"welzijn": 2},
        "soort": {"webinar": 2},
        "jaar": {"2024": 1, "2022": 1},
        "thema": {"eenzaamheid": 1},
    }


def test_facet_filter_narrows_the_query(corpus, anonymous):
    results = search("eenzaamheid", user=anonymous, filters=filters(("jaar", "2022")))

    assert urls(results) == [corpus["loneliness_event"].get_absolute_url()]
    assert counts(results)["jaar"] == {"2022": 1}


def test_filters_combine_with_each_other(corpus, anonymous):
    wonen = filters(("domein", "wonen"))
    both = filters(("domein", "wonen"), ("thema", "wonen-en-zorg"), item_type="inzicht")

    assert search("wonen", user=anonymous, filters=wonen).total == 2
    assert urls(search("wonen", user=anonymous, filters=both)) == [
        corpus["attributed"].get_absolute_url()
    ]


def test_several_domains_mean_all_of_them(corpus, anonymous):
    results = search(
        "wonen", user=anonymous, filters=filters(("domein", "wonen"), ("domein", "zorg"))
    )

    assert urls(results) == [corpus["webinar"].get_absolute_url()]


def test_type_filter(corpus, anonymous):
    results = search("samenwerking", user=anonymous, filters=filters(item_type="publicatie"))

    assert urls(results) == [corpus["iza_publication"].get_absolute_url()]


def test_filters_without_a_query_list_everything_they_select(corpus, anonymous):
    results = search("", user=anonymous, filters=filters(("thema", "eenzaamheid")))

    assert urls(results) == [corpus["loneliness_event"].get_absolute_url()]
    assert results.hits[0].snippet == ""


def test_value_no_entry_has_finds_nothing(corpus, anonymous):
    assert search("samenwerking", user=anonymous, filters=filters(("jaar", "1850"))).total == 0


def test_beyond_the_bound_counts_are_estimated_from_a_sample(corpus, anonymous, request):
    exact = search("samenwerking", user=anonymous)
    request.getfixturevalue("sampling")

    estimated = search("samenwerking", user=anonymous)

    assert (exact.total_is_estimate, estimated.total_is_estimate) == (False, True)
    assert urls(estimated) == urls(exact)
    assert estimated.total > 0
    assert set(counts(estimated)["type"]) <= set(counts(exact)["type"])
