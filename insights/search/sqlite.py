"""Search on SQLite: FTS5 over folded, stemmed words, bm25 with column weights.

The FTS5 table ``insights_searchentry_fts`` (migration 0004) has one column per weight; its
rowid is the entry's id. Python folds and stems the text on the way in (``text``), and the
query words the same way, so the index and the query agree; ``dutch_porter`` is the stemmer
PostgreSQL uses, so both databases find the same things. Since the index holds stems, the
snippets are marked in Python (``highlight.mark_words``), for the results on the page only.

As on PostgreSQL, ``sample`` counts facet values in a fixed sample of the entries (by a hash
of the id), which also estimates the number of matches; only when that is small do ``count``
and ``facet_counts`` count exactly. bm25 ranks every match: at SQLite's scale (ten thousand
events) that stays fast.
"""

import datetime
from itertools import islice

from django.db import connection

from events.sql import where
from insights.search import sql as shared
from insights.search import storage, text
from insights.search.documents import item_dates
from insights.search.highlight import mark_words
from insights.search.models import SearchWord
from insights.search.query import AnyOf, Phrase

# bm25 weights of the columns A, B, C, D.
WEIGHTS = "10.0, 4.0, 2.0, 1.0"
# The sample (see ``sample``): about SAMPLE_ROWS entries and about SAMPLE_MATCHES matches.
SAMPLE_ROWS = 30_000
# bm25 ranks every match up to here; beyond it, the most recent candidates (see ``page``).
RANK_ALL_BELOW = 2000
ROWID = "insights_searchentry_fts.rowid"
TABLE_SIZE = "coalesce((SELECT max(id) FROM insights_searchentry), 0)"
TRIGRAM_CANDIDATES = 30
# The matches drive the join (CROSS JOIN fixes SQLite's join order): with an index on a filtered
# column (the type, a facet value) the planner may otherwise loop over the entries and ask FTS5
# about each one, which costs seconds when the filter keeps many. Only the few entries with the
# query's title key (an indexed column) are better found first and then checked against FTS5.
FROM_MATCHES = (
    "insights_searchentry_fts CROSS JOIN insights_searchentry "
    "ON insights_searchentry.id = insights_searchentry_fts.rowid"
)
FROM_TITLE_KEY = (
    "insights_searchentry CROSS JOIN insights_searchentry_fts "
    "ON insights_searchentry.id = insights_searchentry_fts.rowid"
)

# Query text ------------------------------------------------------------------------------------


def fts_query(query):
    """``query`` in FTS5 syntax, over stems; every term quoted."""
    required = " AND ".join(_fts_item(item) for item in query.required)
    if not query.excluded:
        return required
    excluded = " OR ".join(_fts_item(item) for item in query.excluded)
    return f"({required}) NOT ({excluded})"


def _fts_item(item):
    if isinstance(item, AnyOf):
        return "(" + " OR ".join(_fts_item(option) for option in item.options) + ")"
    if isinstance(item, Phrase):
        return _quoted(" ".join(word.stem for word in item.words))
    return _quoted(item.stem) + ("*" if item.prefix else "")


def _quoted(value):
    return '"' + value.replace('"', '""') + '"'


def stems(value):
    """The folded, stemmed words of ``value``, as the FTS5 table stores them."""
    return " ".join(text.stem(word) for word in text.words(value))


def _matches(query):
    """FROM clause, condition and parameters for "the entry matches ``query``"."""
    if query.is_empty:
        return "insights_searchentry", "1 = 1", []
    return FROM_MATCHES, "insights_searchentry_fts MATCH %s", [fts_query(query)]


# Searching -------------------------------------------------------------------------------------


def sample(query, entries):
    """Facet counts of ``query``'s matches in a sample of ``entries`` (see ``Sample``).

    The sample is a fixed share of the entries by a hash of the id: about ``SAMPLE_ROWS`` of
    the table, and at most about ``SAMPLE_MATCHES`` matches (all of them when there are fewer).
    The hash is taken of the FTS5 rowid, so the entries left out are never read.
    """
    source, match, match_params = _matches(query)
    condition, params = where(entries)
    if query.is_empty:
        row_id, matches, matches_params = "insights_searchentry.id", TABLE_SIZE, []
    else:
        row_id = ROWID
        matches = (
            "(SELECT count(*) FROM insights_searchentry_fts WHERE insights_searchentry_fts "
            "MATCH %s)"
        )
        matches_params = match_params
    rows = shared.fetch(
        f"""
        WITH share AS MATERIALIZED (
            SELECT min(
                1000,
                max(1, 1000 * {SAMPLE_ROWS} / max(1, {TABLE_SIZE})),
                max(1, 1000 * {shared.SAMPLE_MATCHES} / max(1, {matches}))
            ) AS value
        ),
        counted AS (
            SELECT f.value_id, count(*) AS number
            FROM {source} JOIN insights_searchentryfacet f
                 ON f.entry_id = insights_searchentry.id
            WHERE {match} AND ({row_id} * {shared.HASH}) %% 1000 < (SELECT value FROM share)
              AND {condition}
            GROUP BY f.value_id
        ),
        {_TOP}
        SELECT top.*, 1000.0 / share.value FROM share LEFT JOIN top ON 1
        """,
        [*matches_params, *match_params, *params, shared.FACET_VALUES],
    )
    return shared.Sample(rows=[row[:4] for row in rows if row[0] is not None], scale=rows[0][4])


