"""What to read next: related items, best first, each with the reasons why.

Related means: the editors' curated links first, then what two items share — the same series,
people, organisations, themes (tags), regions and domains — weighted and added up. The cost is
a fixed number of queries, each reading a bounded number of rows, whatever the size of the
database:

- one query gathers and scores the candidates. For each shared thing (each theme, each person,
  …, at most ``THINGS_PER_SIGNAL`` of a kind) the ``CANDIDATES`` most recently added items that
  share it are read along an index of the link table (a theme on half of all events costs no
  more than a rare one); then, per kind of shared thing, how many of them each candidate shares
  and one example, over the candidates only (a few hundred at most);
- one query fetches the best ``limit`` whole, plus one per prefetch their cards need.

The ranking (which items, and why) changes only when content does: it is kept as a figure
(events/listing.py) per subject, language and kind of visitor, and worked out afresh after any
content change. The items themselves are always fetched through the visibility rule.

``rank`` works on any model; ``related_events`` applies it to an event. Insights (takeaways,
publications) build their own signals in insights/related.py and reuse ``rank``.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from django.utils.translation import gettext as _t

from events.listing import figure
from events.models import Event
from events.querysets import link_model
from events.sql import select

#: Items fetched per shared thing: the most recently added ones.
CANDIDATES = 8
#: Shared things of one kind that gather candidates (all of them still count in the score).
THINGS_PER_SIGNAL = 4
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


def rank(queryset, signals, *, recency, subject, user, exclude=None, limit=6):
    """The ``limit`` items of ``queryset`` that share most with ``subject``, best first.

    ``queryset`` carries the visibility rule for ``user`` (items seen in full only: teasers
    withhold what items share) and the ``select_related``/``prefetch_related`` the cards need
    (only the chosen few are fetched whole); ``recency`` names the field (a date or a number)
    that breaks ties; ``exclude`` is a Q for the subject itself.
    """
    key = f"related:{queryset.model._meta.label}:{subject._meta.label}:{subject.pk}:{limit}"
    ranking = figure(
        f"{key}:{get_language()}",
        lambda: _ranking(queryset, signals, recency=recency, exclude=exclude, limit=limit),
        user=user,
    )
    items = queryset.in_bulk([pk for pk, _score, _reasons in ranking])
    # An item that is no longer visible since the ranking was made is left out.
    return [Related(items[pk], score, reasons) for pk, score, reasons in ranking if pk in items]


def _ranking(queryset, signals, *, recency, exclude, limit):
    """``[(pk, score, reasons)]`` of the best ``limit`` candidates: see ``rank``."""
    signals = [signal for signal in signals if signal.shared]
    base = queryset.prefetch_related(None).order_by()
    if exclude is not None:
        base = base.exclude(exclude)
    columns = list(dict.fromkeys(["pk", recency]))
    values, shared = {}, defaultdict(dict)
    for *row, index, number, example in _candidates(base, signals, columns):
        values.setdefault(row[0], dict(zip(columns, row, strict=True)))
        shared[row[0]][index] = (number, example)
    scored = [Related(values[pk], _score(things, signals)) for pk, things in shared.items()]
    # Best first; among equals the newest (unknown dates last), then the latest added.
    scored.sort(
        key=lambda r: (r.score, r.item[recency] is not None, r.item[recency], r.item["pk"]),
        reverse=True,
    )
    return [
        (
            related.item["pk"],
            related.score,
            _reasons(shared[related.item["pk"]], signals),
        )
        for related in scored[:limit]
    ]


def _candidates(base, signals, columns):
    """Rows of ``columns`` plus (signal index, number shared, an example), in one query.

    ``candidates``: per shared thing, the ``CANDIDATES`` items added last that share it, read
    backwards along the ``(thing, item)`` index of the link table. ``shares``: per kind of
    thing, how many of the subject's things each candidate shares, and one of them. The rows
    are those of the candidates ``base`` lets through (the visibility rule, not the subject),
    one per kind of thing shared (at least the one a candidate was found through).
    """
    quote = connection.ops.quote_name
    parts, shares, params, share_params = [], [], [], []
    for index, signal in enumerate(signals):
        table, item, thing = (quote(name) for name in link_table(base.model, signal.lookup))
        for shared in list(signal.shared)[:THINGS_PER_SIGNAL]:
            parts.append(
                f"SELECT * FROM (SELECT {item} AS pk FROM {table} WHERE {thing} = %s "
                f"ORDER BY {item} DESC LIMIT {CANDIDATES}) AS part_{len(parts)}"
            )
            params.append(shared)
        things = ", ".join(["%s"] * len(signal.shared))
        shares.append(
            f"SELECT {item} AS pk, {index} AS signal, COUNT(DISTINCT {thing}) AS number, "
            f"MIN({thing}) AS example FROM {table} "
            f"WHERE {item} IN (SELECT pk FROM candidates) AND {thing} IN ({things}) "
            f"GROUP BY {item}"
        )
        share_params.extend(signal.shared)
    if not parts:
        return []
    visible, visible_params = select(
        base.filter(pk__in=RawSQL("SELECT pk FROM candidates", [])).values(*columns)
    )
    selected = ", ".join(f"visible.{quote(column)}" for column in columns)
    sql = (
        f"WITH candidates AS ({' UNION '.join(parts)}), "
        f"shares AS ({' UNION ALL '.join(shares)}) "
        f"SELECT {selected}, shares.signal, shares.number, shares.example "
        f"FROM ({visible}) AS visible JOIN shares ON shares.pk = visible.pk"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *share_params, *visible_params])
        return cursor.fetchall()


def link_table(model, lookup):
    """``(table, item column, thing column)``: where ``model``'s rows meet the things that
    ``lookup`` leads to (``"tags"``, ``"regions"``, ``"participations__person"``, ``"series"``)."""
    name, _, onward = lookup.partition("__")
    field = model._meta.get_field(name)
    if onward:  # through the rows of a link model that point at the thing
        link, item, thing = field.related_model, field.field.name, onward
    elif field.many_to_many and not field.concrete:  # the other side of a many-to-many
        link, item, thing = (
            field.through,
            field.field.m2m_reverse_field_name(),
            field.field.m2m_field_name(),
        )
    elif field.many_to_many:
        link, item, thing = link_model(model, name)
    else:  # a foreign key of the item itself
        link, item, thing = model, model._meta.pk.name, name
    meta = link._meta
    return meta.db_table, meta.get_field(item).column, meta.get_field(thing).column


def _score(shared, signals):
    """What a candidate shares (``{signal index: (number, example)}``), weighed and added up."""
    return sum(signals[index].weight * number for index, (number, _) in shared.items())


def _reasons(shared, signals):
    """The reasons for the strongest things shared, in Dutch."""
    weighed = sorted(shared.items(), key=lambda pair: -signals[pair[0]].weight * pair[1][0])
    return [
        signals[index].reason(number, signals[index].shared[example])
        for index, (number, example) in weighed[:REASONS_SHOWN]
    ]


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
        Signal("tags", {tag.pk: tag.name for tag in event.tag_list}, 2, shared_themes),
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
        Signal("regions", {r.pk: r.name for r in event.region_list}, 1.5, same_regions),
        Signal("domains", {d.pk: d.name for d in event.domain_list}, 0.5, same_domains),
    ]
    if event.series_id:
        signals.insert(1, Signal("series", {event.series_id: event.series.name}, 10, same_series))
    return signals


def related_events(event, user, *, limit=6):
    """Events related to ``event`` that ``user`` may see in full: a teaser is never related,
    since what it shares (people, organisations, themes, regions) is what it withholds."""
    return rank(
        Event.objects.visible_to(user).for_listing(),
        event_signals(event),
        recency="date",
        subject=event,
        user=user,
        exclude=Q(pk=event.pk),
        limit=limit,
    )


def series_neighbours(event, user):
    """The previous and next visible event in ``event``'s series (by date), or None."""
    if not event.series_id or event.date is None:
        return None, None
    in_series = Event.objects.visible_to(user).in_series(event.series_id)
    earlier = Q(date__lt=event.date) | Q(date=event.date, pk__lt=event.pk)
    later = Q(date__gt=event.date) | Q(date=event.date, pk__gt=event.pk)
    previous = in_series.filter(earlier).order_by("-date", "-pk").first()
    following = in_series.filter(later).order_by("date", "pk").first()
    return previous, following
