"""Search on PostgreSQL: a stored weighted tsvector, GIN indexes, ts_rank, ts_headline, pg_trgm.

Writing: the ``vector`` column of ``insights_searchentry`` is computed in SQL from the weighted
texts (``to_tsvector('dwarsverband', …)``, see migration 0004), never per request. A rebuild
loads everything with COPY into a temporary table, computes every vector in one
INSERT … SELECT and builds the indexes and foreign keys afterwards.

Reading, in the order ``engine.search`` asks: a common word matches hundreds of thousands of
entries, and every matching row read from the table costs microseconds, so nothing here reads
them all. ``sample`` counts facet values in a fixed block sample of the table, which also
estimates the number of matches; only when that is small does ``count`` count exactly (up to
a bound) and ``facet_counts`` count every match. ``page`` ranks a bounded set of candidates:
all matches when they were counted; otherwise the most recent ones (found in a way that suits
their number, see ``_recent``), the matching people and organisations (no date, their own
small GIN index) and the entries whose title key equals the query's (a name finds its page).
``ts_headline`` marks the words for the page's results only.

Measured with EXPLAIN ANALYZE at 1.3 million entries; the notes in the code say why each
query has the shape it has.
"""

import csv
import io
import math
from itertools import islice

from django.db import connection

from events.sql import where
from insights.search import sql as shared
from insights.search.highlight import MARK_END, MARK_START, marked_html
from insights.search.query import AnyOf, Phrase

CONFIG = "dwarsverband"
# ts_rank weights for D, C, B, A.
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
# Candidates for ranking beyond the count bound (see ``page`` and ``_recent``).
UNDATED_CANDIDATES = 50
SORT_ALL_BELOW = 3 * shared.RECENT_CANDIDATES
WALK_INDEX_ABOVE = 50_000
# A walk of the date index reads at most this many times the rows it takes on average.
WALK_MARGIN = 4
# The sample (see ``sample``): about SAMPLE_ROWS rows, and about SAMPLE_MATCHES matches.
SAMPLE_ROWS = 10_000
SAMPLE_SEED = 7
# The number of rows in the table as the planner reckons it: the density ANALYZE saw times
# the current size (or a guess at the density before any ANALYZE).
TABLE_ROWS = """(
    SELECT CASE WHEN reltuples > 0 AND relpages > 0 THEN reltuples / relpages ELSE 10 END
           * pg_relation_size(oid) / current_setting('block_size')::int
    FROM pg_class WHERE oid = 'insights_searchentry'::regclass
)"""
# The planner's histogram of the entries' dates (ANALYZE keeps it).
DATE_HISTOGRAM = """(
    SELECT histogram_bounds::text FROM pg_stats
    WHERE schemaname = current_schema() AND tablename = 'insights_searchentry'
      AND attname = 'date'
)"""
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, ShortWord=2, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
TSQUERY = f"to_tsquery('{CONFIG}', %s)"
VECTOR = (
    f"setweight(to_tsvector('{CONFIG}', {{a}}), 'A') || "
    f"setweight(to_tsvector('{CONFIG}', {{b}}), 'B') || "
    f"setweight(to_tsvector('{CONFIG}', {{c}}), 'C') || "
    f"setweight(to_tsvector('{CONFIG}', {{d}}), 'D')"
)

# Query text ------------------------------------------------------------------------------------


def tsquery(query):
    """``query`` as input for ``to_tsquery``: every word quoted, so it is only ever a lexeme.

    PostgreSQL folds and stems each quoted word with the ``dwarsverband`` configuration, the
    same way it treated the indexed text.
    """
    parts = [_tsquery_item(item) for item in query.required]
    parts += [f"!{_tsquery_item(item)}" for item in query.excluded]
    return " & ".join(parts)


def _tsquery_item(item):
    if isinstance(item, AnyOf):
        return "(" + " | ".join(_tsquery_item(option) for option in item.options) + ")"
    if isinstance(item, Phrase):
        return "(" + " <-> ".join(_tsquery_item(word) for word in item.words) + ")"
    quoted = "'" + item.word.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:*" if item.prefix else quoted


def _match(query):
    """SQL condition and parameters for "the entry matches ``query``" (none: everything)."""
    if query.is_empty:
        return "1 = 1", []
    return f"vector @@ {TSQUERY}", [tsquery(query)]


