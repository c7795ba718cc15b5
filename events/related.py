"""What to read next: related items, best first, each with the reasons why.

Related means: the editors' curated links first, then what two items share — the same series,
people, organisations, themes (tags), regions and domains — weighted and added up. The cost is
a fixed number of queries, each reading a bounded number of rows, whatever the size of the
database:

- one query gathers the candidates: for each shared thing (each theme, each person, …, at most
  ``THINGS_PER_SIGNAL`` of a kind) the ``CANDIDATES`` newest items that share it, as a UNION of
  small index-ordered subqueries; a theme on half of all events costs no more than a rare one;
- one query scores the candidates (a few hundred at most): per kind of shared thing, how many
  each shares and one example, as a UNION of small aggregates;
- one query fetches the best ``limit`` whole, plus one per prefetch their cards need.

``rank`` works on any model; ``related_events`` applies it to an event. Insights (takeaways,
publications) build their own signals in insights/related.py and reuse ``rank``.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Min, Q, Value
from django.utils.translation import gettext as _t

from events.models import Event

#: Newest items fetched per shared thing.
CANDIDATES = 12
#: Shared things of one kind that gather candidates (all of them still count in the score).
THINGS_PER_SIGNAL = 6
#: Reasons shown per related item.
REASONS_SHOWN = 2


@dataclass(frozen=True)
class Signal:
    """One kind of thing an item can share with a candidate.

    ``lookup`` leads from the candidate model to the shared thing (``"tags"``,
    ``"participations__person"``); ``shared`` maps the subject's things of this kind (their
    primary keys) to their names; ``reason(number, name)`` says it in Dutch, where ``name`` is
    one of the shared things.
    """

    lookup: str
    shared: dict
    weight: float
    reason: Callable[[int, str], str]


@dataclass
class Related:
    item: object
    score: float = 0
    reasons: list = field(default_factory=list)


def rank(queryset, signals, *, order, recency, exclude=None, limit=6):
    """The ``limit`` items of ``queryset`` that share most with the subject, best first.

    ``queryset`` carries the visibility rule and the ``select_related``/``prefetch_related``
    the cards need (only the chosen few are fetched whole); ``order`` names the QuerySet
    method that puts the newest first (in an order an index can serve), ``recency`` the field
    (a date or a number) that breaks ties; ``exclude`` is a Q for the subject itself.
    Members-only items shown as teasers get no reasons: they could tell a non-member who took
    part.
    """
    signals = [signal for signal in signals if signal.shared]
    base = queryset.prefetch_related(None)
    if exclude is not None:
        base = base.exclude(exclude)
    columns = dict.fromkeys(["pk", recency, *base.query.annotations])
    candidates = {
        row[0]: dict(zip(columns, row, strict=True))
        for row in _union(
            getattr(base.filter(**{signal.lookup: thing}), order)().values(*columns)[:CANDIDATES]
            for signal in signals
            for thing in list(signal.shared)[:THINGS_PER_SIGNAL]
        )
    }
    if not candidates:
        return []
    shared = defaultdict(dict)
    for pk, index, number, example in _union(
        base.model.objects.filter(pk__in=candidates, **{f"{signal.lookup}__in": signal.shared})
        .order_by()
        .values("pk")
        .annotate(
            signal=Value(index),
            number=Count(signal.lookup, distinct=True),
            example=Min(signal.lookup),
        )
        .values_list("pk", "signal", "number", "example")
        for index, signal in enumerate(signals)
    ):
        shared[pk][index] = (number, example)
    scored = [_related(candidates[pk], shared[pk], signals) for pk in candidates]
    # Best first; among equals the newest (unknown dates last), then the latest added.
    scored.sort(key=lambda r: r.item["pk"], reverse=True)
    scored.sort(key=lambda r: (r.item[recency] is not None, r.item[recency]), reverse=True)
    scored.sort(key=lambda r: r.score, reverse=True)
    scored = scored[:limit]
    items = queryset.in_bulk([related.item["pk"] for related in scored])
    for related in scored:
        related.item = items[related.item["pk"]]
    return scored


def _union(querysets):
    """The rows of all ``querysets`` together (without repeats), in one UNION query.

    Each part keeps its own ORDER BY and LIMIT, which Django's ``union()`` does not allow on
    SQLite; wrapped as subqueries they work on both databases.
    """
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS part_{len(parts)}")
        params.extend(part_params)
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(parts), params)
        return cursor.fetchall()


def _related(candidate, shared, signals):
    """Score a candidate from what it shares (``{signal index: (number, example)}``)."""
    related = Related(candidate)
    weighed = []
    for index, (number, example) in shared.items():
        signal = signals[index]
        related.score += signal.weight * number
        weighed.append((signal.weight * number, signal.reason(number, signal.shared[example])))
    weighed.sort(key=lambda pair: -pair[0])
    teaser = candidate.get("is_teaser", False)
    related.reasons = [] if teaser else [reason for _, reason in weighed[:REASONS_SHOWN]]
    return related


# Reasons, in Dutch: ``number`` things shared, ``name`` one of them.


def curated(number, name):
    return _t("gekoppeld door de redactie")


def same_series(number, name):
    return _t("deel van dezelfde reeks: %(name)s") % {"name": name}


def shared_themes(number, name):
    if number == 1:
        return _t("gedeeld thema: %(name)s") % {"name": name}
    return _t("%(n)d gedeelde thema's") % {"n": number}


def same_people(number, name):
    if number == 1:
        return _t("zelfde spreker: %(name)s") % {"name": name}
    return _t("%(n)d dezelfde sprekers") % {"n": number}


def same_organisations(number, name):
    if number == 1:
        return _t("zelfde organisatie: %(name)s") % {"name": name}
    return _t("%(n)d dezelfde organisaties") % {"n": number}


def same_regions(number, name):
    if number == 1:
        return _t("zelfde regio: %(name)s") % {"name": name}
    return _t("%(n)d dezelfde regio's") % {"n": number}


def same_domains(number, name):
    if number == 1:
        return _t("zelfde domein: %(name)s") % {"name": name}
    return _t("%(n)d dezelfde domeinen") % {"n": number}


def event_signals(event):
    """What an event (with its relations prefetched or not) can share with other events."""
    participations = event.participations.all()
    organisations = event.event_organisations.all()
    signals = [
        Signal("related_events", {event.pk: ""}, 100, curated),
        Signal("tags", {tag.pk: tag.name for tag in event.tags.all()}, 2, shared_themes),
        Signal(
            "participations__person",
            {p.person_id: p.person.name for p in participations},
            6,
            same_people,
        ),
        Signal(
            "event_organisations__organisation",
            {link.organisation_id: link.organisation.name for link in organisations},
            3,
            same_organisations,
        ),
        Signal("regions", {r.pk: r.name for r in event.regions.all()}, 1.5, same_regions),
        Signal("domains", {d.pk: d.name for d in event.domains.all()}, 0.5, same_domains),
    ]
    if event.series_id:
        signals.insert(1, Signal("series", {event.series_id: event.series.name}, 10, same_series))
    return signals


def related_events(event, user, *, limit=6):
    """Events related to ``event`` that ``user`` may see (members-only ones as teasers)."""
    return rank(
        Event.objects.visible_to(user, teasers=True).for_listing(),
        event_signals(event),
        order="newest_first",
        recency="date",
        exclude=Q(pk=event.pk),
        limit=limit,
    )


def series_neighbours(event, user):
    """The previous and next visible event in ``event``'s series (by date), or None."""
    if not event.series_id or event.date is None:
        return None, None
    in_series = Event.objects.visible_to(user, teasers=True).in_series(event.series_id)
    earlier = Q(date__lt=event.date) | Q(date=event.date, pk__lt=event.pk)
    later = Q(date__gt=event.date) | Q(date=event.date, pk__gt=event.pk)
    previous = in_series.filter(earlier).order_by("-date", "-pk").first()
    following = in_series.filter(later).order_by("date", "pk").first()
    return previous, following
