"""The search page: what a visitor sees, bad input, and a constant number of queries."""

import re

import pytest

from insights.search.indexing import rebuild_index
from insights.search.models import SearchEntry
from tests import factories
from tests.html import (
    chips,
    facet_links,
    hits,
    labelled_links,
    links,
    main_text,
    pagination,
    select,
    texts,
)

pytestmark = pytest.mark.django_db


def test_results_page_shows_hits_marked_with_type_and_source(corpus, client):
    response = client.get("/zoeken/", {"q": "meerpartij"})

    assert texts(response, ".result-summary") == ["1 resultaat voor “meerpartij”"]
    assert hits(response) == [
        "Inzicht 1 mei 2023 Meerpartijensamenwerking lukt alleen met heldere afspraken. "
        "Uit: Samenwerking tussen huisarts en wijkteam"
    ]
    assert labelled_links(response, ".search-hit .card__title a") == [
        ("Meerpartijensamenwerking lukt alleen met heldere afspraken.", "/inzichten/multiparty/")
    ]
    assert texts(response, ".search-hit mark") == ["Meerpartijensamenwerking"]


def test_empty_page_explains_the_syntax_and_shows_popular_themes(corpus, client):
    response = client.get("/zoeken/")

    assert '"gedeelde agenda" Precies deze woorden, in deze volgorde.' in main_text(response)
    assert texts(response, ".search-start .tag-list li") == [
        "Wonen en zorg",
        "Eenzaamheid",
        "Eerste lijn",
        "Regionale samenwerking",
    ]


def test_zero_results_suggest_a_spelling_that_runs_the_search(corpus, client):
    response = client.get("/zoeken/", {"q": "mantelzrg", "domein": "zorg"})

    assert texts(response, ".search-suggestion") == ["Bedoelde u: mantelzorg ?"]
    assert labelled_links(response, ".search-suggestion a") == [
        ("mantelzorg", "/zoeken/?q=mantelzorg&domein=zorg")
    ]
    text = main_text(response)
    assert "Niets gevonden voor “mantelzrg”." in text
    assert "Haal een filter weg, of zoek zonder filters" in text


def test_facet_links_add_and_remove_filters(corpus, client):
    response = client.get("/zoeken/", {"q": "samenwerking", "domein": "zorg"})

    facets = facet_links(response)
    assert facets["Jaar"] == [
        ("2023", "/zoeken/?q=samenwerking&domein=zorg&jaar=2023"),
        ("2022", "/zoeken/?q=samenwerking&domein=zorg&jaar=2022"),
    ]
    assert facets["Domein"] == [("Gekozen, haal weg: Zorg", "/zoeken/?q=samenwerking")]
    assert chips(response) == [("Verwijder filter Domein: Zorg", "/zoeken/?q=samenwerking")]
    # A new search keeps the filter.
    kept = select(response, 'form.search-form input[type="hidden"]')
    assert [(field.get("name"), field.get("value")) for field in kept] == [("domein", "zorg")]


def test_notes_explain_what_happened_to_the_query(corpus, client):
    text = main_text(client.get("/zoeken/", {"q": "zonder subsidie IZA"}))

    assert "Niet gezocht op veelvoorkomende woorden: zonder." in text
    assert "Ook gezocht op integraal zorgakkoord (zelfde betekenis als iza)." in text


def test_member_sees_members_only_results_anonymous_does_not(corpus, client, member):
    assert "Ledenbijeenkomst" not in main_text(client.get("/zoeken/", {"q": "samenwerking"}))
    client.force_login(member)
    assert "Ledenbijeenkomst" in main_text(client.get("/zoeken/", {"q": "samenwerking"}))


def test_estimated_total_says_so(corpus, client, sampling):
    response = client.get("/zoeken/", {"q": "samenwerking"})

    [summary] = texts(response, ".result-summary")
    assert re.fullmatch(r"ongeveer \d+ resultaten voor “samenwerking”", summary)
    assert texts(response, ".search-facets .meta") == [
        "Bij zoveel resultaten zijn de aantallen schattingen."
    ]