# Searching -------------------------------------------------------------------------------------


def sample(query, entries):
    """Facet counts of ``query``'s matches in a sample of ``entries`` (see ``Sample``).

    A repeatable block sample (``TABLESAMPLE SYSTEM``) of about ``SAMPLE_ROWS`` rows of the
    table (all of it when it is small); of its matches, when there are many, a fixed share by
    a hash of the id, about ``SAMPLE_MATCHES``: a common word costs no more than a rare one.
    The table's size comes from the planner's statistics, as the planner computes it.
    """
    match, match_params = _match(query)
    condition, params = where(entries)
    rows = shared.fetch(
        f"""
        WITH stats AS MATERIALIZED (
            SELECT LEAST(100, 100.0 * {SAMPLE_ROWS} / GREATEST(rows, 1)) AS percentage, dates,
                   rows
            FROM (SELECT {TABLE_ROWS} AS rows, {DATE_HISTOGRAM} AS dates) AS planner
        ),
        matched AS MATERIALIZED (
            SELECT id FROM insights_searchentry
            TABLESAMPLE SYSTEM ((SELECT percentage FROM stats)) REPEATABLE ({SAMPLE_SEED})
            WHERE {match} AND {condition}
        ),
        shared AS MATERIALIZED (
            SELECT LEAST(
                1000, GREATEST(1, 1000 * {shared.SAMPLE_MATCHES} / GREATEST(count(*), 1))
            )
                   AS share
            FROM matched
        ),
        kept AS MATERIALIZED (
            SELECT id FROM matched WHERE (id * {shared.HASH}) %% 1000 < (SELECT share FROM shared)
        ),
        {_COUNTED.format(matched="kept")},
        {_TOP}
        SELECT top.facet, top.value, top.label, top.number,
               (100 / stats.percentage * 1000.0 / shared.share)::float, stats.dates,
               stats.rows::float
        FROM stats CROSS JOIN shared LEFT JOIN top ON true
        """,
        [*match_params, *params, shared.FACET_VALUES],
    )
    scale, dates, table_rows = rows[0][4:7]
    return shared.Sample(
        rows=[row[:4] for row in rows if row[0] is not None],
        scale=1.0 if abs(scale - 1) < 1e-9 else scale,
        dates=tuple(dates.strip("{}").split(",")) if dates else (),
        table_rows=table_rows,
    )


def count(query, entries, *, bound):
    """How many of ``entries`` match ``query``, counted up to ``bound + 1``."""
    match, match_params = _match(query)
    condition, params = where(entries)
    return shared.fetch(
        f"SELECT count(*) FROM (SELECT 1 FROM insights_searchentry WHERE {match} "
        f"AND {condition} LIMIT %s) AS bounded",
        [*match_params, *params, bound + 1],
    )[0][0]


def facet_counts(query, entries):
    """(facet, value, label, count) of all matches (when the caller counted few).

    No LIMIT (the caller counted them): with one, the planner may bet on a sequential scan.
    """
    match, match_params = _match(query)
    condition, params = where(entries)
    return shared.fetch(
        f"""
        WITH matched AS MATERIALIZED (
            SELECT id FROM insights_searchentry WHERE {match} AND {condition}
        ),
        {_COUNTED.format(matched="matched")},
        {_TOP}
        SELECT facet, value, label, number FROM top
        """,
        [*match_params, *params, shared.FACET_VALUES],
    )


# The facet values of the entries in CTE ``matched``, counted. The LATERAL subquery (kept
# apart by OFFSET 0) makes the planner look up each entry's values in the index, rather than
# hash the whole facet table.
_COUNTED = """
        counted AS (
            SELECT f.value_id, count(*) AS number
            FROM {matched} CROSS JOIN LATERAL (
                SELECT value_id FROM insights_searchentryfacet WHERE entry_id = {matched}.id
                OFFSET 0
            ) f
            GROUP BY f.value_id
        )"""
# The most frequent values of CTE ``counted`` (``shared.TOP``). Labels are looked up per value
# (LATERAL again): the planner cannot know how few values were counted.
_TOP = shared.TOP.format(
    labelled="""counted CROSS JOIN LATERAL (
                    SELECT facet, value, label FROM insights_searchfacetvalue
                    WHERE id = counted.value_id OFFSET 0
                ) v"""
)


