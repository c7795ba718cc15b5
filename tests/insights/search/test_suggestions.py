"""Spelling suggestions from the portal's own vocabulary."""

import pytest

from insights.search.engine import search
from insights.search.models import SearchWord
from insights.search.suggest import corrected

pytestmark = pytest.mark.django_db


def test_misspelt_word_gets_the_intended_one(corpus, anonymous):
    results = search("samenwerkng", user=anonymous)

    assert results.total == 0
    assert results.suggestions == {"samenwerkng": "samenwerking"}
    assert results.corrected_query == "samenwerking"


def test_only_the_misspelt_words_are_replaced(corpus, anonymous):
    results = search("Eenzaamhied onder ouderen", user=anonymous)

    assert results.corrected_query == "eenzaamheid onder ouderen"


def test_the_corrected_query_finds_something(corpus, anonymous):
    corrected_query = search("mantelzrg", user=anonymous).corrected_query

    assert search(corrected_query, user=anonymous).total == 1


def test_known_words_get_no_suggestion(corpus, anonymous):
    assert search("samenwerking", user=anonymous).suggestions == {}


def test_a_prefix_being_typed_is_not_corrected(corpus, anonymous):
    assert search("meerpartij", user=anonymous).suggestions == {}


def test_nothing_alike_gets_no_suggestion(corpus, anonymous):
    assert search("xylofoonquiz", user=anonymous).suggestions == {}


def test_vocabulary_holds_public_words_only(corpus):
    words = set(SearchWord.objects.values_list("word", flat=True))

    assert {"samenwerking", "netwerk", "partijen", "smaele", "platform31"} <= words
    assert not {"kwartiermakers", "vertrouwelingen", "ledenbijeenkomst", "geheimhouding"} & words


def test_corrected_keeps_the_rest_of_the_query():
    assert corrected('"Samenwerkng" -wijk OF zorg', {"samenwerkng": "samenwerking"}) == (
        '"samenwerking" -wijk OF zorg'
    )
