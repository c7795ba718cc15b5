"""A synthetic portal at any scale, the same for the same seed (``manage.py generate_corpus``).

``generate_corpus(events=100_000, seed=1)`` writes, in one transaction: regions of the
Netherlands and Belgium, a few hundred themes with a skewed popularity, organisations, people,
series, the events with their sessions, participations, organisations, regions, domains, themes
and curated related events, about ten takeaways per event, and publications with takeaways of
their own. A few percent of the events and publications are drafts or for members only.

Reproducible: every choice comes from one ``random.Random(seed)`` drawn in a fixed order, and
every date from fixed calendar bounds (never the clock), so the same seed on a database without
content writes the same rows, ids included. Appended to existing content (``--append``), ids and
slugs depend on what is already there.

Fast: rows go out in large batches (``loading.Table``: COPY on PostgreSQL); on PostgreSQL the
secondary indexes and constraints of the tables being filled are dropped first and rebuilt at
the end, then the tables are analysed.
"""

import datetime
import random
import sys
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.translation import gettext
from taggit.models import Tag
from tqdm import tqdm

from devtools.corpus import CorpusError
from devtools.corpus import vocabulary as words
from devtools.corpus.loading import (
    BulkLoader,
    analyze,
    drop_secondary_indexes,
    reset_sequences,
    vacuum,
)
from devtools.corpus.marking import check_wipe, latest_mark, mark_corpus, unmarked_models
from devtools.corpus.sampling import Weighted, between, pick, zipf
from devtools.corpus.slugs import SlugBook
from devtools.corpus.wiping import wipe_content
from devtools.corpus.writing import Writer
from events.models import (
    Domain,
    Event,
    EventKind,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Region,
    Series,
    Session,
    TaggedEvent,
)
from events.publishing import Status
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)

FIRST_DAY = datetime.date(2014, 1, 1)
LAST_DAY = datetime.date(2026, 12, 31)
# Nothing is published later than this, so that everything published is visible today.
PUBLISHED_BY = datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)

DRAFT_SHARE = 0.03
MEMBERS_ONLY_SHARE = 0.04
TAKEAWAYS_PER_EVENT = (6, 14)
TAKEAWAYS_PER_PUBLICATION = (4, 12)
EVENTS_PER_BATCH = 1_000

_SPAN = (LAST_DAY - FIRST_DAY).days
_NINE = datetime.time(9, 0, tzinfo=datetime.UTC)
_TOP_LEVEL_DOMAIN = {"NL": "nl", "BE": "be"}


