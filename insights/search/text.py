"""The Dutch text pipeline shared by indexing and querying: clean, fold, split into words, stem.

PostgreSQL runs the same steps in SQL through the ``dwarsverband`` text search configuration
(``unaccent``, then the Dutch Snowball stemmer, stop words kept); SQLite gets words that went
through these functions. ``dutch_porter`` in snowballstemmer 3 is the algorithm PostgreSQL 15
calls ``dutch``, so both databases produce the same lexemes.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# PostgreSQL's tsearch_data/dutch.stop, folded. Stop words stay in the index (so a query made
# only of stop words still finds something) and are left out of a query that has other words.
_DUTCH_STOP = """
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
"""
STOP_WORDS = frozenset(_DUTCH_STOP.split())

# Letters and digits: what PostgreSQL's parser keeps as (parts of) words.
WORD = re.compile(r"[^\W_]+")
# Control characters and the private-use area (which highlighting uses as markers).
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
# The combining marks NFKD splits off Latin letters (é → e + ◌́), and other marks blocks.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters that NFKD does not decompose but PostgreSQL's unaccent rules do.
_UNACCENT = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})

_stemmer = snowballstemmer.stemmer("dutch_porter")


def clean(text):
    """``text`` without control or private-use characters, whitespace collapsed."""
    if not text:
        return ""
    if not text.isprintable():
        text = _UNWANTED.sub(" ", text)
    return " ".join(text.split())


def fold(text):
    """Lower case without diacritics: "Geïnteresseerden" → "geinteresseerden"."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_UNACCENT)


def words(text):
    """The folded words of ``text``, in order."""
    return WORD.findall(fold(text or ""))


def long_words(text, length):
    """The distinct folded words of ``text`` of at least ``length`` letters and digits."""
    return set(re.findall(rf"[^\W_]{{{length},}}", fold(text or "")))


@lru_cache(maxsize=200_000)
def stem(word):
    """The Dutch stem of a folded ``word``; words with digits (Platform31) stay as they are."""
    if any(char.isdigit() for char in word):
        return word
    return _stemmer.stemWord(word)


def is_stop_word(word):
    return word in STOP_WORDS


def title_key(folded_words, *, max_words=8):
    """Sorted stems of the (folded) words that are not stop words; "" for a long text.

    Two texts with the same key name the same thing: "Klaar De Smaele" and "klaar smaele".
    Search puts an item whose title key equals the query's first (a name finds its page).
    """
    found = {word for word in folded_words if word not in STOP_WORDS}
    if not found or len(found) > max_words:
        return ""
    return " ".join(sorted({stem(word) for word in found}))[:255]
