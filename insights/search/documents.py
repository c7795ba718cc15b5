"""What the index knows about each item: ``Document``s built from the content tables.

Texts are grouped by weight: A = title, takeaway text or name; B = themes (tags); C = summary
and who/what/where (kind, organisations, people, regions); D = body. Facet values, the
visibility fields and the date are copied from the item, or for sessions and takeaways from the
event or publication they belong to.

``Loader`` reads in a fixed number of queries per batch of ids (``values_list``, no model
instances), so indexing a million takeaways stays fast; it remembers events and publications
it has read, for their takeaways.
"""

import datetime
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models.functions import Coalesce

from events.models import (
    Event,
    EventOrganisation,
    Organisation,
    OrganisationKind,
    Participation,
    Person,
    Session,
)
from events.publishing import Status
from insights.models import (
    Publication,
    PublicationKind,
    PublicationOrganisation,
    PublicationPerson,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)
from insights.search import text
from insights.search.models import Facet, ItemType
from portal.markdown import plain_text

# People and organisations have no publication status of their own: their entries say
# "published, always", and who may find them is decided when searching, from the real rows
# (``SearchEntry.objects.visible_to``).
ALWAYS = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
CONTEXT_LENGTH = 300
# Titles longer than this have too many words for a title key (see ``text.title_key``).
TITLE_KEY_LENGTH = 160
TITLE_LENGTH = 500


@dataclass
class Document:
    item_type: str
    item_id: int
    source_type: str
    source_id: int
    title: str
    url: str
    texts: tuple  # (A, B, C, D)
    content: str = ""
    context: str = ""
    date: datetime.date | None = None
    status: str = Status.PUBLISHED
    published_at: datetime.datetime | None = ALWAYS
    members_only: bool = False
    facets: list = field(default_factory=list)  # (facet, value, label)
    # Whether its words may join the vocabulary of suggestions; None: when it is public.
    words_public: bool | None = None

    def __post_init__(self):
        self.title = text.clean(self.title)[:TITLE_LENGTH]
        self.context = text.clean(self.context)[:CONTEXT_LENGTH]
        self.content = text.clean(self.content)
        self.texts = tuple(text.clean(part) for part in self.texts)
        self.facets.insert(0, (Facet.TYPE, self.item_type, ItemType(self.item_type).label))
        if self.date:
            self.facets.append((Facet.YEAR, str(self.date.year), str(self.date.year)))

    @cached_property
    def title_words(self):
        """The folded words of the title (A) and the themes (B)."""
        return text.words(self.texts[0]), text.words(self.texts[1])

    @property
    def title_key(self):
        if len(self.texts[0]) > TITLE_KEY_LENGTH:  # many words: no name, no key
            return ""
        return text.title_key(self.title_words[0])

    def weighted_texts(self, splitter):
        """The texts by weight, each with the compound parts of the weight above it.

        Parts of the title go with the themes (B), parts of the themes with the summary (C),
        parts of summary and body with the body (D): a part always counts less than a whole
        word in the same place.
        """
        parts = [
            " ".join(
                dict.fromkeys(
                    part
                    for word in sorted(text.long_words(value, splitter.shortest))
                    for part in splitter.parts(word)
                )
            )
            for value in self.texts
        ]
        a, b, c, d = self.texts
        return (a, _join(b, parts[0]), _join(c, parts[1]), _join(d, parts[2], parts[3]))

    def is_public(self, now):
        """Published, past its moment and not for members only: its words may be suggested
        (people and organisations: when an anonymous visitor may find them, ``words_public``)."""
        if self.words_public is not None:
            return self.words_public
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and not self.members_only
        )


@dataclass
class Source:
    """An event or publication, as its sessions and takeaways inherit from it."""

    item_type: str
    id: int
    title: str
    url: str
    date: datetime.date | None
    status: str
    published_at: datetime.datetime | None
    members_only: bool
    facets: list  # kind, domains and regions: (facet, value, label)
    themes: list  # (slug, name)

    @property
    def kind_label(self):
        return next(label for facet, _, label in self.facets if facet == Facet.KIND)

    @property
    def region_names(self):
        return [label for facet, _, label in self.facets if facet == Facet.REGION]

    @property
    def theme_names(self):
        return _join(*(name for _, name in self.themes))

    def inherited(self, *, own_domains=(), themes=()):
        """Keyword arguments for a ``Document`` of a session or takeaway of this source."""
        facets = [entry for entry in self.facets if entry[0] != Facet.DOMAIN or not own_domains]
        facets += own_domains
        facets += [(Facet.THEME, slug, name) for slug, name in themes]
        return {
            "source_type": self.item_type,
            "source_id": self.id,
            "date": self.date,
            "status": self.status,
            "published_at": self.published_at,
            "members_only": self.members_only,
            "facets": facets,
        }