def count(query, entries, *, bound):
    """How many of ``entries`` match ``query``, counted up to ``bound + 1``."""
    source, match, match_params = _matches(query)
    condition, params = where(entries)
    return shared.fetch(
        f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {match} AND {condition} LIMIT %s)",
        [*match_params, *params, bound + 1],
    )[0][0]


def facet_counts(query, entries):
    """(facet, value, label, count) of all matches (when the caller counted few)."""
    source, match, match_params = _matches(query)
    condition, params = where(entries)
    return shared.fetch(
        f"""
        WITH counted AS (
            SELECT f.value_id, count(*) AS number
            FROM {source} JOIN insights_searchentryfacet f
                 ON f.entry_id = insights_searchentry.id
            WHERE {match} AND {condition}
            GROUP BY f.value_id
        ),
        {_TOP}
        SELECT * FROM top
        """,
        [*match_params, *params, shared.FACET_VALUES],
    )


# The most frequent values of CTE ``counted`` (``shared.TOP``).
_TOP = shared.TOP.format(
    labelled="counted JOIN insights_searchfacetvalue v ON v.id = counted.value_id"
)


def snippet(text, query):
    """The index holds stems, so the words are marked here, in the results' own text."""
    return mark_words(text, query)


def page_query(query, entries, *, matches, exact, sampled, offset, limit):
    """The SQL and parameters of one page of ranked results.

    bm25 ranks every match when there are few (``matches``, ``exact`` or estimated);
    otherwise only the ``RECENT_CANDIDATES`` most recent ones, which FTS5 hands out first
    when asked for the highest rowids (a rebuild numbers the entries by date; see
    ``rebuild``), and those whose title key is the query's.
    """
    source, match, match_params = _matches(query)
    condition, params = where(entries)
    key = query.title_key
    if query.is_empty or exact or matches <= RANK_ALL_BELOW:
        order = ["insights_searchentry.date DESC NULLS LAST", "insights_searchentry.id DESC"]
        if not query.is_empty:
            order.insert(0, f"bm25(insights_searchentry_fts, {WEIGHTS})")
        if key:
            order.insert(0, "insights_searchentry.title_key = %s DESC")
        sql = f"""
            SELECT insights_searchentry.id, item_type, title, context, url, date, content
            FROM {source} WHERE {match} AND {condition}
            ORDER BY {", ".join(order)} LIMIT %s OFFSET %s
        """
        sql_params = [*match_params, *params, *([key] if key else []), limit, offset]
    else:

        def candidates(source):
            return (
                f"SELECT insights_searchentry.id AS id, bm25(insights_searchentry_fts, {WEIGHTS}) "
                f"AS score FROM {source} WHERE {match} AND {condition}"
            )

        channels = [f"SELECT * FROM ({candidates(source)} ORDER BY {ROWID} DESC LIMIT %s)"]
        sql_params = [*match_params, *params, shared.RECENT_CANDIDATES]
        if key:
            channels.append(
                f"SELECT * FROM ({candidates(FROM_TITLE_KEY)} "
                "AND insights_searchentry.title_key = %s LIMIT %s)"
            )
            sql_params += [*match_params, *params, key, shared.EXACT_CANDIDATES]
        order = ["candidates.score", "e.date DESC NULLS LAST", "e.id DESC"]
        if key:
            order.insert(0, "e.title_key = %s DESC")
        sql = f"""
            WITH candidates AS ({" UNION ".join(channels)})
            SELECT e.id, e.item_type, e.title, e.context, e.url, e.date, e.content
            FROM candidates JOIN insights_searchentry e ON e.id = candidates.id
            ORDER BY {", ".join(order)} LIMIT %s OFFSET %s
        """
        sql_params += [*([key] if key else []), limit, offset]
    return sql, sql_params