def snippet(text, query):
    """``ts_headline`` marked the words already (see ``page_query``)."""
    return marked_html(text)


def page_query(query, entries, *, matches, exact, sampled, offset, limit):
    """The SQL and parameters of one page of ranked results.

    ``matches`` is the number of matches, ``exact`` or estimated from ``sampled``. Only
    candidates are ranked (``ts_rank``): all matches when the number is exact (it is small
    then); otherwise the ``RECENT_CANDIDATES`` most recent matches (see ``_recent``), the
    undated matches (people and organisations: their names must be able to come first) and
    the entries whose title key is the query's.
    """
    match, match_params = _match(query)
    condition, params = where(entries)
    if exact:
        # No LIMIT: with one, the planner may bet on a sequential scan finding them soon.
        channels = [
            (
                f"SELECT id FROM insights_searchentry WHERE {match} AND {condition}",
                [*match_params, *params],
            )
        ]
    else:
        if matches >= WALK_INDEX_ABOVE:
            walk = _walk_length(matches, sampled.table_rows)
            channels = [_newest_by_walking((match, match_params), (condition, params), walk)]
        else:
            recent, recent_params = _recent(matches, sampled.dates)
            channels = [
                (
                    f"SELECT id FROM insights_searchentry WHERE {match} AND {condition} {recent}",
                    [*match_params, *params, *recent_params],
                )
            ]
        if not query.is_empty:
            channels.append(
                (
                    f"SELECT id FROM insights_searchentry WHERE {match} AND date IS NULL "
                    f"AND {condition} LIMIT %s",
                    [*match_params, *params, UNDATED_CANDIDATES],
                )
            )
    key = query.title_key
    if key:
        # The entries with the title key are few and nearly all match: found by the btree and
        # tested one by one (kept apart, so the planner does not also read the GIN index).
        channels.append(
            (
                "SELECT id FROM (SELECT id, vector FROM insights_searchentry "
                f"WHERE title_key = %s AND {condition} OFFSET 0) AS same_title "
                f"WHERE {match} LIMIT %s",
                [key, *params, *match_params, shared.EXACT_CANDIDATES],
            )
        )
    candidates = " UNION ".join(f"({sql})" for sql, _ in channels)
    same_key = "e.title_key = %s" if key else "false"
    rank = f"ts_rank('{WEIGHTS}', e.vector, {TSQUERY})" if not query.is_empty else "0"
    headline = (
        f"ts_headline('{CONFIG}', content, {TSQUERY}, %s)" if not query.is_empty else "content"
    )
    ranking = "exact DESC, rank DESC, date DESC NULLS LAST, id DESC"
    sql = f"""
        WITH candidates AS ({candidates}),
        ranked AS (
            SELECT e.id, e.item_type, e.title, e.context, e.url, e.date, e.content,
                   {same_key} AS exact, {rank} AS rank
            FROM insights_searchentry e JOIN candidates USING (id)
            ORDER BY {ranking} LIMIT %s OFFSET %s
        )
        SELECT id, item_type, title, context, url, date, {headline}
        FROM ranked ORDER BY {ranking}
    """
    params = [
        *(param for _, channel_params in channels for param in channel_params),
        *([key] if key else []),
        *([tsquery(query)] if not query.is_empty else []),
        limit,
        offset,
        *([tsquery(query), HEADLINE_OPTIONS] if not query.is_empty else []),
    ]
    return sql, params


def _newest_by_walking(match, condition, length):
    """The most recent matches when there are very many (at least ``WALK_INDEX_ABOVE``): walk
    the date index, newest first, until enough are found, at most ``length`` rows. ``match``
    and ``condition`` are (SQL, parameters) pairs.

    The walk is a subquery with a LIMIT of its own, so that the planner neither chooses the GIN
    index instead (it underestimates phrases and words that go together: "gedeelde ambitie"
    matches ten times what it reckons, and it would then read and sort every match) nor sorts
    the table (which it would if the subquery were planned for all its rows).
    """
    (match, match_params), (condition, params) = match, condition
    order = "ORDER BY date DESC NULLS LAST, id DESC LIMIT %s"
    return (
        "SELECT id FROM (SELECT id, date, vector FROM insights_searchentry "
        f"WHERE {condition} {order}) AS newest WHERE {match} {order}",
        [*params, length, *match_params, shared.RECENT_CANDIDATES],
    )