# Markdown syntax: text without any of it reads the same rendered and is taken as it is.
_MARKDOWN = re.compile(r"[*_\[\]`#<>|~\\&]|^\s*(?:[-+]|\d+\.)\s", re.MULTILINE)


def plain(markdown):
    """The plain text of ``markdown`` (rendered only when it uses Markdown syntax)."""
    if not markdown:
        return ""
    if not _MARKDOWN.search(markdown):
        return " ".join(markdown.split())
    return html.unescape(plain_text(markdown))


class IdRange(list):
    """Every id of a table from the first to the last of these: a batch of a rebuild.

    Filtered as a range, which costs Django and the database far less than an IN list.
    """


def _in(field, ids):
    """Filter keyword arguments for "``field`` is one of ``ids``"."""
    if isinstance(ids, IdRange):
        return {f"{field}__gte": ids[0], f"{field}__lte": ids[-1]} if ids else {f"{field}__in": []}
    return {f"{field}__in": list(ids)}


def _grouped(rows):
    """{first column: [rest of the row, …]} for rows of tuples."""
    groups = defaultdict(list)
    for key, *rest in rows:
        groups[key].append(rest[0] if len(rest) == 1 else tuple(rest))
    return groups


def _join(*parts):
    return " ".join(part for part in parts if part)


