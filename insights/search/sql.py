"""The search engine interface: what each database module provides, and what they share.

``insights.search.engine`` holds what search does whatever the database; a database module
(``postgres.py``, ``sqlite.py``) holds only its SQL and implements ``Engine``. The search
queries are written in SQL (FTS5, TABLESAMPLE, UNION of index-ordered scans); the conditions on
entries (``SearchEntry.objects.visible_to``, facet filters) come from the ORM through ``where``
(events/sql.py), so the visibility rule is never written twice.
"""

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from django.db import connection

# Facet values counted per facet (the most frequent ones).
FACET_VALUES = 15
# A sample of the matches keeps about this many of them (see each module's ``sample``).
SAMPLE_MATCHES = 1500
# Beyond the count bound, this many of the most recent matches are ranked ...
RECENT_CANDIDATES = 500
# ... with at most this many entries whose title key is the query's (a name finds its page).
EXACT_CANDIDATES = 20
# A multiplicative hash of the id: a share of ids with no period in it (such as "every 11th
# entry", which could be one event's entries in a regular corpus).
HASH = 2654435761
# Spelling suggestions: candidates per typed word, and how alike (trigram similarity, as
# pg_trgm computes it) a known word must be to be suggested.
SUGGESTION_CANDIDATES = 3
SIMILARITY = 0.4
# A CTE ``top``: the values of a CTE ``counted`` (value id, number) with their labels, the most
# frequent FACET_VALUES per facet (a chosen filter value is among them: every result has it).
# ``labelled`` joins ``counted`` to the facet values as ``v``.
TOP = """
        top AS (
            SELECT facet, value, label, number FROM (
                SELECT v.facet, v.value, v.label, counted.number, row_number() OVER (
                    PARTITION BY v.facet ORDER BY counted.number DESC, v.value
                ) AS position
                FROM {labelled}
            ) AS ranked
            WHERE position <= %s
        )"""


@runtime_checkable
class Engine(Protocol):
    """What a database module provides (see ``insights.search.engine`` for the order in which
    a search asks, and the modules for how each one answers)."""

    def sample(self, query, entries):
        """Facet counts of ``query``'s matches among ``entries`` in a sample: a ``Sample``."""

    def count(self, query, entries, *, bound):
        """How many of ``entries`` match ``query``, counted up to ``bound + 1``."""

    def facet_counts(self, query, entries):
        """(facet, value, label, count) of all matches (when they were counted few)."""

    def page_query(self, query, entries, *, matches, exact, sampled, offset, limit):
        """The SQL and parameters of one page of ranked results: rows of id, item type,
        title, context, URL, date and the text for the snippet."""

    def snippet(self, text, query):
        """Safe HTML: ``text`` of a result row with the words that match ``query`` marked."""

    def similar_words(self, words):
        """{typed word: [known words that look like it, best first]}."""

    def first_match(self, number, condition):
        """SQL that selects ``number`` when an entry meeting ``condition`` contains the word
        given as its one parameter (see ``word_parameter``; ``suggest.findable`` puts one such
        query per word together)."""

    def word_parameter(self, word):
        """A word as ``first_match`` takes it."""

    def write_texts(self, texts):
        """Index the searchable texts of entries: (entry id, (A, B, C, D)) pairs."""

    def delete_texts(self, entry_ids):
        """Forget the searchable texts of the entries ``entry_ids``."""

    def words_added(self, words):
        """``words`` were just added to the vocabulary (``SearchWord``)."""

    def rebuild(self, batches, *, splitter, words, progress):
        """Replace the whole index with the documents in ``batches``."""


def fetch(sql, params):
    """All rows of ``sql``."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class Sample:
    """Facet counts of the matches in a sample of the index: rows of (facet, value, label,
    count), and ``scale``, the number of entries each counted one stands for (1: not a
    sample but all of them). ``dates`` is the planner's histogram of the entries' dates and
    ``table_rows`` its estimate of the number of entries (PostgreSQL only; for finding the
    most recent matches)."""

    rows: list
    scale: float
    dates: tuple = ()
    table_rows: float = 0.0

    @property
    def complete(self):
        return self.scale == 1

    @property
    def total(self):
        """The (estimated) number of matches: every entry has exactly one type."""
        return round(sum(row[3] for row in self.rows if row[0] == "type") * self.scale)