def _walk_length(matches, table_rows):
    """How many of the newest rows to walk to find the candidates among ``matches`` matches in
    a table of ``table_rows``: ``WALK_MARGIN`` times what it takes on average. Matches that
    are rare among the newest rows (a word gone out of use) yield fewer candidates, not a
    slower page."""
    return max(
        shared.RECENT_CANDIDATES,
        math.ceil(WALK_MARGIN * shared.RECENT_CANDIDATES * table_rows / matches),
    )


def _recent(matches, dates):
    """The rest of the query that picks the most recent matches: (SQL, parameters).

    Every matching row is read from the table (the costly part), so how depends on how many
    there are: few, sort them all; very many, walk the date index (``_newest_by_walking``);
    in between, only look among the most recent rows of the table, enough of them to hold the
    candidates twice over, found by combining the GIN index with a date range on the btree.
    The date that starts that range comes from the planner's statistics (``pg_stats``);
    without them, the planner chooses.
    """
    wanted = [shared.RECENT_CANDIDATES]
    if matches <= SORT_ALL_BELOW:
        return "ORDER BY coalesce(date, '0001-01-01') DESC, id DESC LIMIT %s", wanted
    newest_share = 2 * shared.RECENT_CANDIDATES / matches
    if not dates or newest_share >= 1:
        return "ORDER BY date DESC NULLS LAST, id DESC LIMIT %s", wanted
    # The histogram splits the dated rows into equal parts, oldest first.
    position = int((1 - newest_share) * (len(dates) - 1))
    return (
        "AND date >= %s ORDER BY date DESC NULLS LAST, id DESC LIMIT %s",
        [dates[position], *wanted],
    )


def similar_words(words):
    """{typed word: [known words that look like it, best first]} for ``words``."""
    rows = shared.fetch(
        """
        SELECT typed.word, known.word
        FROM unnest(%s::text[]) AS typed(word)
        CROSS JOIN LATERAL (
            SELECT word FROM insights_searchword
            WHERE word %% typed.word AND similarity(word, typed.word) >= %s
            ORDER BY similarity(word, typed.word) DESC, frequency DESC, word
            LIMIT %s
        ) known
        """,
        [list(words), shared.SIMILARITY, shared.SUGGESTION_CANDIDATES],
    )
    similar = {}
    for typed, known in rows:
        similar.setdefault(typed, []).append(known)
    return similar


def first_match(number, condition):
    """See ``Engine.first_match``: the GIN index finds the word, stemmed as indexed."""
    return (
        f"(SELECT {number} FROM insights_searchentry WHERE vector @@ "
        f"plainto_tsquery('{CONFIG}', %s) AND {condition} LIMIT 1)"
    )


def word_parameter(word):
    return word


# Writing ---------------------------------------------------------------------------------------


def write_texts(texts):
    """Compute the vectors of entries from (entry id, (A, B, C, D)) pairs."""
    if not texts:
        return
    columns = list(zip(*((entry_id, *weighted) for entry_id, weighted in texts), strict=True))
    vector = VECTOR.format(a="v.a", b="v.b", c="v.c", d="v.d")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE insights_searchentry e SET vector = {vector} "
            "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[]) "
            "AS v(id, a, b, c, d) WHERE e.id = v.id",
            [list(column) for column in columns],
        )


def delete_texts(entry_ids):
    """Nothing to do: the vector goes with its row."""


def words_added(words):
    """Nothing to do: the trigram index follows the table."""


# Rebuilding ------------------------------------------------------------------------------------

TABLES = (
    "insights_searchentryfacet",
    "insights_searchentry",
    "insights_searchfacetvalue",
    "insights_searchword",
)
LOAD_COLUMNS = (
    "id", "item_type", "item_id", "source_type", "source_id", "title", "context", "url", "date",
    "status", "published_at", "members_only", "title_key", "content",
)  # fmt: skip