def similar_words(words):
    """{typed word: [known words that look like it, best first]} for ``words``.

    Candidates share trigrams with the typed word (FTS5 trigram index), ranked by trigram
    similarity as pg_trgm computes it.
    """
    selects, params = [], []
    for number, word in enumerate(words):
        selects.append(
            f"SELECT * FROM (SELECT {number}, w.word, w.frequency FROM insights_searchword_fts "
            "JOIN insights_searchword w ON w.id = insights_searchword_fts.rowid "
            "WHERE insights_searchword_fts MATCH %s "
            f"ORDER BY bm25(insights_searchword_fts) LIMIT {TRIGRAM_CANDIDATES})"
        )
        params.append(" OR ".join(_quoted(gram) for gram in _trigrams(word)))
    scored = {}
    for number, candidate, frequency in shared.fetch(" UNION ALL ".join(selects), params):
        score = similarity(words[number], candidate)
        if score >= shared.SIMILARITY and candidate != words[number]:
            scored.setdefault(words[number], []).append((-score, -frequency, candidate))
    return {
        typed: [candidate for *_, candidate in sorted(found)[: shared.SUGGESTION_CANDIDATES]]
        for typed, found in scored.items()
    }


def first_match(number, condition):
    """See ``Engine.first_match``: FTS5 finds the word, stemmed in Python as indexed."""
    return (
        f"SELECT * FROM (SELECT {number} FROM {FROM_MATCHES} "
        f"WHERE insights_searchentry_fts MATCH %s AND {condition} LIMIT 1)"
    )


def word_parameter(word):
    return _quoted(stems(word))


def similarity(first, second):
    """Trigram similarity as pg_trgm defines it: shared trigrams / all trigrams."""
    first_grams, second_grams = _padded_trigrams(first), _padded_trigrams(second)
    union = first_grams | second_grams
    return len(first_grams & second_grams) / len(union) if union else 0.0


def _padded_trigrams(word):
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def _trigrams(word):
    return sorted({word[index : index + 3] for index in range(len(word) - 2)})


# Writing ---------------------------------------------------------------------------------------


def write_texts(texts):
    """Index entries from (entry id, (A, B, C, D)) pairs."""
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO insights_searchentry_fts (rowid, a, b, c, d) VALUES (%s, %s, %s, %s, %s)",
            [(entry_id, *(stems(value) for value in weighted)) for entry_id, weighted in texts],
        )


def delete_texts(entry_ids):
    entry_ids = iter(entry_ids)
    with connection.cursor() as cursor:
        while chunk := list(islice(entry_ids, 10_000)):
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"DELETE FROM insights_searchentry_fts WHERE rowid IN ({placeholders})", chunk
            )


def words_added(words):
    """Add ``words`` (just stored in ``SearchWord``) to the trigram index."""
    with connection.cursor() as cursor:
        for chunk in _chunks(words, 10_000):
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                "INSERT INTO insights_searchword_fts (rowid, word) "
                f"SELECT id, word FROM insights_searchword WHERE word IN ({placeholders})",
                chunk,
            )


def _chunks(values, size):
    values = iter(values)
    while chunk := list(islice(values, size)):
        yield chunk


# Rebuilding ------------------------------------------------------------------------------------


def rebuild(batches, *, splitter, words, progress):
    """Replace the whole index with the documents in ``batches`` (lists of ``Document``).

    Entry ids (the FTS5 rowids) follow the items' dates, oldest first and undated before
    them all, so that the highest rowids are the most recent entries (see ``page``). Entries
    added later get higher ids still: they are new.
    """
    with connection.cursor() as cursor:
        for table in (
            "insights_searchentry_fts",
            "insights_searchword_fts",
            "insights_searchentryfacet",
            "insights_searchentry",
            "insights_searchfacetvalue",
            "insights_searchword",
        ):
            cursor.execute(f"DELETE FROM {table}")
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, frequency=number) for word, number in sorted(words.items())],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO insights_searchword_fts (rowid, word) "
            "SELECT id, word FROM insights_searchword"
        )
    ids = _ids_by_date()
    for batch in batches:
        write_texts(storage.insert(batch, splitter=splitter, ids=ids))
        progress.update(len(batch))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO insights_searchentry_fts (insights_searchentry_fts) VALUES ('optimize')"
        )


def _ids_by_date():
    """{(item type, item id): entry id}, numbered by date (undated first)."""
    order = sorted(
        item_dates(),
        key=lambda item: (item[2] is not None, item[2] or datetime.date.min, item[0], item[1]),
    )
    return {(item_type, item_id): number for number, (item_type, item_id, _) in enumerate(order, 1)}
