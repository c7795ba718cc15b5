"""Spelling suggestions ("Bedoelde u: samenwerking?") from the portal's own vocabulary.

For each word of the query that the vocabulary does not know, the database module proposes
known words that look like it (pg_trgm on PostgreSQL, an FTS5 trigram index on SQLite); the
first of them that finds something the user may see is the suggestion. The vocabulary holds
only public words, and that last check keeps a word out that has since become invisible.
"""

from events.sql import where
from insights.search import text
from insights.search.sql import fetch


def suggestions(unknown_words, visible, *, db):
    """{typed word: suggested word} for the words of a query the vocabulary does not know."""
    words = [word for word in unknown_words if not text.is_stop_word(word) and len(word) >= 3]
    similar = db.similar_words(words) if words else {}
    # A longer word that starts with the typed one was found as a prefix, and a shorter one
    # the typed word starts with is no correction: "meerpartij" is neither "meer" nor a typo.
    similar = {
        typed: [word for word in found if not (word.startswith(typed) or typed.startswith(word))]
        for typed, found in similar.items()
    }
    candidates = list(dict.fromkeys(word for found in similar.values() for word in found))
    if not candidates:
        return {}
    usable = findable(candidates, visible, db=db)
    result = {}
    for typed, found in similar.items():
        best = next((word for word in found if word in usable), None)
        if best:
            result[typed] = best
    return result


def findable(words, visible, *, db):
    """Those of ``words`` that find at least one entry in ``visible``: one query."""
    condition, params = where(visible)
    checks = " UNION ALL ".join(db.first_match(number, condition) for number in range(len(words)))
    found = fetch(checks, [value for word in words for value in (db.word_parameter(word), *params)])
    return {words[number] for (number,) in found}


def corrected(query_string, suggestions):
    """``query_string`` with the misspelt words replaced by their suggestions."""
    return text.WORD.sub(
        lambda match: suggestions.get(text.fold(match.group()), match.group()), query_string
    )
