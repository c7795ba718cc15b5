"""The text pipeline: cleaning, folding, words, stems, title keys, compounds, snippets."""

import pytest

from insights.search import text
from insights.search.compounds import Splitter
from insights.search.documents import plain
from insights.search.highlight import mark_words, marked_html
from insights.search.query import parse


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Geïnteresseerden", "geinteresseerden"),
        ("crèche", "creche"),
        ("CAFÉ", "cafe"),
        ("Straße", "strasse"),
        ("ĳsselmeer", "ijsselmeer"),
        ("samenwerking", "samenwerking"),
    ],
)
def test_fold_lowers_case_and_removes_diacritics(raw, folded):
    assert text.fold(raw) == folded


def test_clean_removes_control_and_private_use_characters():
    assert text.clean("samen\x00werking\ue000 in\tde\n\nwijk\x7f ") == "samen werking in de wijk"


def test_words_split_on_everything_but_letters_and_digits():
    assert text.words("Platform31: auto's, e-mail & zorg_welzijn 🙂") == [
        "platform31",
        "auto",
        "s",
        "e",
        "mail",
        "zorg",
        "welzijn",
    ]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("samenwerking", "samenwerk"),
        ("samenwerkingen", "samenwerk"),
        ("samenwerken", "samenwerk"),
        ("gemeenten", "gemeent"),
        ("geinteresseerden", "geinteresseerd"),
        ("integraal", "integral"),
        ("integrale", "integral"),
        ("platform31", "platform31"),
    ],
)
def test_stem_is_dutch_porter_as_in_postgresql(word, stem):
    assert text.stem(word) == stem


def test_title_key_ignores_order_case_accents_and_stop_words():
    assert text.title_key(text.words("Klaar De Smaele")) == "klar smael"
    assert text.title_key(text.words("smaele, KLAAR")) == "klar smael"


def test_title_key_of_a_long_text_is_empty():
    assert text.title_key(text.words("een twee drie vier vijf zes zeven acht negen tien")) == ""


VOCABULARY = {
    "samenwerking": 50,
    "samen": 100,
    "werking": 3,
    "netwerk": 10,
    "netwerksamenwerking": 1,
    "meer": 300,
    "partijen": 8,
    "verband": 5,
    "samenwerkingsverband": 4,
    "zorg": 80,
    "akkoord": 6,
}


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("netwerksamenwerking", ("netwerk", "samenwerking")),
        ("meerpartijensamenwerking", ("meer", "partijen", "samenwerking")),
        ("samenwerkingsverband", ("samenwerking", "verband")),  # linking -s-
        ("zorgakkoord", ("zorg", "akkoord")),
        (
            "netwerksamenwerkingsverband",
            ("netwerk", "netwerksamenwerking", "samenwerking", "samenwerkingsverband", "verband"),
        ),
        ("samenwerking", ()),  # more common than "samen" and "werking" together: a word
        ("woonzorgcentrum", ()),  # parts unknown to the portal
        ("zorg", ()),
    ],
)
def test_compound_splits_into_known_words(word, parts):
    assert Splitter(VOCABULARY).parts(word) == parts


def test_plain_text_of_markdown():
    assert plain("Zie **de** [site](https://example.org) & <b>meer</b>") == "Zie de site & meer"
    assert plain("Gewone   tekst\nover twee regels") == "Gewone tekst over twee regels"


def test_marked_html_escapes_before_marking():
    assert marked_html("<script>\ue000zorg\ue001</script>") == (
        "&lt;script&gt;<mark>zorg</mark>&lt;/script&gt;"
    )


def test_mark_words_marks_stems_prefixes_and_compounds_safely():
    html = mark_words(
        "<b>Samenwerken</b> & netwerksamenwerking; samenwerkingsverbanden.",
        parse("samenwerking"),
    )

    assert html == (
        "&lt;b&gt;<mark>Samenwerken</mark>&lt;/b&gt; &amp; <mark>netwerksamenwerking</mark>; "
        "<mark>samenwerkingsverbanden</mark>."
    )


def test_mark_words_shows_the_part_with_the_matches():
    content = " ".join(["woord"] * 100 + ["subsidie"] + ["woord"] * 100)

    html = mark_words(content, parse("subsidie"), words=10)

    assert html.startswith("… woord woord woord <mark>subsidie</mark>")
    assert html.endswith(" …")