def rebuild(batches, *, splitter, words, progress):
    """Replace the whole index with the documents in ``batches`` (lists of ``Document``).

    Runs inside the caller's transaction: searches wait for it, and a failure leaves the old
    index as it was. Indexes and foreign keys are dropped first and built again after loading.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY")
        rebuild_statements = _drop_indexes_and_keys(cursor)
        cursor.execute("DROP TABLE IF EXISTS search_load")
        cursor.execute(
            "CREATE TEMPORARY TABLE search_load ("
            "id bigint, item_type text, item_id bigint, source_type text, source_id bigint, "
            "title text, context text, url text, date date, status text, "
            "published_at timestamptz, members_only boolean, title_key text, content text, "
            "a text, b text, c text, d text)"
        )
        values = _load(batches, splitter=splitter, progress=progress)
        cursor.execute("DROP TABLE search_load")
        _copy(
            cursor,
            "insights_searchfacetvalue",
            ("id", "facet", "value", "label"),
            [(pk, facet, value, label) for (facet, value), (pk, label) in values.items()],
        )
        _copy(
            cursor,
            "insights_searchword",
            ("id", "word", "frequency"),
            [(pk, word, number) for pk, (word, number) in enumerate(sorted(words.items()), 1)],
        )
        for table in TABLES[1:]:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )
        for statement in rebuild_statements:
            cursor.execute(statement)
        for table in TABLES:
            cursor.execute(f"ANALYZE {table}")


def _load(batches, *, splitter, progress):
    """Write the entries and their facet links; returns {(facet, value): (id, label)}.

    Each batch goes through the temporary table, where the vectors are computed in one
    INSERT … SELECT.
    """
    vector = VECTOR.format(a="a", b="b", c="c", d="d")
    columns = ", ".join(LOAD_COLUMNS)
    values, entry_id = {}, 0
    with connection.cursor() as cursor:
        for documents in batches:
            entries, links = [], set()
            for document in documents:
                entry_id += 1
                entries.append(
                    (
                        entry_id,
                        *(getattr(document, column) for column in LOAD_COLUMNS[1:]),
                        *document.weighted_texts(splitter),
                    )
                )
                for facet, value, label in document.facets:
                    if (facet, value) not in values:
                        values[facet, value] = (len(values) + 1, label)
                    links.add((entry_id, values[facet, value][0]))
            cursor.copy_expert(
                "COPY search_load FROM STDIN WITH (FORMAT csv, FORCE_NULL (date, published_at))",
                _csv(entries),
            )
            cursor.execute(
                f"INSERT INTO insights_searchentry ({columns}, vector) "
                f"SELECT {columns}, {vector} FROM search_load"
            )
            cursor.execute("TRUNCATE search_load")
            _copy(cursor, "insights_searchentryfacet", ("entry_id", "value_id"), links)
            progress.update(len(documents))
    return values


def _csv(rows):
    """``rows`` as CSV for COPY, every string quoted (see ``_copy``)."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC).writerows(rows)
    buffer.seek(0)
    return buffer


def _drop_indexes_and_keys(cursor):
    """Drop the search tables' foreign keys, unique constraints and secondary indexes.

    Returns the statements that create them again, in an order that works.
    """
    tables = ", ".join(f"'{table}'::regclass" for table in TABLES)
    cursor.execute(
        f"""
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype
        FROM pg_constraint WHERE conrelid IN ({tables}) AND contype IN ('f', 'u')
        ORDER BY contype DESC, conname
        """
    )
    constraints = cursor.fetchall()
    cursor.execute(
        f"""
        SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid)
        FROM pg_index
        WHERE indrelid IN ({tables}) AND NOT indisprimary
          AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conindid <> 0)
        ORDER BY 1
        """
    )
    indexes = cursor.fetchall()
    for table, name, *_ in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    return [
        *(
            f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
            for table, name, definition, _ in constraints
        ),
        *(definition for _, definition in indexes),
    ]


def _copy(cursor, table, columns, rows, *, chunk=20_000):
    """COPY ``rows`` into ``table`` as CSV with every string quoted.

    CSV reads a quoted empty field as an empty string and an unquoted one as NULL; the writer
    quotes every string and writes ``None`` as a quoted empty field too, so the columns that
    may be NULL are listed with FORCE_NULL where it matters (``_load``).
    """
    rows = iter(rows)
    while block := list(islice(rows, chunk)):
        cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", _csv(block)
        )