@dataclass(frozen=True)
class CorpusSize:
    events: int
    organisations: int
    people: int
    series: int
    publications: int

    @classmethod
    def for_events(cls, events):
        return cls(
            events=events,
            organisations=max(40, events // 20),
            people=max(60, events * 3 // 10),
            series=max(3, events // 50),
            publications=max(2, events // 40),
        )


@dataclass(frozen=True)
class CorpusReport:
    rows: dict  # model label -> rows written
    seconds: dict  # stage -> seconds

    @property
    def total_rows(self):
        return sum(self.rows.values())


def generate_corpus(*, events, seed, wipe=False, progress=False, defer_indexes=True):
    """Write a corpus of ``events`` events; returns a ``CorpusReport``.

    ``wipe`` first deletes the corpus there is, in the same transaction as the load; it raises
    ``CorpusError`` when the database holds content the generator did not make
    (``marking.check_wipe``). The corpus is marked (``marking.mark_corpus``) in the same
    transaction, unless it was added to such content. ``progress`` shows a progress bar per
    stage on stderr. ``defer_indexes=False`` keeps the indexes in place during the load (slower
    on PostgreSQL; for measuring the difference).

    On PostgreSQL, when not called inside a transaction, the loaded tables are vacuumed after
    the commit: that sets their visibility maps (index-only scans) and hint bits now, instead
    of autovacuum doing it later, in the middle of a benchmark.
    """
    with transaction.atomic():
        if wipe:
            check_wipe()
            wipe_content()
        only_generated = wipe or not unmarked_models(latest_mark())
        generator = _Generator(seed=seed, progress=progress)
        report = generator.run(CorpusSize.for_events(events), defer_indexes=defer_indexes)
        if only_generated:
            mark_corpus(seed=seed, events=events)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        generator.vacuum()
    return report


def region_specs():
    """``(name, kind, country, parent name, parent kind)`` for every region, parents first."""
    specs = [("Nederland", "land", "NL", None, None)]
    for province, cities in words.NL_PROVINCES.items():
        specs.append((province, "provincie", "NL", "Nederland", "land"))
        specs += [(city, "gemeente", "NL", province, "provincie") for city in cities]
    specs += [(area, "regio", "NL", prov, "provincie") for area, prov in words.NL_REGIONS.items()]
    specs.append(("België", "land", "BE", None, None))
    for gewest, provinces in words.BE_GEWESTEN.items():
        specs.append((gewest, "gewest", "BE", "België", "land"))
        for province, cities in provinces.items():
            if province:
                specs.append((province, "provincie", "BE", gewest, "gewest"))
            parent = (province, "provincie") if province else (gewest, "gewest")
            specs += [(city, "gemeente", "BE", *parent) for city in cities]
    specs += [(area, "regio", "BE", prov, "provincie") for area, prov in words.BE_REGIONS.items()]
    return specs


@dataclass(frozen=True)
class _Place:
    id: int
    name: str
    country: str
    parent: str  # the province (or gewest) it lies in


def _draft_and_members_only_counts(count, *, minimum):
    """How many of ``count`` items are drafts, and how many (others) are for members only."""

    def share(fraction, available):
        return min(available, max(minimum, round(count * fraction)))

    drafts = share(DRAFT_SHARE, count)
    members = share(MEMBERS_ONLY_SHARE, count - drafts)
    return drafts, members


def _moment(day, rng, *, days_before):
    """09:00 UTC some days before ``day``, never after PUBLISHED_BY."""
    earlier = day - datetime.timedelta(days=between(rng, *days_before))
    return min(datetime.datetime.combine(earlier, _NINE), PUBLISHED_BY)


class _Generator:
    def __init__(self, *, seed, progress):
        self.rng = random.Random(seed)
        self.progress = progress
        self.seconds = {}
        self.loader = loader = BulkLoader(connection)
        table = loader.table
        # In dependency order: a flush writes a table after the tables its rows point to.
        self.regions = table(
            Region, ["id", "name", "slug", "country", "kind", "parent_id", "description"]
        )
        self.tags = table(Tag, ["id", "name", "slug"])
        self.organisations = table(
            Organisation,
            ["id", "name", "slug", "kind", "website", "region_id", "description", "ceased_on"],
        )
        self.people = table(Person, ["id", "name", "slug", "function", "organisation_id", "bio"])
        self.series = table(Series, ["id", "name", "slug", "description"])
        self.events = table(
            Event,
            [
                "id", "status", "published_at", "members_only", "created_at", "updated_at",
                "title", "slug", "kind_id", "series_id", "start_date", "end_date", "is_online",
                "location", "summary", "body", "audience", "attendance", "source_name",
                "source_url", "source_date", "source_date_is_capture",
            ],
        )  # fmt: skip
        self.sessions = table(Session, ["id", "event_id", "order", "title", "date", "summary"])
        self.participations = table(
            Participation,
            ["person_id", "event_id", "session_id", "role", "organisation_id", "function", "order"],
        )
        self.event_organisations = table(
            EventOrganisation, ["event_id", "organisation_id", "role", "order"]
        )
        self.event_regions = table(Event.regions.through, ["event_id", "region_id"])
        self.event_domains = table(Event.domains.through, ["event_id", "domain_id"])
        self.event_tags = table(TaggedEvent, ["content_object_id", "tag_id"])
        self.related_events = table(Event.related_events.through, ["from_event_id", "to_event_id"])
        self.publications = table(
            Publication,
            [
                "id", "status", "published_at", "members_only", "created_at", "updated_at",
                "title", "slug", "kind", "published_on", "publisher_id", "summary", "body", "url",
                "source_date_is_capture",
            ],
        )  # fmt: skip
        self.publication_people = table(
            PublicationPerson, ["publication_id", "person_id", "role", "order"]
        )
        self.publication_organisations = table(
            PublicationOrganisation, ["publication_id", "organisation_id", "role", "order"]
        )
        self.publication_domains = table(
            Publication.domains.through, ["publication_id", "domain_id"]
        )
        self.publication_regions = table(
            Publication.regions.through, ["publication_id", "region_id"]
        )
        self.publication_events = table(
            Publication.related_events.through, ["publication_id", "event_id"]
        )
        self.publication_tags = table(TaggedPublication, ["content_object_id", "tag_id"])
        self.takeaways = table(
            Takeaway,
            [
                "id", "text", "slug", "explanation", "event_id", "session_id", "publication_id",
                "order", "created_at", "updated_at",
            ],
        )  # fmt: skip
        self.takeaway_tags = table(TaggedTakeaway, ["content_object_id", "tag_id"])
        self.takeaway_domains = table(Takeaway.domains.through, ["takeaway_id", "domain_id"])
        self.takeaway_people = table(TakeawayPerson, ["takeaway_id", "person_id"])
        self.takeaway_slugs = SlugBook(Takeaway)

    def run(self, size, *, defer_indexes):
        self._read_fixed_data()
        models = self.loader.models()
        restore = drop_secondary_indexes(connection, models) if defer_indexes else []
        self._write_regions()
        self._write_themes()
        self._write_organisations(size.organisations)
        self._write_people(size.people)
        self._write_series(size.series)
        self.loader.flush()
        self._write_events(size.events)
        self._write_publications(size.publications)
        with self._stage("indexen", len(restore)) as bar, connection.cursor() as cursor:
            for statement in restore:
                cursor.execute(statement)
                bar.update()
        reset_sequences(connection, models)
        with self._stage("statistieken", len(models)) as bar:
            for model in models:
                analyze(connection, model)
                bar.update()
        return CorpusReport(rows=self.loader.counts(), seconds=self.seconds)

    def vacuum(self):
        models = self.loader.models()
        with self._stage("vacuum", len(models)) as bar:
            for model in models:
                vacuum(connection, model)
                bar.update()

    # Helpers ---------------------------------------------------------------------------------

    @contextmanager
    def _stage(self, name, total):
        start = time.perf_counter()
        with tqdm(
            total=total, desc=name, disable=not self.progress, file=sys.stderr, mininterval=0.5
        ) as bar:
            yield bar
        self.seconds[name] = time.perf_counter() - start

    def _day(self):
        return FIRST_DAY + datetime.timedelta(days=between(self.rng, 0, _SPAN))

    def _read_fixed_data(self):
        """Domains and event kinds come from the database (a data migration creates them)."""
        self.domain_ids = list(Domain.objects.order_by("order", "pk").values_list("pk", flat=True))
        kinds = list(EventKind.objects.order_by("order", "pk").values_list("pk", "slug", "name"))
        if not self.domain_ids or not kinds:
            raise CorpusError(
                gettext("Er zijn geen domeinen of soorten bijeenkomsten: draai eerst migrate.")
            )
        self.kinds = Weighted(kinds, [words.KIND_WEIGHTS.get(slug, 5) for _, slug, _ in kinds])

    # Reference data --------------------------------------------------------------------------

    def _write_regions(self):
        specs = region_specs()
        existing = {
            (name, kind, country): pk
            for pk, name, kind, country in Region.objects.values_list(
                "pk", "name", "kind", "country"
            )
        }
        slugs = SlugBook(Region)
        self.cities, self.areas, self.provinces = [], [], []
        places_of_kind = {"gemeente": self.cities, "regio": self.areas, "provincie": self.provinces}
        with self._stage("regio's", len(specs)) as bar:
            for name, kind, country, parent_name, parent_kind in specs:
                key = (name, kind, country)
                if key not in existing:
                    existing[key] = pk = self.regions.next_id()
                    parent = existing[(parent_name, parent_kind, country)] if parent_name else None
                    self.regions.add(pk, name, slugs.claim(name), country, kind, parent, "")
                if kind in places_of_kind:
                    places_of_kind[kind].append(_Place(existing[key], name, country, parent_name))
                bar.update()

        def in_country(places):
            return {code: [p for p in places if p.country == code] for code in ("NL", "BE")}

        self.cities_in = in_country(self.cities)
        self.areas_in = in_country(self.areas)
        self.provinces_in = in_country(self.provinces)
        self.places = self.cities + self.areas
        self.writer = Writer(
            self.rng,
            cities=[city.name for city in self.cities],
            regions=[area.name for area in self.areas],
        )

    def _write_themes(self):
        existing = {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}
        slugs = SlugBook(Tag)
        tag_ids = []
        with self._stage("thema's", len(words.THEMES)) as bar:
            for theme in words.THEMES:
                pk = existing.get(theme.lower())
                if pk is None:
                    pk = self.tags.next_id()
                    self.tags.add(pk, theme, slugs.claim(theme))
                tag_ids.append(pk)
                bar.update()
        self.themes = zipf(tag_ids)

    def _write_organisations(self, count):
        rng, writer = self.rng, self.writer
        slugs = SlugBook(Organisation)
        cities_by_name = {(city.name, city.country): city for city in self.cities}
        municipalities = list(self.cities)
        rng.shuffle(municipalities)
        kinds = Weighted(
            ["gemeente", *words.ORGANISATION_KIND_WEIGHTS],
            [10, *words.ORGANISATION_KIND_WEIGHTS.values()],
        )
        self.organisation_ids, self.organisation_names, self.websites = [], [], []
        names = set()

        def add(name, kind, country, region_id):
            pk, slug = self.organisations.next_id(), slugs.claim(name)
            website = f"https://www.{slug.replace('-', '')}.{_TOP_LEVEL_DOMAIN[country]}"
            description = writer.organisation_description(name) if rng.random() < 0.4 else ""
            ceased_on = self._day() if rng.random() < 0.02 else None
            self.organisations.add(pk, name, slug, kind, website, region_id, description, ceased_on)
            self.organisation_ids.append(pk)
            self.organisation_names.append(name)
            self.websites.append(website)
            names.add(name)

        def draw():
            kind = kinds.pick(rng)
            if kind == "gemeente" and municipalities:
                city = municipalities.pop()
                return f"Gemeente {city.name}", kind, city.country, city.id
            if kind == "gemeente":
                kind = "overig"
            country = "BE" if rng.random() < 0.25 else "NL"
            city = pick(rng, self.cities_in[country])
            nearby = [a for a in self.areas_in[country] if a.parent == city.parent]
            area = pick(rng, nearby or self.areas_in[country])
            province = pick(rng, self.provinces_in[country])
            name, place = writer.organisation_name(
                kind=kind, city=city.name, region=area.name, province=province.name
            )
            region = {"region": area, "province": province}.get(place, city)
            return name, kind, country, region.id

        with self._stage("organisaties", count) as bar:
            for name, kind, country, city in words.KNOWN_ORGANISATIONS[:count]:
                add(name, kind, country, cities_by_name[(city, country)].id)
                bar.update()
            while len(self.organisation_ids) < count:
                for _attempt in range(20):  # a new name if one can be found
                    drawn = draw()
                    if drawn[0] not in names:
                        break
                add(*drawn)
                bar.update()
        self.busy_organisations = zipf(range(len(self.organisation_ids)), 0.9)

    def _write_people(self, count):
        rng, writer = self.rng, self.writer
        slugs = SlugBook(Person)
        index_of = {name: index for index, name in enumerate(self.organisation_names)}
        self.person_ids, self.person_names = [], []

        def add(name, function, organisation_index):
            pk = self.people.next_id()
            organisation = (
                None if organisation_index is None else self.organisation_ids[organisation_index]
            )
            bio = writer.person_bio(name=name, function=function) if rng.random() < 0.3 else ""
            self.people.add(pk, name, slugs.claim(name), function, organisation, bio)
            self.person_ids.append(pk)
            self.person_names.append(name)

        with self._stage("personen", count) as bar:
            for name, _country, function, organisation in words.KNOWN_PEOPLE[:count]:
                add(name, function, index_of.get(organisation))
                bar.update()
            while len(self.person_ids) < count:
                country = "BE" if rng.random() < 0.3 else "NL"
                organisation = self.busy_organisations.pick(rng) if rng.random() < 0.85 else None
                add(writer.person_name(country), writer.function(), organisation)
                bar.update()
        self.speakers = zipf(range(len(self.person_ids)), 0.8)

    def _write_series(self, count):
        slugs = SlugBook(Series)
        self.series_list = []
        with self._stage("reeksen", count) as bar:
            for _ in range(count):
                pk, subject = self.series.next_id(), self.writer.subject()
                name = self.writer.series_name(subject=subject)
                description = self.writer.series_description(subject=subject)
                self.series.add(pk, name, slugs.claim(name), description)
                self.series_list.append((pk, subject))
                bar.update()

    # Events ----------------------------------------------------------------------------------

    def _write_events(self, count):
        rng = self.rng
        slugs = SlugBook(Event)
        self.event_ids = [self.events.next_id() for _ in range(count)]
        drafts, members = _draft_and_members_only_counts(count, minimum=1)
        special = rng.sample(range(count), drafts + members)
        draft_at, members_at = set(special[:drafts]), set(special[drafts:])
        self.recent_events = deque(maxlen=500)
        self.series_events = {}
        with self._stage("bijeenkomsten", count) as bar:
            for index, pk in enumerate(self.event_ids):
                self._write_event(
                    pk, slugs, draft=index in draft_at, members_only=index in members_at
                )
                if index % EVENTS_PER_BATCH == EVENTS_PER_BATCH - 1:
                    self.loader.flush()
                bar.update()
            self.loader.flush()

    def _write_event(self, pk, slugs, *, draft, members_only):
        rng, writer = self.rng, self.writer
        kind_id, kind_slug, kind_name = self.kinds.pick(rng)
        series = pick(rng, self.series_list) if rng.random() < 0.3 else None
        subject = series[1] if series else writer.subject()
        start = self._day() if rng.random() < 0.98 else None
        multi_day = start and kind_slug == "congres" and rng.random() < 0.3
        end = start + datetime.timedelta(days=1) if multi_day else None
        title = writer.event_title(
            kind_slug=kind_slug,
            kind_name=kind_name,
            year=(start or LAST_DAY).year,
            subject=subject,
        )
        slug = slugs.claim(title)
        if draft:
            published_at = None
            created_at = datetime.datetime.combine(start or FIRST_DAY, _NINE)
        else:
            published_at = _moment(start or PUBLISHED_BY.date(), rng, days_before=(7, 60))
            created_at = published_at - datetime.timedelta(days=between(rng, 1, 30))
        online = kind_slug in words.ONLINE_KINDS or rng.random() < 0.05
        city = pick(rng, self.cities)
        region_ids = [] if online else [city.id]
        if rng.random() < 0.3:
            area = pick(rng, self.areas_in[city.country])
            region_ids.append(area.id)
        domain_ids = rng.sample(self.domain_ids, min(len(self.domain_ids), self._domain_count()))
        tag_ids = self.themes.pick_distinct(rng, between(rng, 2, 5))

        organiser = self.busy_organisations.pick(rng)
        self._write_event_organisations(pk, organiser)
        session_ids, session_dates = self._write_sessions(pk, kind_slug, start, subject)
        if kind_slug == "leerkring" and session_dates and session_dates[-1] != start:
            end = session_dates[-1]
        speakers = self._write_participations(pk, session_ids)

        source = rng.random() < 0.8
        self.events.add(
            pk,
            Status.DRAFT if draft else Status.PUBLISHED,
            published_at,
            members_only,
            created_at,
            published_at or created_at,
            title,
            slug,
            kind_id,
            series[0] if series else None,
            start,
            end,
            online,
            "Online" if online else writer.location(city.name),
            writer.summary(
                reference=words.KIND_REFERENCES.get(kind_slug, words.GENERIC_KIND_REFERENCE)
            ),
            writer.body(),
            writer.audience() if rng.random() < 0.15 else "",
            between(rng, 12, 400) if rng.random() < 0.6 else None,
            self.organisation_names[organiser] if source else "",
            f"{self.websites[organiser]}/bijeenkomsten/{slug}" if source else "",
            start + datetime.timedelta(days=between(rng, 0, 14)) if source and start else None,
            source and rng.random() < 0.1,
        )
        for region_id in region_ids:
            self.event_regions.add(pk, region_id)
        for domain_id in domain_ids:
            self.event_domains.add(pk, domain_id)
        for tag_id in tag_ids:
            self.event_tags.add(pk, tag_id)
        self._write_related_events(pk, series)
        self._write_takeaways(
            event_id=pk,
            count=between(rng, *TAKEAWAYS_PER_EVENT),
            session_ids=session_ids,
            tag_ids=tag_ids,
            domain_ids=domain_ids,
            people=speakers,
            stamp=published_at or created_at,
        )

    def _domain_count(self):
        roll = self.rng.random()
        return 1 if roll < 0.55 else 2 if roll < 0.9 else 3

    def _write_event_organisations(self, event_id, organiser):
        rng = self.rng
        self.event_organisations.add(event_id, self.organisation_ids[organiser], "organisator", 0)
        order = 1
        for role, chance in (("partner", 0.5), ("casus", 0.25)):
            if rng.random() < chance:
                for index in self.busy_organisations.pick_distinct(rng, between(rng, 1, 2)):
                    self.event_organisations.add(
                        event_id, self.organisation_ids[index], role, order
                    )
                    order += 1

    def _write_sessions(self, event_id, kind_slug, start, subject):
        rng, writer = self.rng, self.writer
        low, high = words.KIND_SESSIONS.get(kind_slug, (0, 2))
        session_ids, dates = [], []
        for order in range(1, between(rng, low, high) + 1):
            pk = self.sessions.next_id()
            weeks = 3 * (order - 1) if kind_slug == "leerkring" else 0
            day = start + datetime.timedelta(weeks=weeks) if start else None
            summary = writer.sentences(1) if rng.random() < 0.5 else ""
            self.sessions.add(
                pk, event_id, order, writer.session_title(subject=subject), day, summary
            )
            session_ids.append(pk)
            dates.append(day)
        return session_ids, dates

    def _write_participations(self, event_id, session_ids):
        """Speakers per session (or on the event), a moderator or chair; no one twice."""
        rng = self.rng
        roles = [("moderator" if rng.random() < 0.6 else "dagvoorzitter", None)]
        for session_id in session_ids or [None]:
            for _ in range(between(rng, 1, 2 if session_ids else 3)):
                roles.append(("spreker" if rng.random() < 0.75 else "panellid", session_id))
        if rng.random() < 0.1:
            roles.append(("organisator", None))
        if rng.random() < 0.2:
            roles.append(("afsluiter", None))
        people = self.speakers.pick_distinct(rng, len(roles))
        attributable = []
        # With fewer people than roles (a tiny corpus), the last roles stay empty.
        for order, (person, (role, session_id)) in enumerate(zip(people, roles, strict=False)):
            different = rng.random() < 0.1
            organisation = (
                self.organisation_ids[self.busy_organisations.pick(rng)] if different else None
            )
            function = self.writer.function() if rng.random() < 0.1 else ""
            self.participations.add(
                self.person_ids[person], event_id, session_id, role, organisation, function, order
            )
            if role in ("spreker", "panellid"):
                attributable.append(self.person_ids[person])
        return attributable

    def _write_related_events(self, event_id, series):
        """Curated links to one to three earlier events, of the same series when there is one."""
        rng = self.rng
        nearby = self.series_events.setdefault(series[0], deque(maxlen=20)) if series else None
        candidates = nearby or self.recent_events
        if candidates and rng.random() < 0.2:
            for other in rng.sample(list(candidates), min(len(candidates), between(rng, 1, 3))):
                # The link works both ways: Django stores a symmetrical relation twice.
                self.related_events.add(event_id, other)
                self.related_events.add(other, event_id)
        self.recent_events.append(event_id)
        if nearby is not None:
            nearby.append(event_id)

    # Takeaways -------------------------------------------------------------------------------

    def _write_takeaways(
        self,
        *,
        count,
        tag_ids,
        domain_ids,
        people,
        stamp,
        event_id=None,
        publication_id=None,
        session_ids=(),
    ):
        rng, writer = self.rng, self.writer
        for order in range(1, count + 1):
            pk = self.takeaways.next_id()
            text = writer.takeaway()
            slug = self.takeaway_slugs.claim(" ".join(text.split()[:10]))
            explanation = writer.sentences(between(rng, 1, 2)) if rng.random() < 0.25 else ""
            session_id = pick(rng, session_ids) if session_ids and rng.random() < 0.7 else None
            self.takeaways.add(
                pk,
                text,
                slug,
                explanation,
                event_id,
                session_id,
                publication_id,
                order,
                stamp,
                stamp,
            )
            themes = [pick(rng, tag_ids)] if tag_ids and rng.random() < 0.6 else []
            wanted = between(rng, 1, 3)
            while len(themes) < wanted:
                theme = self.themes.pick(rng)
                if theme not in themes:
                    themes.append(theme)
            for tag_id in themes:
                self.takeaway_tags.add(pk, tag_id)
            several = rng.random() < 0.3
            for domain_id in rng.sample(
                domain_ids, between(rng, 1, len(domain_ids)) if several else 1
            ):
                self.takeaway_domains.add(pk, domain_id)
            if people and rng.random() < 0.3:
                self.takeaway_people.add(pk, pick(rng, people))

    # Publications ----------------------------------------------------------------------------

    def _write_publications(self, count):
        rng, writer = self.rng, self.writer
        slugs = SlugBook(Publication)
        drafts, members = _draft_and_members_only_counts(count, minimum=0)
        special = rng.sample(range(count), drafts + members)
        draft_at, members_at = set(special[:drafts]), set(special[drafts:])
        kinds = Weighted(
            list(words.PUBLICATION_KIND_WEIGHTS), list(words.PUBLICATION_KIND_WEIGHTS.values())
        )
        first_day = FIRST_DAY.replace(year=FIRST_DAY.year + 2)
        days = (PUBLISHED_BY.date() - first_day).days
        with self._stage("publicaties", count) as bar:
            for index in range(count):
                pk, kind = self.publications.next_id(), kinds.pick(rng)
                people = self.speakers.pick_distinct(rng, between(rng, 1, 3))
                title = writer.publication_title(kind=kind, person=self.person_names[people[0]])
                slug = slugs.claim(title)
                published_on = first_day + datetime.timedelta(days=between(rng, 0, days))
                draft = index in draft_at
                published_at = None if draft else datetime.datetime.combine(published_on, _NINE)
                created_at = datetime.datetime.combine(published_on, _NINE) - datetime.timedelta(
                    days=between(rng, 1, 30)
                )
                publisher = self.busy_organisations.pick(rng)
                self.publications.add(
                    pk,
                    Status.DRAFT if draft else Status.PUBLISHED,
                    published_at,
                    index in members_at,
                    created_at,
                    published_at or created_at,
                    title,
                    slug,
                    kind,
                    published_on,
                    self.organisation_ids[publisher],
                    writer.sentences(1),
                    writer.body(),
                    f"{self.websites[publisher]}/{words.PUBLICATION_PATHS[kind]}/{slug}",
                    rng.random() < 0.1,
                )
                authors = self._write_publication_links(pk, kind, people)
                domain_ids = rng.sample(
                    self.domain_ids, min(len(self.domain_ids), self._domain_count())
                )
                for domain_id in domain_ids:
                    self.publication_domains.add(pk, domain_id)
                tag_ids = self.themes.pick_distinct(rng, between(rng, 2, 5))
                for tag_id in tag_ids:
                    self.publication_tags.add(pk, tag_id)
                self._write_takeaways(
                    publication_id=pk,
                    count=between(rng, *TAKEAWAYS_PER_PUBLICATION),
                    tag_ids=tag_ids,
                    domain_ids=domain_ids,
                    people=authors,
                    stamp=published_at or created_at,
                )
                bar.update()
            self.loader.flush()

    def _write_publication_links(self, pk, kind, people):
        """People, organisations, regions and related events; returns the authors' ids."""
        rng = self.rng
        roles = ["geinterviewde" if kind == "interview" else "auteur"]
        roles += ["redacteur" if rng.random() < 0.2 else "auteur" for _ in people[1:]]
        for order, (person, role) in enumerate(zip(people, roles, strict=True)):
            self.publication_people.add(pk, self.person_ids[person], role, order)
        for order, index in enumerate(
            self.busy_organisations.pick_distinct(rng, between(rng, 0, 3))
        ):
            role = "casus" if rng.random() < 0.7 else "partner"
            self.publication_organisations.add(pk, self.organisation_ids[index], role, order)
        for place in rng.sample(self.places, between(rng, 0, 2)):
            self.publication_regions.add(pk, place.id)
        if rng.random() < 0.5:
            wanted = min(between(rng, 1, 3), len(self.event_ids))
            for event_id in rng.sample(self.event_ids, wanted):
                self.publication_events.add(pk, event_id)
        return [
            self.person_ids[p] for p, role in zip(people, roles, strict=True) if role != "redacteur"
        ]
