"""Speed figures at scale, for ``manage.py bench``: how long the server takes per page.

Pages are requested through Django's test client with DEBUG off: the time is the server's own,
from URL routing through middleware, queries and template rendering to the finished response
(no network, no browser). Each page is measured three ways:

- **cold**: the first request after every cache is cleared (Django's cache, which keeps the
  expensive figures, and the Markdown render cache), as right after a content change — a cache
  must not hide what a page really costs;
- **warm**: ``repeat`` requests in a row, reported as median and p95;
- **queries**: the number of SQL queries of one warm and of one cold request (counted apart
  from the timed requests, since counting slows them down), with the time the database took.

Never point this at a production cache: it clears the cache.

What is measured is a list of sections (``SECTIONS``), each a function that takes a ``Bench``
and returns a ``Section``; ``Bench.page`` and ``Bench.call`` do the timing.

The write section (``writes``) changes content, each time in a transaction that is rolled back,
so the database is the same before and after: the deferred checks of foreign keys that a
commit would run are run before the rollback (``SET CONSTRAINTS ALL IMMEDIATE``), so that what
a commit costs is measured too.
"""

import json
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from taggit.models import Tag

from events import services
from events.models import Event, Organisation, Participation, Person, Session
from events.publishing import Status
from insights.importing import import_content
from insights.models import Publication, Takeaway
from portal import markdown

#: The p95 every public page must stay under, in milliseconds (issue 3).
PAGE_TARGET_MS = 50
#: With fewer events than this the figures say nothing about speed at scale.
SMALL_DATABASE = 1000
#: Requests before the measurement starts: code, templates and database buffers warm up.
WARM_UP = 3


class BenchError(Exception):
    """A page did not answer 200: the figures would be meaningless."""


@dataclass
class Measurement:
    """The figures for one page (or one timed function), in milliseconds."""

    name: str
    detail: str
    median_ms: float
    p95_ms: float
    cold_ms: float | None = None
    queries: int | None = None
    cold_queries: int | None = None
    sql_ms: float | None = None
    target_ms: float | None = None

    @property
    def meets_target(self):
        return None if self.target_ms is None else self.p95_ms < self.target_ms


@dataclass
class Ratio:
    """Two medians compared, ``ours_ms / theirs_ms``: below 1, ours is faster.

    ``target`` is the highest ratio that meets the target (0.1: at least ten times faster).
    """

    name: str
    what: str
    ours_ms: float
    theirs_ms: float
    target: float | None = None

    @property
    def value(self):
        return self.ours_ms / self.theirs_ms

    @property
    def meets_target(self):
        return None if self.target is None else self.value <= self.target


@dataclass
class Section:
    title: str
    measurements: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # lines of text printed under the figures
    ratios: list = field(default_factory=list)


def p95(times):
    """The 95th percentile by the nearest-rank method: a time that was really measured."""
    ordered = sorted(times)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def clear_caches():
    """Empty every cache a page may use, so that the next request pays for everything."""
    for cache in caches.all():
        cache.clear()
    markdown._render.cache_clear()  # Rendered Markdown is kept per process (portal/markdown.py).


class Bench:
    """Times pages and functions: ``repeat`` warm runs each, after a cold one."""

    def __init__(self, *, repeat=30):
        self.repeat = repeat
        self.client = Client()

    def get(self, url):
        response = self.client.get(url)
        if response.status_code != 200:
            raise BenchError(f"{url} answered {response.status_code}")
        return response

    def page(self, name, url, *, target_ms=None):
        """Measure the page at ``url`` as a visitor (not logged in) sees it."""
        return self.call(name, url, lambda: self.get(url), target_ms=target_ms)

    def call(self, name, detail, function, *, target_ms=None):
        """Measure ``function()``: a page request, or a query, a count, a lookup on its own."""
        for _ in range(WARM_UP):
            function()
        clear_caches()
        cold_queries, _ = self._queries(function)
        clear_caches()
        cold_ms = self._time(function)
        times = [self._time(function) for _ in range(self.repeat)]
        queries, sql_ms = self._queries(function)
        return Measurement(
            name=name,
            detail=detail,
            median_ms=statistics.median(times),
            p95_ms=p95(times),
            cold_ms=cold_ms,
            queries=queries,
            cold_queries=cold_queries,
            sql_ms=sql_ms,
            target_ms=target_ms,
        )

    def slow_call(self, name, detail, function, *, repeat, target_ms=None):
        """Measure ``function()`` ``repeat`` times and nothing else (no warm-up, no cold run,
        no query count): for what takes seconds a time, or changes content."""
        times = [self._time(function) for _ in range(repeat)]
        return Measurement(name, detail, statistics.median(times), p95(times), target_ms=target_ms)

    @staticmethod
    def _queries(function):
        """The number of SQL queries ``function()`` runs, and the time they take in ms."""
        spent = []

        def timed(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent.append(time.perf_counter() - started)

        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timed):
            function()
        return len(queries), sum(spent) * 1000

    @staticmethod
    def _time(function):
        started = time.perf_counter()
        function()
        return (time.perf_counter() - started) * 1000


