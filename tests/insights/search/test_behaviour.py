"""What people type, and what they must find: the same table on SQLite and on PostgreSQL.

The database is whichever the suite runs on; nothing is mocked (see conftest.py's corpus).
"""

import datetime

import pytest

from insights.search.engine import search
from insights.search.indexing import rebuild_index
from tests import factories

pytestmark = pytest.mark.django_db

# (query, the corpus item it must find among the first three results)
TOP_THREE = [
    # Stemming: the forms of a word find each other.
    ("samenwerking", "title_event"),
    ("samenwerkingen", "plural"),
    ("samenwerken", "verb"),
    ("samenwerkingen", "title_event"),
    # Compounds: a part of a compound matches ("samenwerking" in "netwerksamenwerking").
    ("samenwerking agenda", "network"),
    ("samenwerking afspraken", "multiparty"),
    ("partijen samenwerking", "multiparty"),
    # Prefix of the last word, as it is typed.
    ("meerpartij", "multiparty"),
    ("woningcorpora", "verb"),
    # Accents and case.
    ("geinteresseerden", "accents"),
    ("GEÏNTERESSEERDEN", "accents"),
    ("creche", "accents"),
    ("crèche", "accents"),
    # Phrases.
    ('"gedeelde agenda"', "network"),
    ('"niet meer"', "not_anymore"),
    # Exclusion.
    ("wijkteam -huisarts", "wijkteam_only"),
    ("wijkteam -huisarts", "mantelzorg"),
    # Alternatives, upper case OR and OF.
    ("woningcorporaties OF mantelzorg", "verb"),
    ("woningcorporaties OF mantelzorg", "mantelzorg"),
    ("woningcorporaties OR mantelzorg", "mantelzorg"),
    # Synonyms and abbreviations, both ways, also inflected.
    ("IZA", "iza_publication"),
    ("Integraal Zorgakkoord", "iza"),
    ("integrale zorgakkoord", "iza"),
    # Stop words never empty a query.
    ("niet meer", "not_anymore"),
    ("zonder subsidie", "subsidy"),
    # Names.
    ("Klaar De Smaele", "klaar"),
    ("klaar de smaele", "attributed"),
    ("Platform31", "platform31"),
    ("platform31", "webinar"),
]


def urls(results):
    return [hit.url for hit in results.hits]


@pytest.mark.parametrize(("query", "expected"), TOP_THREE)
def test_query_finds_item_in_top_three(corpus, anonymous, query, expected):
    results = search(query, user=anonymous)

    assert corpus[expected].get_absolute_url() in urls(results)[:3]


@pytest.mark.parametrize(
    ("query", "expected"), [("Klaar De Smaele", "klaar"), ("Platform31", "platform31")]
)
def test_name_finds_its_page_first(corpus, anonymous, query, expected):
    results = search(query, user=anonymous)

    assert urls(results)[0] == corpus[expected].get_absolute_url()
    assert results.total > 1  # the events and takeaways that name them come after


def test_compounds_are_found_below_the_exact_word(corpus, anonymous):
    found = urls(search("samenwerking", user=anonymous))
    exact = [corpus[name].get_absolute_url() for name in ("title_event", "plural", "verb")]
    compounds = [corpus[name].get_absolute_url() for name in ("network", "multiparty")]

    assert set(exact + compounds) <= set(found)
    assert max(found.index(url) for url in exact) < min(found.index(url) for url in compounds)


def test_title_ranks_above_body(corpus, anonymous):
    found = urls(search("eenzaamheid", user=anonymous))

    assert found == [
        corpus["loneliness_event"].get_absolute_url(),
        corpus["body_event"].get_absolute_url(),
    ]


def test_ties_are_broken_by_recency(anonymous, db):
    older = factories.event(title="Dorpsdialoog", start_date=datetime.date(2020, 1, 1))
    newer = factories.event(title="Dorpsdialoog", start_date=datetime.date(2024, 1, 1))
    rebuild_index()

    assert urls(search("dorpsdialoog", user=anonymous)) == [
        newer.get_absolute_url(),
        older.get_absolute_url(),
    ]


def test_phrase_needs_the_words_in_order(corpus, anonymous):
    assert search('"agenda gedeelde"', user=anonymous).hits == []


def test_excluded_word_leaves_out_what_contains_it(corpus, anonymous):
    found = urls(search("wijkteam -huisarts", user=anonymous))

    assert corpus["title_event"].get_absolute_url() not in found
    assert found  # the takeaways about the wijkteam without a huisarts remain


def test_alternatives_find_either(corpus, anonymous):
    found = urls(search("woningcorporaties OF mantelzorg", user=anonymous))

    assert sorted(found) == sorted(
        [corpus["verb"].get_absolute_url(), corpus["mantelzorg"].get_absolute_url()]
    )


def test_lower_case_of_is_a_stop_word_not_an_operator(corpus, anonymous):
    results = search("woningcorporaties of mantelzorg", user=anonymous)

    assert results.query.ignored_stop_words == ("of",)
    assert results.total == 0  # no takeaway is about both


def test_synonyms_find_each_other_and_say_so(corpus, anonymous):
    results = search("IZA", user=anonymous)

    assert sorted(urls(results)) == sorted(
        [corpus["iza"].get_absolute_url(), corpus["iza_publication"].get_absolute_url()]
    )
    assert [(used.typed, used.alternatives) for used in results.query.synonyms] == [
        ("iza", ("integraal zorgakkoord",))
    ]


def test_only_stop_words_still_search(corpus, anonymous):
    results = search("niet meer", user=anonymous)

    assert urls(results) == [corpus["not_anymore"].get_absolute_url()]
    assert results.query.ignored_stop_words == ()


def test_stop_words_beside_other_words_are_left_out(corpus, anonymous):
    results = search("zonder subsidie", user=anonymous)

    assert urls(results) == [corpus["subsidy"].get_absolute_url()]
    assert results.query.ignored_stop_words == ("zonder",)


def test_snippet_marks_the_matching_words(corpus, anonymous):
    hit = search("eenzaamheid", user=anonymous).hits[1]

    assert "<mark>eenzaamheid</mark>" in hit.snippet
    assert hit.title_html == "Terugblik op het voorjaar"


def test_title_marks_compounds_and_prefixes(corpus, anonymous):
    [hit] = search("meerpartij", user=anonymous).hits

    assert (
        hit.title_html == "<mark>Meerpartijensamenwerking</mark> lukt alleen met heldere afspraken."
    )
