"""Search: the one place that picks the database's search module, and ``search()`` itself.

Views call ``search()`` and never know which database answers. A search page costs at most
eight queries, however many results: the synonym table (unless cached), which of the query's
words the portal knows, facet counts in a sample (which also estimates the total), when that
says the matches are few their exact count and facet counts, the ranked page with its
snippets and, when few results were found, two for spelling suggestions.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection

from events.publishing import visibility_q
from insights.search import facets, postgres, sqlite, suggest, synonyms, vocabulary
from insights.search.facets import Filters
from insights.search.highlight import mark_words, marked_html
from insights.search.models import Facet, ItemType, SearchEntry
from insights.search.query import ParsedQuery, parse
from portal.access import is_member

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
POPULAR_THEMES_SECONDS = 600


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
    """
    query = parse(query_string, synonyms=synonyms.table())
    filters = filters or Filters()
    if query.is_empty and not filters:
        return SearchResults(query=query)
    known = vocabulary.known(query.plain_words())
    query = query.completed(known)
    visible = SearchEntry.objects.filter(visibility_q(user))
    entries = visible.filter(filters.condition())
    db = backend()

    sampled = db.sample(query, entries)
    exact, total, rows, scale = _counts(query, entries, sampled, db=db)
    offset = (page - 1) * per_page
    hits = db.page(
        query,
        entries,
        matches=total,
        exact=exact,
        sampled=sampled,
        offset=offset,
        limit=max(0, min(per_page, MAX_RESULTS - offset)),
    )
    suggested = {}
    if total < SUGGEST_BELOW:
        unknown = [word for word in query.plain_words() if word not in known]
        suggested = suggest.suggestions(unknown, visible, db=db)
    return SearchResults(
        query=query,
        hits=[_hit(hit, query) for hit in hits],
        total=total if exact else facets.estimate(total),
        total_is_estimate=not exact,
        page=page,
        per_page=per_page,
        pages=math.ceil(min(total, MAX_RESULTS) / per_page),
        facets=facets.groups(rows, scale=scale, selected=filters.selected),
        suggestions=suggested,
        corrected_query=suggest.corrected(query_string, suggested) if suggested else "",
    )


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


def _counts(query, entries, sampled, *, db):
    """(exact?, total, facet rows, scale): from the sample when it holds many matches or is
    the whole index; otherwise counted, exactly when there are at most ``COUNT_BOUND``."""
    if sampled.complete:
        return True, sampled.total, sampled.rows, 1.0
    if sampled.total < EXACT_COUNT_BELOW:
        number = db.count(query, entries, bound=COUNT_BOUND)
        if number <= COUNT_BOUND:
            return True, number, db.facet_counts(query, entries), 1.0
    return False, max(sampled.total, COUNT_BOUND + 1), sampled.rows, sampled.scale


def popular_themes(*, user, number=POPULAR_THEMES):
    """The themes with the most items ``user`` may see, as facet options (cached a while)."""
    key = f"search:popular-themes:{'members' if is_member(user) else 'public'}"
    themes = cache.get(key)
    if themes is None:
        sampled = backend().sample(ParsedQuery(), SearchEntry.objects.filter(visibility_q(user)))
        options = [
            option
            for group in facets.groups(sampled.rows, scale=sampled.scale)
            if group.facet == Facet.THEME
            for option in group.options
        ]
        themes = options[:number]
        cache.set(key, themes, POPULAR_THEMES_SECONDS)
    return themes