# The pages: chosen from the data, the same every run on the same data.


def busiest_event():
    """The public event with the most takeaways and themes (the lowest id among equals)."""
    takeaways = (
        Takeaway.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    tags = (
        Event.tags.through.objects.filter(content_object=OuterRef("pk"))
        .order_by()
        .values("content_object")
        .annotate(n=Count("pk"))
        .values("n")
    )
    zero = Value(0, output_field=IntegerField())
    return (
        Event.objects.visible_to(AnonymousUser())
        .annotate(weight=Coalesce(Subquery(takeaways), zero) + Coalesce(Subquery(tags), zero))
        .order_by("-weight", "pk")
        .first()
    )


def themes_by_use():
    """Themes on something, most used first: ``[(slug, number of events and takeaways)]``."""
    uses = {}
    for through in (Event.tags.through, Takeaway.tags.through):
        for row in through.objects.order_by().values("tag").annotate(n=Count("pk")):
            uses[row["tag"]] = uses.get(row["tag"], 0) + row["n"]
    slugs = dict(Tag.objects.filter(pk__in=uses).values_list("pk", "slug"))
    return sorted(((slugs[pk], n) for pk, n in uses.items()), key=lambda pair: (-pair[1], pair[0]))


def busiest_speaker():
    """The person with the most participations (the lowest id among equals)."""
    top = (
        Participation.objects.order_by()
        .values("person")
        .annotate(n=Count("pk"))
        .order_by("-n", "person")
        .first()
    )
    return Person.objects.get(pk=top["person"]) if top else None


def public_pages(bench):
    """Home, the events list with two filters, an event, two theme pages and a speaker page."""
    section = Section(f"Openbare pagina's (doel: p95 < {PAGE_TARGET_MS} ms)")
    pages = [
        ("home", "/"),
        ("bijeenkomsten, 2 filters", "/bijeenkomsten/?domein=zorg&soort=webinar"),
    ]
    if event := busiest_event():
        pages.append(("bijeenkomst (drukste)", event.get_absolute_url()))
    themes = themes_by_use()
    if themes:
        pages.append(("thema (meest gebruikt)", f"/themas/{themes[0][0]}/"))
        pages.append(("thema (middelmatig)", f"/themas/{themes[len(themes) // 2][0]}/"))
    if speaker := busiest_speaker():
        pages.append(("spreker (drukste)", speaker.get_absolute_url()))
    for name, url in pages:
        section.measurements.append(bench.page(name, url, target_ms=PAGE_TARGET_MS))
    return section


def search(bench):
    """The search page, its parts alone, its bare SQL and the textbook Django approach."""
    from devtools import bench_search  # imported here: it builds on this module

    return bench_search.search_sections(bench)


#: What a small import is, for the write section: the demo content.
SMALL_FILE = settings.BASE_DIR / "data" / "demo.json"
#: Writes a publish or an import may cost at most, in milliseconds (issue 8).
PUBLISH_TARGET_MS = 100
IMPORT_TARGET_MS = 5000
#: What any page may cost at most right after a content change, in milliseconds (issue 8).
AFTER_CHANGE_TARGET_MS = 300
#: Times each write is measured (each in a transaction rolled back).
WRITE_REPEAT = 3


class _RolledBack(Exception):
    """Leaves a measured write's transaction without committing it."""


def rolled_back(write):
    """``write()`` in a transaction that is rolled back, with the deferred checks a commit
    would make run first; returns what ``write()`` returns."""
    try:
        with transaction.atomic():
            result = write()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            raise _RolledBack(result)
    except _RolledBack as done:
        return done.args[0]


def heaviest_pages():
    """The pages that cost most when nothing is kept: ``[(name, url)]``."""
    pages = [
        ("home", "/"),
        ("bijeenkomsten, 2 filters", "/bijeenkomsten/?domein=zorg&soort=webinar"),
    ]
    themes = themes_by_use()
    if themes:
        pages.append(("thema (meest gebruikt)", f"/themas/{themes[0][0]}/"))
    if speaker := busiest_speaker():
        pages.append(("spreker (drukste)", speaker.get_absolute_url()))
    return pages


def writes(bench):
    """Importing a small file and publishing one event at full scale, and what the heaviest
    pages cost right after the publication (every kept figure and fragment is of an older
    generation then)."""
    section = Section(
        f"Schrijven (doel: publiceren < {PUBLISH_TARGET_MS} ms, klein bestand importeren < "
        f"{IMPORT_TARGET_MS // 1000} s, elke pagina daarna < {AFTER_CHANGE_TARGET_MS} ms)"
    )
    draft = Event.objects.filter(status=Status.DRAFT).order_by("pk").first()
    if draft is None:
        section.notes.append("Geen concept om te publiceren: schrijven is niet gemeten.")
        return section
    data = json.loads(SMALL_FILE.read_text(encoding="utf-8"))
    section.measurements.append(
        bench.slow_call(
            "klein bestand importeren",
            f"import_content {SMALL_FILE.name}",
            lambda: rolled_back(lambda: import_content(data)),
            repeat=WRITE_REPEAT,
            target_ms=IMPORT_TARGET_MS,
        )
    )

    def publish():
        return services.publish(items=Event.objects.filter(pk=draft.pk))

    section.measurements.append(
        bench.slow_call(
            "één bijeenkomst publiceren",
            f"services.publish: {draft.get_absolute_url()}",
            lambda: rolled_back(publish),
            repeat=WRITE_REPEAT,
            target_ms=PUBLISH_TARGET_MS,
        )
    )
    pages = heaviest_pages()
    for _name, url in pages:
        bench.get(url)  # kept from before the change: not what is measured

    def pages_after_publishing():
        publish()
        return {url: bench._time(lambda url=url: bench.get(url)) for _, url in pages}

    timed = [rolled_back(pages_after_publishing) for _ in range(WRITE_REPEAT)]
    for name, url in pages:
        times = [run[url] for run in timed]
        section.measurements.append(
            Measurement(
                f"{name}, na publiceren",
                url,
                statistics.median(times),
                p95(times),
                target_ms=AFTER_CHANGE_TARGET_MS,
            )
        )
    return section


#: What ``manage.py bench`` measures, in this order: each function gives a section or a list.
SECTIONS: list[Callable[[Bench], Section | list[Section]]] = [public_pages, search, writes]


def search_index_state():
    """Whether the search index is worth timing: ``absent`` (no search in this portal yet),
    ``empty``, ``stale`` or ``current``.

    A cheap check, not a proof: the index is current when it holds one entry for every event,
    session, takeaway, publication, person and organisation (drafts included), which is what
    a rebuild writes and what a generated or imported corpus changes.
    """
    try:
        entries = apps.get_model("insights", "SearchEntry").objects.count()
    except LookupError:
        return "absent"
    if not entries:
        return "empty"
    items = sum(
        model.objects.count()
        for model in (Event, Session, Takeaway, Publication, Person, Organisation)
    )
    return "current" if entries == items else "stale"


def benchmark_settings():
    """DEBUG off, as in production; the test client's host allowed."""
    return override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"])


def report(sections, *, repeat):
    """The figures as a dict, ready for JSON."""
    return {
        "date": timezone.now().isoformat(timespec="seconds"),
        "database": connection.vendor,
        "events": Event.objects.count(),
        "takeaways": Takeaway.objects.count(),
        "repeat": repeat,
        "sections": [
            {
                "title": section.title,
                "measurements": [
                    {**asdict(measurement), "meets_target": measurement.meets_target}
                    for measurement in section.measurements
                ],
                "notes": section.notes,
                "ratios": [
                    {**asdict(ratio), "value": ratio.value, "meets_target": ratio.meets_target}
                    for ratio in section.ratios
                ],
            }
            for section in sections
        ],
    }
