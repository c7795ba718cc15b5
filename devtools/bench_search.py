"""The search section of ``manage.py bench``: how fast /zoeken/ answers, and why.

A fixed set of queries (``search_queries``), chosen for the generated corpus (its vocabulary is
in devtools/corpus/vocabulary.py) and for the demo content, and the same every run on the same
data: rare words, a speaker's and an organisation's name (the busiest ones), a phrase, an
exclusion, an alternative, a prefix, a typo and common words that match over 20% of all
takeaways (their share is counted and printed). For each query:

- **zoekpagina**: the page ``/zoeken/?q=…`` as a visitor (not logged in) gets it, timed like
  every public page (``Bench.page``: DEBUG off, facets and rendering included) with its number of
  SQL queries;
- **facetten** and **suggesties**: the engine's own functions for the facet counts
  (``engine.count_matches``, which also counts the matches) and for the spelling suggestions
  (``engine.suggestions``; only for the queries whose page asks for them), each timed alone;
- **kale SQL**: the ranked query of one page of results (``engine.page_query``) executed alone
  with a cursor: the database's floor for a results page;
- **schoolboek** (PostgreSQL only, common words only): the textbook Django approach on the same
  data, a ``SearchVector`` computed in the query, ``SearchRank`` over every match and
  ``SearchHeadline`` on every match, one page of it and its count, as a results page needs. It
  takes seconds, so it runs ``TEXTBOOK_REPEAT`` times, without warming up.

The ratios compare the medians: the page against the textbook approach (target: at least ten
times faster) and against its bare SQL.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F
from django.utils.translation import gettext as _

from devtools.benchmark import Ratio, Section, busiest_speaker, search_index_state
from events.models import EventOrganisation, Organisation
from insights.models import Takeaway
from insights.search import engine
from insights.search.models import ItemType, SearchEntry

#: The p95 every search page must stay under, in milliseconds (issue 4).
SEARCH_TARGET_MS = 150
#: The page must be at least this many times faster than the textbook approach.
TEXTBOOK_SPEED_UP = 10
TEXTBOOK_REPEAT = 5
#: A common word matches more than this share of all takeaways.
COMMON_SHARE = 0.2


@dataclass(frozen=True)
class BenchQuery:
    name: str  # what kind of query it is
    text: str  # what is typed
    common: bool = False  # a common word: its share is checked, the textbook approach timed


#: Words from the corpus' vocabulary; all but the rare word are in the demo content too.
FIXED_QUERIES = (
    BenchQuery("zeldzaam woord", "hamsterkooi"),
    BenchQuery("zeldzaam en vaak", "hamsterkooi gemeente"),
    BenchQuery("zin", '"gedeelde ambitie"'),
    BenchQuery("uitsluiting", "netwerksamenwerking -vertrouwen"),
    BenchQuery("OF", "betaaltitel OF convenant"),
    BenchQuery("voorvoegsel", "meerpartij"),
    BenchQuery("typfout", "samenwerkng"),
    BenchQuery("vaak: samenwerking", "samenwerking", common=True),
    BenchQuery("vaak: gemeente", "gemeente", common=True),
)


def search_sections(bench):
    """The search figures, as sections; none when there is no search index to measure."""
    if search_index_state() in ("absent", "empty"):
        return []
    queries = search_queries()
    scopes = {query: engine.search_scope(query.text, user=AnonymousUser()) for query in queries}
    pages = Section(
        _("Zoekpagina (doel: p95 < %(target)d ms)") % {"target": SEARCH_TARGET_MS},
        [
            bench.page(query.name, search_url(query.text), target_ms=SEARCH_TARGET_MS)
            for query in queries
        ],
        notes=[common_word_note(query, scopes[query]) for query in queries if query.common],
    )
    return [
        pages,
        facet_section(bench, queries, scopes),
        suggestion_section(bench, queries, scopes),
        *floor_and_textbook(bench, queries, scopes, pages=pages),
    ]


def search_queries():
    """The queries, in a fixed order: ``FIXED_QUERIES`` with the busiest names inserted."""
    queries = list(FIXED_QUERIES)
    names = []
    if speaker := busiest_speaker():
        names.append(BenchQuery("naam: spreker", speaker.name))
    if organisation := busiest_organisation():
        names.append(BenchQuery("naam: organisatie", organisation.name))
    queries[2:2] = names
    return queries


def busiest_organisation():
    """The organisation on the most events (the lowest id among equals)."""
    top = (
        EventOrganisation.objects.order_by()
        .values("organisation")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation")
        .first()
    )
    return Organisation.objects.get(pk=top["organisation"]) if top else None


def search_url(text):
    return f"/zoeken/?{urlencode({'q': text})}"


def takeaway_share(scope):
    """(matches, all) among the index entries of all takeaways (drafts too), counted exactly."""
    takeaways = SearchEntry.objects.filter(item_type=ItemType.TAKEAWAY)
    total = takeaways.count()
    return engine.backend().count(scope.query, takeaways, bound=total), total


def common_word_note(query, scope):
    matches, total = takeaway_share(scope)
    share = matches / total if total else 0
    note = _("‘%(text)s’ vindt %(share).1f%% van alle inzichten (%(matches)d van %(total)d)") % {
        "text": query.text,
        "share": 100 * share,
        "matches": matches,
        "total": total,
    }
    if share <= COMMON_SHARE:
        note += _(": niet boven %(limit)d%%, dus geen vaak woord op deze gegevens") % {
            "limit": 100 * COMMON_SHARE
        }
    return note


def facet_section(bench, queries, scopes):
    """The facet counts (with the number of matches) of every query."""
    section = Section(_("Facettellingen en aantal resultaten, apart gemeten"))
    for query in queries:
        scope = scopes[query]
        section.measurements.append(
            bench.call(query.name, "engine.count_matches", lambda s=scope: engine.count_matches(s))
        )
    return section


def suggestion_section(bench, queries, scopes):
    """The suggestion lookup of the queries whose page looks for suggestions (few results)."""
    section = Section(
        _("Spellingsuggesties, apart gemeten"),
        notes=[
            _(
                "Alleen voor zoekopdrachten met minder dan %(number)d resultaten en een woord "
                "dat de woordenlijst niet kent: de andere zoeken geen suggesties."
            )
            % {"number": engine.SUGGEST_BELOW}
        ],
    )
    for query in queries:
        scope = scopes[query]
        if scope.unknown_words and engine.count_matches(scope).total < engine.SUGGEST_BELOW:
            section.measurements.append(
                bench.call(query.name, "engine.suggestions", lambda s=scope: engine.suggestions(s))
            )
    return section


def floor_and_textbook(bench, queries, scopes, *, pages):
    """The bare SQL of each page of results; on PostgreSQL the textbook approach for the
    common words; the ratios between them and the page."""
    medians = {measurement.name: measurement.median_ms for measurement in pages.measurements}
    floor = Section(_("Kale SQL van de resultatenpagina (de vloer van de database)"))
    ratios = Section(_("Verhoudingen (medianen)"))
    for query in queries:
        sql, params = engine.page_query(scopes[query])
        measured = bench.call(query.name, "engine.page_query", lambda s=sql, p=params: _run(s, p))
        floor.measurements.append(measured)
        ratios.ratios.append(
            Ratio(query.name, _("zoekpagina / kale SQL"), medians[query.name], measured.median_ms)
        )
    if connection.vendor != "postgresql":
        ratios.notes.append(
            _(
                "De Django-schoolboekaanpak (SearchVector, SearchRank, SearchHeadline) bestaat "
                "alleen op PostgreSQL: op SQLite is er geen vergelijking."
            )
        )
        return [floor, ratios]
    repeat = min(bench.repeat, TEXTBOOK_REPEAT)
    textbook = Section(
        _(
            "Django-schoolboek op inzichten: SearchVector, SearchRank en SearchHeadline in de "
            "query, een pagina en het aantal (%(repeat)d keer, zonder opwarmen)"
        )
        % {"repeat": repeat}
    )
    for query in queries:
        if not query.common:
            continue
        measured = bench.slow_call(
            query.name,
            _("list() en count()"),
            lambda text=query.text: textbook_page(text),
            repeat=repeat,
        )
        textbook.measurements.append(measured)
        ratios.ratios.append(
            Ratio(
                query.name,
                _("zoekpagina / schoolboek"),
                medians[query.name],
                measured.median_ms,
                target=1 / TEXTBOOK_SPEED_UP,
            )
        )
    return [floor, textbook, ratios]


def textbook_page(text, *, per_page=engine.PER_PAGE):
    """What the usual Django recipe needs for a page of results: the page and the total."""
    search_query = SearchQuery(text, config="dutch", search_type="websearch")
    matches = (
        Takeaway.objects.annotate(
            search=SearchVector("text", "explanation", config="dutch"),
            rank=SearchRank(F("search"), search_query),
            headline=SearchHeadline("text", search_query, config="dutch"),
        )
        .filter(search=search_query)
        .order_by("-rank")
    )
    return list(matches[:per_page]), matches.count()


def _run(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
