"""Facets: the filters a search is narrowed with, and the counts shown next to them.

Filters combine with the query and with each other (AND, also for several domains); counts are
for the current result set, so each says how many results choosing that value would leave.
"""

from dataclasses import dataclass

from django.db.models import Q

from insights.search.models import Facet, ItemType, SearchEntryFacet

ORDER = (Facet.TYPE, Facet.DOMAIN, Facet.KIND, Facet.REGION, Facet.YEAR, Facet.THEME)
SHOWN = {Facet.REGION: 10, Facet.THEME: 12, Facet.KIND: 10, Facet.YEAR: 12}


@dataclass(frozen=True)
class Filters:
    """What the results are narrowed to: a result type and facet values.

    ``values`` are the chosen (facet, value) pairs; ``value_ids`` their ``SearchFacetValue``
    ids, None for a value that no entry has (the filter is valid but finds nothing).
    """

    item_type: str = ""
    values: tuple = ()
    value_ids: tuple = ()

    def condition(self):
        """A Q on ``SearchEntry``."""
        if None in self.value_ids:
            return Q(pk__in=[])
        condition = Q(item_type=self.item_type) if self.item_type else Q()
        for value_id in self.value_ids:
            condition &= Q(
                id__in=SearchEntryFacet.objects.filter(value_id=value_id).values("entry_id")
            )
        return condition

    @property
    def selected(self):
        """{(facet, value)} of the active filters."""
        chosen = set(self.values)
        if self.item_type:
            chosen.add((Facet.TYPE, self.item_type))
        return chosen

    def __bool__(self):
        return bool(self.item_type or self.values)


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    facet: str
    label: str
    options: tuple


def groups(rows, *, scale=1.0, selected=frozenset()):
    """``FacetGroup``s from (facet, value, label, count) rows; counts multiplied by ``scale``.

    Every selected value is shown; otherwise the most frequent ones, up to ``SHOWN``.
    """
    by_facet = {}
    for facet, value, label, number in rows:
        if facet == Facet.TYPE and value in ItemType.values:
            label = str(ItemType(value).label)
        count = estimate(number * scale) if scale != 1 else number
        by_facet.setdefault(facet, []).append(
            FacetOption(value, label, count, (facet, value) in selected)
        )
    result = []
    for facet in ORDER:
        options = by_facet.get(facet, [])
        if facet == Facet.YEAR:
            options.sort(key=lambda option: option.value, reverse=True)
        elif facet == Facet.TYPE:
            options.sort(key=lambda option: ItemType.values.index(option.value))
        else:
            options.sort(key=lambda option: (-option.count, option.label.lower()))
        limit = SHOWN.get(facet)
        if limit is not None and len(options) > limit:
            options = [
                option
                for position, option in enumerate(options)
                if position < limit or option.selected
            ]
        if options:
            result.append(FacetGroup(facet, str(Facet(facet).label), tuple(options)))
    return result


def estimate(number):
    """``number`` rounded to two significant digits: an estimate should not look exact."""
    number = round(number)
    if number < 100:
        return number
    digits = len(str(number)) - 2
    return round(number, -digits)
