"""The search page: what a visitor sees, bad input, and a constant number of queries."""

import re
from html import unescape

import pytest

from insights.search.indexing import rebuild_index
from insights.search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db


def page_text(response):
    """The words in the page's main element, as a reader sees them."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_results_page_shows_hits_marked_with_type_and_source(corpus, client):
    response = client.get("/zoeken/", {"q": "meerpartij"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/inzichten/multiparty/"><mark>Meerpartijensamenwerking</mark>' in html
    text = page_text(response)
    assert "1 resultaat" in text
    assert "Inzicht" in text
    assert "Uit: Samenwerking tussen huisarts en wijkteam" in text


def test_empty_page_explains_the_syntax_and_shows_popular_themes(corpus, client):
    text = page_text(client.get("/zoeken/"))

    assert '"gedeelde agenda" Precies deze woorden, in deze volgorde.' in text
    assert "Veelgebruikte thema's Wonen en zorg" in text


def test_zero_results_suggest_a_spelling_that_runs_the_search(corpus, client):
    response = client.get("/zoeken/", {"q": "mantelzrg", "domein": "zorg"})

    html = response.content.decode()
    assert 'Bedoelde u: <a href="/zoeken/?q=mantelzorg&amp;domein=zorg">mantelzorg</a>?' in html
    text = page_text(response)
    assert "Niets gevonden voor “mantelzrg”." in text
    assert "Haal een filter weg, of zoek zonder filters" in text


def test_facet_links_add_and_remove_filters(corpus, client):
    html = client.get("/zoeken/", {"q": "samenwerking", "domein": "zorg"}).content.decode()

    assert 'href="/zoeken/?q=samenwerking&amp;domein=zorg&amp;jaar=2022">2022</a>' in html
    assert (
        'href="/zoeken/?q=samenwerking"><span class="visually-hidden">Gekozen, haal weg: '
        "</span>Zorg</a>"
    ) in html
    assert '<input type="hidden" name="domein" value="zorg">' in html


def test_notes_explain_what_happened_to_the_query(corpus, client):
    text = page_text(client.get("/zoeken/", {"q": "zonder subsidie IZA"}))

    assert "Niet gezocht op veelvoorkomende woorden: zonder." in text
    assert "Ook gezocht op integraal zorgakkoord (zelfde betekenis als iza)." in text


def test_member_sees_members_only_results_anonymous_does_not(corpus, client, member):
    assert "Ledenbijeenkomst" not in page_text(client.get("/zoeken/", {"q": "samenwerking"}))
    client.force_login(member)
    assert "Ledenbijeenkomst" in page_text(client.get("/zoeken/", {"q": "samenwerking"}))


def test_estimated_total_says_so(corpus, client, sampling):
    text = page_text(client.get("/zoeken/", {"q": "samenwerking"}))

    assert re.search(r"ongeveer \d+ resultaten", text)
    assert "Bij zoveel resultaten zijn de aantallen schattingen." in text


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
    assert message in page_text(response)
    assert SearchEntry.objects.count() == entries


def test_empty_parameters_are_dropped_from_the_address(corpus, client):
    response = client.get("/zoeken/", {"q": "zorg", "thema": "", "pagina": ""})

    assert (response.status_code, response["Location"]) == (302, "/zoeken/?q=zorg")


def test_second_page(db, client):
    for number in range(25):
        factories.takeaway(text=f"Buurtkracht nummer {number}.")
    rebuild_index()

    response = client.get("/zoeken/", {"q": "buurtkracht", "pagina": "2"})

    html = response.content.decode()
    assert html.count('class="card search-hit"') == 5
    assert '<ol class="card-list search-results" start="21">' in html
    assert 'href="/zoeken/?q=buurtkracht" rel="prev"' in html


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
    ("params", "queries"),
    [
        # The content generation, the synonym table (not cached yet), whether the search
        # backlog holds anything, the people and the organisations the visitor may not find
        # (not cached yet), the known words, the facets in a sample (the whole index here, so
        # exact), the page.
        ({"q": "dorpsgesprek"}, 8),
        # And the domain and theme (by slug) and their facet values.
        ({"q": "dorpsgesprek", "domein": "wonen", "thema": "dorp"}, 11),
    ],
)
def test_queries_do_not_grow_with_the_results(
    matching, client, django_assert_num_queries, number, params, queries
):
    matching(number)

    with django_assert_num_queries(queries):
        response = client.get("/zoeken/", params)

    assert response.status_code == 200
