"""The search page's query string: ``q`` and the same filters as the lists, plus ``type``.

Built on the lists' ``PageForm`` (events/forms.py), so a bad filter value behaves the same
everywhere: it is ignored, and the page says so. The query itself is never an error: control
characters go, and a very long query is cut to ``MAX_QUERY_LENGTH`` with a note.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.forms import (
    KeywordField,
    PageForm,
    check_slug,
    domain_field,
    region_field,
    shown,
    theme_field,
    year_field,
)
from events.models import EventKind
from insights.models import PublicationKind
from insights.search import text
from insights.search.facets import Filters
from insights.search.models import Facet, ItemType, SearchFacetValue

MAX_QUERY_LENGTH = 200


class QueryField(forms.CharField):
    """Any text: control characters removed and whitespace collapsed; never an error.

    The form cuts it to ``MAX_QUERY_LENGTH`` (and says so); a huge value is cut before any
    work is done on it.
    """

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)
        self.validators = []  # no "null characters are not allowed": they are removed

    def to_python(self, value):
        return text.clean((value or "")[: 10 * MAX_QUERY_LENGTH])


@dataclass(frozen=True)
class Kind:
    slug: str
    name: str

    def __str__(self):
        return str(self.name)


class KindField(forms.Field):
    """``soort``: the slug of an event kind, or a publication kind; checked as a slug first, as
    every list filter is (``check_slug``)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        check_slug(value)
        if value in PublicationKind.values:
            return Kind(value, PublicationKind(value).label)
        kind = EventKind.objects.filter(slug=value).first()
        if kind is None:
            raise ValidationError(
                _("er is geen soort ‘%(value)s’."), params={"value": shown(value)}
            )
        return Kind(kind.slug, kind.name)


class SearchForm(PageForm):
    q = QueryField(label=_("Zoekterm"))
    type = KeywordField(
        label=_("Soort resultaat"),
        choices=ItemType.choices,
        invalid=_("‘%(value)s’ is geen soort resultaat."),
    )
    domein = domain_field()
    soort = KindField(label=_("Soort"))
    regio = region_field()
    jaar = year_field()
    thema = theme_field()

    # The filters in the order the page lists them (see ``PageForm``); each is a facet.
    filters = dict.fromkeys(("type", "domein", "soort", "regio", "jaar", "thema"))

    @property
    def query(self):
        return self.cleaned_data.get("q", "")[:MAX_QUERY_LENGTH]

    @property
    def query_was_cut(self):
        return len(self.cleaned_data.get("q", "")) > MAX_QUERY_LENGTH

    def params(self):
        return {"q": [self.query] if self.query else [], **super().params()}

    def search_filters(self):
        """The valid filters as ``Filters`` (one query for their facet values)."""
        chosen = tuple(
            (name, slug)
            for name in self.filters
            if name != Facet.TYPE
            for slug, _label in self.selected(name)
        )
        ids = {}
        if chosen:
            condition = Q(pk__in=[])
            for facet, value in chosen:
                condition |= Q(facet=facet, value=value)
            ids = {
                (facet, value): pk
                for pk, facet, value in SearchFacetValue.objects.filter(condition).values_list(
                    "pk", "facet", "value"
                )
            }
        return Filters(
            item_type=self.value("type") or "",
            values=chosen,
            value_ids=tuple(ids.get(key) for key in chosen),
        )

    def toggle_url(self, name, value, *, params=None):
        """This page's URL with ``value`` of filter ``name`` chosen, or dropped when it was.

        Domains combine; any other filter has one value, which a new choice replaces.
        ``params`` saves working out this page's parameters again.
        """
        params = dict(params or self.params())
        chosen = params.get(name, [])
        if value in chosen:
            params[name] = [item for item in chosen if item != value]
        elif getattr(self.fields[name], "multiple", False):
            params[name] = [*chosen, value]
        else:
            params[name] = [value]
        return self.url(params)

    def facet_links(self, groups):
        """``[(group, [(option, url that toggles it)])]`` for the page's facet lists."""
        links, params = [], self.params()
        for group in groups:
            urls = [
                self.toggle_url(group.facet, option.value, params=params)
                for option in group.options
            ]
            links.append((group, list(zip(group.options, urls, strict=True))))
        return links

    def kept_filters(self):
        """(name, value) of the valid filters, for hidden fields of a new search."""
        params = self.params()
        return [(name, value) for name in self.filters for value in params.get(name, [])]