HOSTILE = [
    ({"q": "samenwerking " * 1000}, 200, "alleen het begin is gebruikt"),
    ({"q": '""""""'}, 200, "geen woord in uw zoekopdracht"),
    ({"q": "OR OF - -- ( ) * : & | ! <-> ^ ~"}, 200, "geen woord in uw zoekopdracht"),
    ({"q": "-subsidie"}, 200, "Met alleen woorden om uit te sluiten"),
    ({"q": "samen\x00werking"}, 200, "Zoeken"),
    ({"q": "🙂 samenwerking 🙂"}, 200, "6 resultaten"),
    ({"q": "'; DROP TABLE insights_searchentry; --"}, 200, "Niets gevonden"),
    ({"q": "samenwerking' & 'x':* | !y"}, 200, "Niets gevonden"),
    ({"q": 'NEAR("a" "b") col:zorg ^x "*"'}, 200, "Niets gevonden"),
    ({"q": "\\"}, 200, "geen woord in uw zoekopdracht"),
    ({"q": "samenwerking", "pagina": "-1"}, 200, "‘-1’ is geen paginanummer"),
    ({"q": "samenwerking", "pagina": "abc"}, 200, "‘abc’ is geen paginanummer"),
    ({"q": "samenwerking", "pagina": "999999"}, 404, "U vroeg om pagina 999999"),
    ({"q": "samenwerking", "domein": "nergens"}, 200, "er is geen domein ‘nergens’"),
    ({"q": "samenwerking", "thema": "x" * 500}, 200, "is geen geldige waarde"),
    ({"q": "samenwerking", "jaar": "twintig"}, 200, "‘twintig’ is geen jaartal"),
    ({"q": "samenwerking", "type": "geheim"}, 200, "‘geheim’ is geen soort resultaat"),
    ({"q": "samenwerking", "soort": "<script>"}, 200, "‘<script>’ is geen geldige waarde"),
    ({"q": "samenwerking", "soort": "lezing"}, 200, "er is geen soort ‘lezing’"),
    ({"q": ["zorg", "wonen"]}, 200, "deze parameter mag maar één keer"),
]


@pytest.mark.parametrize(("params", "status", "message"), HOSTILE)
def test_bad_input_gets_a_clear_answer(corpus, client, params, status, message):
    entries = SearchEntry.objects.count()

    response = client.get("/zoeken/", params)

    assert response.status_code == status
    assert message in main_text(response)
    assert SearchEntry.objects.count() == entries


def test_empty_parameters_are_dropped_from_the_address(corpus, client):
    response = client.get("/zoeken/", {"q": "zorg", "thema": "", "pagina": ""})

    assert (response.status_code, response["Location"]) == (302, "/zoeken/?q=zorg")


def test_second_page(db, client):
    for number in range(25):
        factories.takeaway(text=f"Buurtkracht nummer {number}.")
    rebuild_index()

    response = client.get("/zoeken/", {"q": "buurtkracht", "pagina": "2"})

    assert len(hits(response)) == 5
    assert [results.get("start") for results in select(response, "ol.search-results")] == ["21"]
    assert pagination(response) == [
        ("Vorige", "/zoeken/?q=buurtkracht"),
        ("Pagina 1", "/zoeken/?q=buurtkracht"),
        ("Pagina 2", "/zoeken/?q=buurtkracht&pagina=2"),
    ]
    assert links(response, '.pagination [rel="prev"]') == ["/zoeken/?q=buurtkracht"]


@pytest.fixture
def matching(db):
    def make(number):
        event = factories.event(title="Dorpsgesprek", tags=["Leefbaarheid"], domains=["wonen"])
        for index in range(number):
            factories.takeaway(
                event=event, text=f"Dorpsgesprek {index} over leefbaarheid.", tags=["Dorp"]
            )
        rebuild_index()

    return make


@pytest.mark.parametrize("number", [1, 5])
@pytest.mark.parametrize(
    ("params", "queries", "besides_takeaways"),
    [
        # The content generation, the synonym table (not cached yet), whether the search
        # backlog holds anything, the people and the organisations the visitor may not find
        # (not cached yet), the known words, the facets in a sample (the whole index here, so
        # exact), the page. The event is found with its takeaways.
        ({"q": "dorpsgesprek"}, 8, 1),
        # And the domain and theme (by slug, with the themes hidden from the visitor) and their
        # facet values. Only the takeaways have the theme.
        ({"q": "dorpsgesprek", "domein": "wonen", "thema": "dorp"}, 12, 0),
    ],
)
def test_queries_do_not_grow_with_the_results(
    matching, client, django_assert_num_queries, number, params, queries, besides_takeaways
):
    matching(number)

    with django_assert_num_queries(queries):
        response = client.get("/zoeken/", params)

    assert response.status_code == 200
    assert len(hits(response)) == number + besides_takeaways
