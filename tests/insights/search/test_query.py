"""Parsing our query syntax, and widening it with synonyms (no database needed)."""

import pytest

from insights.search.query import MAX_TERMS, AnyOf, Phrase, Word, parse
from insights.search.synonyms import SynonymTable


def words(*values):
    return tuple(Word(value) for value in values)


def test_plain_words_all_required_and_the_last_is_a_prefix():
    assert parse("Samenwerking Wonen").required == (Word("samenwerking"), Word("wonen", True))


def test_phrase_and_exclusions():
    query = parse('"gedeelde agenda" wijk -huisarts -"eerste lijn"')

    assert query.required == (Phrase(words("gedeelde", "agenda")), Word("wijk", prefix=True))
    assert query.excluded == (Word("huisarts"), Phrase(words("eerste", "lijn")))


def test_or_and_of_join_their_neighbours():
    query = parse("zorg OR welzijn OF wonen buurt")

    assert query.required == (
        AnyOf(words("zorg", "welzijn", "wonen")),
        Word("buurt", prefix=True),
    )


@pytest.mark.parametrize("query_string", ["OR zorg", "zorg OF", "OF OR zorg", "zorg OR -welzijn"])
def test_stray_or_is_ignored(query_string):
    assert parse(query_string).required == (Word("zorg", prefix=True),)


def test_hyphenated_word_is_a_phrase():
    assert parse("zorg-welzijn").required == (Phrase(words("zorg", "welzijn")),)


def test_unclosed_quote_runs_to_the_end():
    assert parse('"niet meer').required == (Phrase(words("niet", "meer")),)


def test_stop_words_go_when_other_words_remain():
    query = parse("zonder subsidie")

    assert query.required == (Word("subsidie", prefix=True),)
    assert query.ignored_stop_words == ("zonder",)


def test_only_stop_words_are_kept_without_prefix():
    query = parse("niet meer")

    assert query.required == words("niet", "meer")
    assert query.ignored_stop_words == ()


def test_short_last_word_is_no_prefix():
    assert parse("zorg ab").required == (Word("zorg"), Word("ab"))


@pytest.mark.parametrize(
    "query_string",
    ["", "   ", '""', '"" "', "- -- ---", "OR OF", "!@#$%^&*()", "🙂🙂", "-subsidie"],
)
def test_nothing_to_search_for_is_an_empty_query(query_string):
    assert parse(query_string).is_empty


def test_operators_of_the_databases_are_plain_text():
    query = parse("zorg:* & !welzijn | 'x' <-> NEAR(a b) col:wonen ^y")

    assert all(isinstance(item, Word | Phrase) for item in query.required)
    assert [str(item) for item in query.required] == [
        "zorg",
        "welzijn",
        "x",
        '"near a"',
        "b",
        '"col wonen"',
        "y",
    ]


def test_too_many_terms_are_cut():
    query = parse(" ".join(f"woord{number}" for number in range(40)))

    assert len(query.required) == MAX_TERMS
    assert query.cut


def test_title_key_of_plain_words():
    assert parse("Klaar De Smaele").title_key == "klar smael"
    assert parse('"Klaar De Smaele"').title_key == ""


SYNONYMS = SynonymTable(
    [[("iza",), ("integraal", "zorgakkoord")], [("gala",), ("gezond", "en", "actief", "leven")]]
)


def test_abbreviation_widens_to_the_full_term():
    query = parse("IZA regio", synonyms=SYNONYMS)

    assert query.required == (
        AnyOf((Word("iza"), Phrase(words("integraal", "zorgakkoord")))),
        Word("regio", prefix=True),
    )
    assert [(used.typed, used.alternatives) for used in query.synonyms] == [
        ("iza", ("integraal zorgakkoord",))
    ]


def test_full_term_widens_to_the_abbreviation_also_inflected():
    query = parse("integrale zorgakkoorden", synonyms=SYNONYMS)

    assert query.required == (AnyOf((Word("iza"), Phrase(words("integraal", "zorgakkoord")))),)


def test_synonym_with_stop_words_inside_matches_before_stop_words_go():
    query = parse("Gezond en Actief Leven", synonyms=SYNONYMS)

    assert query.required == (
        AnyOf((Word("gala"), Phrase(words("gezond", "en", "actief", "leven")))),
    )
    assert query.ignored_stop_words == ()


def test_quoted_synonym_term_widens_too():
    query = parse('"integraal zorgakkoord"', synonyms=SYNONYMS)

    assert query.required == (AnyOf((Word("iza"), Phrase(words("integraal", "zorgakkoord")))),)