class Loader:
    def __init__(self):
        self.sources = {}  # (item type, id) → Source

    # Events and their sessions ---------------------------------------------------------------

    def events(self, ids):
        """Documents of the events ``ids`` and of their sessions."""
        sources = self._event_sources(ids)
        events = Event.objects.filter(**_in("id", ids)).values_list(
            "id", "summary", "body", "location", "audience"
        )
        organisations = _grouped(
            EventOrganisation.objects.filter(**_in("event_id", ids))
            .order_by("order", "pk")
            .values_list("event_id", "organisation__name")
        )
        people = _grouped(
            Participation.objects.filter(**_in("event_id", ids))
            .order_by("order", "pk")
            .values_list("event_id", "person__name")
        )
        documents = []
        for event_id, summary, body, location, audience in events:
            source = sources[event_id]
            summary, body = plain(summary), plain(body)
            documents.append(
                Document(
                    item_type=ItemType.EVENT,
                    item_id=event_id,
                    title=source.title,
                    url=source.url,
                    context=source.kind_label,
                    content=_join(summary, body),
                    texts=(
                        source.title,
                        source.theme_names,
                        _join(
                            summary,
                            source.kind_label,
                            *organisations[event_id],
                            *dict.fromkeys(people[event_id]),
                            *source.region_names,
                            location,
                        ),
                        _join(body, audience),
                    ),
                    **source.inherited(themes=source.themes),
                )
            )
        return documents + self._sessions(ids, sources)

    def _sessions(self, event_ids, sources):
        sessions = Session.objects.filter(**_in("event_id", event_ids)).values_list(
            "id", "event_id", "order", "title", "date", "summary"
        )
        speakers = _grouped(
            Participation.objects.filter(**_in("session__event_id", event_ids))
            .order_by("order", "pk")
            .values_list("session_id", "person__name")
        )
        documents = []
        for session_id, event_id, order, title, date, summary in sessions:
            source = sources[event_id]
            summary = plain(summary)
            documents.append(
                Document(
                    item_type=ItemType.SESSION,
                    item_id=session_id,
                    title=title,
                    url=f"{source.url}#{Session(order=order).anchor}",
                    context=source.title,
                    content=summary,
                    texts=(title, source.theme_names, _join(summary, *speakers[session_id]), ""),
                    **{**source.inherited(themes=source.themes), "date": date or source.date},
                )
            )
        return documents

    def _event_sources(self, ids):
        missing = self._missing(ItemType.EVENT, ids)
        facets = defaultdict(list)
        for event_id, slug, name in Event.domains.through.objects.filter(
            **_in("event_id", missing)
        ).values_list("event_id", "domain__slug", "domain__name"):
            facets[event_id].append((Facet.DOMAIN, slug, name))
        for event_id, slug, name in Event.regions.through.objects.filter(
            **_in("event_id", missing)
        ).values_list("event_id", "region__slug", "region__name"):
            facets[event_id].append((Facet.REGION, slug, name))
        themes = _grouped(
            Event.tags.through.objects.filter(**_in("content_object_id", missing)).values_list(
                "content_object_id", "tag__slug", "tag__name"
            )
        )
        rows = Event.objects.filter(**_in("id", missing)).values_list(
            "id", "title", "slug", "date", "status", "published_at", "members_only",
            "kind__slug", "kind__name",
        )  # fmt: skip
        for pk, title, slug, date, status, published_at, members_only, kind, kind_name in rows:
            self.sources[ItemType.EVENT, pk] = Source(
                item_type=ItemType.EVENT,
                id=pk,
                title=title,
                url=Event(slug=slug).get_absolute_url(),
                date=date,
                status=status,
                published_at=published_at,
                members_only=members_only,
                facets=[(Facet.KIND, kind, kind_name), *facets[pk]],
                themes=themes[pk],
            )
        return self._known(ItemType.EVENT, ids)

    def _missing(self, item_type, ids):
        """The ``ids`` whose source is not read yet (all of them: still a range)."""
        missing = [pk for pk in ids if (item_type, pk) not in self.sources]
        return ids if len(missing) == len(ids) else missing

    def _known(self, item_type, ids):
        return {pk: self.sources[item_type, pk] for pk in ids if (item_type, pk) in self.sources}

    # Publications ----------------------------------------------------------------------------

    def publications(self, ids):
        sources = self._publication_sources(ids)
        publications = Publication.objects.filter(**_in("id", ids)).values_list(
            "id", "summary", "body", "publisher__name"
        )
        people = _grouped(
            PublicationPerson.objects.filter(**_in("publication_id", ids))
            .order_by("order", "pk")
            .values_list("publication_id", "person__name")
        )
        organisations = _grouped(
            PublicationOrganisation.objects.filter(**_in("publication_id", ids))
            .order_by("order", "pk")
            .values_list("publication_id", "organisation__name")
        )
        documents = []
        for publication_id, summary, body, publisher in publications:
            source = sources[publication_id]
            summary, body = plain(summary), plain(body)
            documents.append(
                Document(
                    item_type=ItemType.PUBLICATION,
                    item_id=publication_id,
                    title=source.title,
                    url=source.url,
                    context=source.kind_label,
                    content=_join(summary, body),
                    texts=(
                        source.title,
                        source.theme_names,
                        _join(
                            summary,
                            source.kind_label,
                            publisher,
                            *dict.fromkeys(people[publication_id]),
                            *organisations[publication_id],
                            *source.region_names,
                        ),
                        body,
                    ),
                    **source.inherited(themes=source.themes),
                )
            )
        return documents

    def _publication_sources(self, ids):
        missing = self._missing(ItemType.PUBLICATION, ids)
        facets = defaultdict(list)
        for publication_id, slug, name in Publication.domains.through.objects.filter(
            **_in("publication_id", missing)
        ).values_list("publication_id", "domain__slug", "domain__name"):
            facets[publication_id].append((Facet.DOMAIN, slug, name))
        for publication_id, slug, name in Publication.regions.through.objects.filter(
            **_in("publication_id", missing)
        ).values_list("publication_id", "region__slug", "region__name"):
            facets[publication_id].append((Facet.REGION, slug, name))
        themes = _grouped(
            TaggedPublication.objects.filter(**_in("content_object_id", missing)).values_list(
                "content_object_id", "tag__slug", "tag__name"
            )
        )
        rows = Publication.objects.filter(**_in("id", missing)).values_list(
            "id", "title", "slug", "published_on", "status", "published_at", "members_only",
            "kind",
        )  # fmt: skip
        for pk, title, slug, date, status, published_at, members_only, kind in rows:
            kind_label = str(PublicationKind(kind).label) if kind in PublicationKind else kind
            self.sources[ItemType.PUBLICATION, pk] = Source(
                item_type=ItemType.PUBLICATION,
                id=pk,
                title=title,
                url=Publication(slug=slug).get_absolute_url(),
                date=date,
                status=status,
                published_at=published_at,
                members_only=members_only,
                facets=[(Facet.KIND, kind, kind_label), *facets[pk]],
                themes=themes[pk],
            )
        return self._known(ItemType.PUBLICATION, ids)

    # Takeaways -------------------------------------------------------------------------------

    def takeaways(self, ids):
        rows = list(
            Takeaway.objects.filter(**_in("id", ids)).values_list(
                "id", "text", "slug", "explanation", "event_id", "publication_id"
            )
        )
        events = self._event_sources({row[4] for row in rows if row[4]})
        publications = self._publication_sources({row[5] for row in rows if row[5]})
        themes = _grouped(
            TaggedTakeaway.objects.filter(**_in("content_object_id", ids)).values_list(
                "content_object_id", "tag__slug", "tag__name"
            )
        )
        domains = _grouped(
            Takeaway.domains.through.objects.filter(**_in("takeaway_id", ids)).values_list(
                "takeaway_id", "domain__slug", "domain__name"
            )
        )
        people = _grouped(
            TakeawayPerson.objects.filter(**_in("takeaway_id", ids)).values_list(
                "takeaway_id", "person__name"
            )
        )
        documents = []
        for pk, takeaway_text, slug, explanation, event_id, publication_id in rows:
            source = events[event_id] if event_id else publications[publication_id]
            explanation = plain(explanation)
            own_domains = [(Facet.DOMAIN, value, label) for value, label in domains[pk]]
            documents.append(
                Document(
                    item_type=ItemType.TAKEAWAY,
                    item_id=pk,
                    title=takeaway_text,
                    url=Takeaway(slug=slug).get_absolute_url(),
                    context=source.title,
                    content=explanation,
                    texts=(
                        takeaway_text,
                        _join(*(name for _, name in themes[pk])),
                        _join(*people[pk]),
                        explanation,
                    ),
                    **source.inherited(own_domains=own_domains, themes=themes[pk]),
                )
            )
        return documents

    # People and organisations ----------------------------------------------------------------

    def people(self, ids):
        rows = Person.objects.filter(**_in("id", ids)).values_list(
            "id", "name", "slug", "function", "organisation__name", "bio"
        )
        public = _ids_among(Person.objects.visible_to(None), ids)
        documents = []
        for pk, name, slug, function, organisation, bio in rows:
            about = _join(function, organisation)
            bio = plain(bio)
            documents.append(
                Document(
                    item_type=ItemType.PERSON,
                    item_id=pk,
                    source_type=ItemType.PERSON,
                    source_id=pk,
                    title=name,
                    url=Person(slug=slug).get_absolute_url(),
                    context=", ".join(part for part in (function, organisation) if part),
                    content=_join(about, bio),
                    texts=(name, "", about, bio),
                    words_public=pk in public,
                )
            )
        return documents

    def organisations(self, ids):
        rows = Organisation.objects.filter(**_in("id", ids)).values_list(
            "id", "name", "slug", "kind", "region__slug", "region__name", "description"
        )
        public = _ids_among(Organisation.objects.visible_to(None), ids)
        documents = []
        for pk, name, slug, kind, region_slug, region_name, description in rows:
            kind_label = str(OrganisationKind(kind).label) if kind in OrganisationKind else kind
            description = plain(description)
            documents.append(
                Document(
                    item_type=ItemType.ORGANISATION,
                    item_id=pk,
                    source_type=ItemType.ORGANISATION,
                    source_id=pk,
                    title=name,
                    url=Organisation(slug=slug).get_absolute_url(),
                    context=kind_label,
                    content=description,
                    texts=(name, "", _join(kind_label, region_name), description),
                    facets=[(Facet.REGION, region_slug, region_name)] if region_slug else [],
                    words_public=pk in public,
                )
            )
        return documents


def _ids_among(queryset, ids):
    return set(queryset.filter(**_in("id", ids)).values_list("id", flat=True))


def item_dates():
    """(item type, item id, date) of every item: the dates its ``Document`` gets."""
    yield from ((ItemType.EVENT, pk, date) for pk, date in Event.objects.values_list("pk", "date"))
    yield from (
        (ItemType.SESSION, pk, date)
        for pk, date in Session.objects.values_list("pk", Coalesce("date", "event__date"))
    )
    yield from (
        (ItemType.PUBLICATION, pk, date)
        for pk, date in Publication.objects.values_list("pk", "published_on")
    )
    yield from (
        (ItemType.TAKEAWAY, pk, date)
        for pk, date in Takeaway.objects.values_list(
            "pk", Coalesce("event__date", "publication__published_on")
        )
    )
    yield from ((ItemType.PERSON, pk, None) for pk in Person.objects.values_list("pk", flat=True))
    yield from (
        (ItemType.ORGANISATION, pk, None)
        for pk in Organisation.objects.values_list("pk", flat=True)
    )
