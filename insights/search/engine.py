"""Search: the one place that picks the database's search module, and ``search()`` itself.

Views call ``search()`` and never know which database answers. A search page costs at most
eight queries, however many results: the synonym table (unless cached), which of the query's
words the portal knows, facet counts in a sample (which also estimates the total), when that
says the matches are few their exact count and facet counts, the ranked page with its
snippets and, when few results were found, two for spelling suggestions.

Those steps are functions of their own (``search_scope``, ``count_matches``, ``suggestions``
and the database module's ``page``, whose SQL ``page_query`` gives), so that the benchmark
(devtools/bench_search.py) can time each one alone.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import QuerySet

from events.listing import figure
from insights.search import backlog, facets, postgres, sqlite, suggest, synonyms, vocabulary
from insights.search.facets import Filters
from insights.search.highlight import mark_words, marked_html, plain_snippet
from insights.search.models import Facet, ItemType, SearchEntry
from insights.search.query import ParsedQuery, parse
from insights.search.sql import Sample, fetch

# Counted exactly up to here; beyond it counts are estimates.
COUNT_BOUND = 1000
# Counted at all when a sample estimates fewer matches than this.
EXACT_COUNT_BELOW = 3 * COUNT_BOUND
# Results are ranked and paged up to here; a search that finds more asks to be narrowed.
MAX_RESULTS = 500
PER_PAGE = 20
# Spelling suggestions are shown when a search finds fewer results than this.
SUGGEST_BELOW = 10
TITLE_WORDS = 120
POPULAR_THEMES = 12


def backend():
    """The search module for the database in use."""
    return postgres if connection.vendor == "postgresql" else sqlite


@dataclass(frozen=True)
class Hit:
    item_type: str
    title: str
    context: str
    url: str
    date: datetime.date | None
    snippet: str  # safe HTML: the text with the matching words marked
    title_html: str  # safe HTML: the title with the matching words marked

    @property
    def type_label(self):
        return ItemType(self.item_type).label


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list = field(default_factory=list)
    total: int = 0
    total_is_estimate: bool = False
    page: int = 1
    per_page: int = PER_PAGE
    pages: int = 0
    facets: list = field(default_factory=list)
    suggestions: dict = field(default_factory=dict)
    corrected_query: str = ""

    @property
    def page_out_of_range(self):
        return self.page > max(self.pages, 1)

    @property
    def max_results(self):
        return MAX_RESULTS

    @property
    def results_cut(self):
        """More results than can be paged through: the page says to narrow the search."""
        return self.total > MAX_RESULTS

    @property
    def first_number(self):
        return (self.page - 1) * self.per_page + 1


def search(query_string, *, user, filters=None, page=1, per_page=PER_PAGE):
    """Search what ``user`` may see for ``query_string``, narrowed by ``filters``.

    An empty query with filters lists everything those filters select, newest first; an
    empty query without filters finds nothing (and costs no query but the synonyms').
    Before searching, the index catches up on what was written since (``backlog.keep_up``).
    """
    query = parse(query_string, synonyms=synonyms.table())
    filters = filters or Filters()
    if query.is_empty and not filters:
        return SearchResults(query=query)
    backlog.keep_up()
    scope = Scope.of(query, user=user, filters=filters)
    counted = count_matches(scope)
    hits = results_page(scope, **counted.window(page, per_page))
    suggested = suggestions(scope) if counted.total < SUGGEST_BELOW else {}
    return SearchResults(
        query=scope.query,
        hits=[_hit(hit, scope.query) for hit in hits],
        total=counted.total if counted.exact else facets.estimate(counted.total),
        total_is_estimate=not counted.exact,
        page=page,
        per_page=per_page,
        pages=math.ceil(min(counted.total, MAX_RESULTS) / per_page),
        facets=facets.groups(counted.rows, scale=counted.scale, selected=filters.selected),
        suggestions=suggested,
        corrected_query=suggest.corrected(query_string, suggested) if suggested else "",
    )


@dataclass(frozen=True)
class Scope:
    """What a search looks in: the parsed query (its last word completed when the vocabulary
    knows it), the entries the user may see (``visible``) and those the filters leave."""

    query: ParsedQuery
    known: frozenset
    visible: QuerySet
    entries: QuerySet

    @classmethod
    def of(cls, query, *, user, filters):
        known = frozenset(vocabulary.known(query.plain_words()))
        visible = SearchEntry.objects.visible_to(user)
        return cls(query.completed(known), known, visible, visible.filter(filters.condition()))

    @property
    def unknown_words(self):
        return [word for word in self.query.plain_words() if word not in self.known]


@dataclass(frozen=True)
class Counted:
    """The number of matches (``exact``, or estimated from ``sampled``) and the facet counts
    (rows of (facet, value, label, count), each standing for ``scale`` matches)."""

    exact: bool
    total: int
    rows: list
    scale: float
    sampled: Sample

    def window(self, page, per_page):
        """The arguments of the database module's ``page`` for page ``page``."""
        offset = (page - 1) * per_page
        return {
            "matches": self.total,
            "exact": self.exact,
            "sampled": self.sampled,
            "offset": offset,
            "limit": max(0, min(per_page, MAX_RESULTS - offset)),
        }


def count_matches(scope):
    """The facet counts and the number of matches of ``scope``: from a sample when it holds
    many matches or is the whole index; otherwise counted, exactly when at most ``COUNT_BOUND``.
    """
    db, query, entries = backend(), scope.query, scope.entries
    sampled = db.sample(query, entries)
    if sampled.complete:
        return Counted(True, sampled.total, sampled.rows, 1.0, sampled)
    if sampled.total < EXACT_COUNT_BELOW:
        number = db.count(query, entries, bound=COUNT_BOUND)
        if number <= COUNT_BOUND:
            return Counted(True, number, db.facet_counts(query, entries), 1.0, sampled)
    total = max(sampled.total, COUNT_BOUND + 1)
    return Counted(False, total, sampled.rows, sampled.scale, sampled)


def suggestions(scope):
    """{typed word: suggested word} for the words of the query the vocabulary does not know."""
    return suggest.suggestions(scope.unknown_words, scope.visible, db=backend())


def search_scope(query_string, *, user, filters=None):
    """The ``Scope`` of a search for ``query_string`` (``search`` makes it only when there is
    something to search)."""
    query = parse(query_string, synonyms=synonyms.table())
    return Scope.of(query, user=user, filters=filters or Filters())


def page_query(scope, *, page=1, per_page=PER_PAGE):
    """The SQL and parameters of the ranked page of results that ``search`` runs for ``scope``
    (not run; the counts that decide its shape are).

    For the benchmark, which times it alone: the database's floor for a results page.
    """
    window = count_matches(scope).window(page, per_page)
    return backend().page_query(scope.query, scope.entries, **window)


def results_page(scope, **window):
    """One page of ranked results (``window``: see ``Counted.window``), each a dict with the
    matching words of its text marked in its ``snippet``."""
    db, query = backend(), scope.query
    return [
        {
            "id": pk,
            "item_type": item_type,
            "title": title,
            "context": context,
            "url": url,
            "date": date,
            "snippet": plain_snippet(text) if query.is_empty else db.snippet(text, query),
        }
        for pk, item_type, title, context, url, date, text in fetch(
            *db.page_query(query, scope.entries, **window)
        )
    ]


def _hit(row, query):
    title_html = mark_words(row["title"], query, words=TITLE_WORDS) if not query.is_empty else None
    return Hit(
        item_type=row["item_type"],
        title=row["title"],
        context=row["context"],
        url=row["url"],
        date=row["date"],
        snippet=row["snippet"],
        title_html=title_html or marked_html(row["title"]),
    )


def popular_themes(*, user, number=POPULAR_THEMES):
    """The themes with the most items ``user`` may see, as facet options.

    A figure (events/listing.py): kept until content changes, so a theme that only an
    unpublished item had is gone from the next page.
    """

    def compute():
        sampled = backend().sample(ParsedQuery(), SearchEntry.objects.visible_to(user))
        options = [
            option
            for group in facets.groups(sampled.rows, scale=sampled.scale)
            if group.facet == Facet.THEME
            for option in group.options
        ]
        return options[:number]

    return figure("search:popular-themes", compute, user=user)[:number]
