"""Filters for the public lists, read from the query string.

The parameters are Dutch and the same on every list and in search: ``domein`` (repeatable),
``soort``, ``regio``, ``organisatie``, ``jaar``, ``thema``, ``sortering`` and ``pagina``.
A bad value never breaks a page and never silently changes the results: the parameter is
ignored, ``problems`` says so in Dutch for the page to show, and every link the page builds
(options, removable filters, pages) leaves it out.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import slug_unicode_re
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from events.models import Domain, EventKind, Organisation, Region, Theme

#: Longer values are not slugs, years or page numbers: refuse them before any query.
MAX_VALUE_LENGTH = 100
#: Options shown for facets that can have many values (regions, organisations, themes).
FACET_SIZE = 15

NEWEST = "nieuw"
OLDEST = "oud"


def shown(value):
    """A query-string value as a message may repeat it: printable and not too long."""
    text = "".join(character for character in str(value) if character.isprintable())
    return Truncator(text).chars(40)


def check_slug(value):
    """Refuse ``value`` unless it could be a slug: before any query sees it (a NUL character
    would make PostgreSQL fail, a long value costs a query for nothing)."""
    if len(value) > MAX_VALUE_LENGTH or not slug_unicode_re.match(value):
        raise ValidationError(
            _("‘%(value)s’ is geen geldige waarde."), params={"value": shown(value)}
        )


class SlugLookupField(forms.Field):
    """A slug (or, with ``multiple``, several) naming an existing row of ``queryset``.

    Cleans to the object (or a list of objects in the order given, without repeats). With
    ``seen``, only rows the visitor may see count (``queryset.visible_to(user)``, the form's
    user): a person, organisation, region or theme of hidden content is an unknown slug.
    """

    def __init__(self, queryset, *, unknown, multiple=False, seen=False, **kwargs):
        widget = forms.MultipleHiddenInput if multiple else forms.HiddenInput
        super().__init__(required=False, widget=widget, **kwargs)
        self.queryset = queryset
        self.unknown = unknown
        self.multiple = multiple
        self.seen = seen
        self.user = None

    def to_python(self, value):
        raw = value if self.multiple else [value]
        values = list(dict.fromkeys(v.strip() for v in raw if v and v.strip()))
        if not values:
            return [] if self.multiple else None
        for value in values:
            check_slug(value)
        queryset = self.queryset.visible_to(self.user) if self.seen else self.queryset
        found = {obj.slug: obj for obj in queryset.filter(slug__in=values)}
        unknown = [value for value in values if value not in found]
        if unknown:
            raise ValidationError(self.unknown, params={"value": shown(unknown[0])})
        objects = [found[value] for value in values]
        return objects if self.multiple else objects[0]


class NumberField(forms.Field):
    """A whole number between ``minimum`` and ``maximum``, with a message that names the value."""

    widget = forms.HiddenInput

    def __init__(self, *, minimum, maximum, invalid, **kwargs):
        super().__init__(required=False, **kwargs)
        self.minimum, self.maximum, self.invalid = minimum, maximum, invalid

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if len(value) > 12 or not value.isascii() or not value.isdigit():
            raise ValidationError(self.invalid, params={"value": shown(value)})
        number = int(value)
        if not self.minimum <= number <= self.maximum:
            raise ValidationError(self.invalid, params={"value": shown(value)})
        return number


class KeywordField(forms.ChoiceField):
    """One of a few fixed words, such as ``nieuw`` and ``oud``."""

    widget = forms.HiddenInput

    def __init__(self, *, choices, invalid, **kwargs):
        super().__init__(choices=choices, required=False, **kwargs)
        self.invalid = invalid

    def validate(self, value):
        if value and not self.valid_value(value):
            raise ValidationError(self.invalid, params={"value": shown(value)})


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """A filter with its options and how many results choosing each would give."""

    name: str
    label: str
    options: list
    multiple: bool = False
    any_label: str = ""


@dataclass
class PageLink:
    number: int | None  # None: a gap ("…")
    url: str = ""
    current: bool = False


def domain_field():
    return SlugLookupField(
        Domain.objects.all(),
        label=_("Domein"),
        multiple=True,
        unknown=_("er is geen domein ‘%(value)s’."),
    )


def theme_field():
    return SlugLookupField(
        Theme.objects.all(), label=_("Thema"), unknown=_("er is geen thema ‘%(value)s’."), seen=True
    )


def region_field():
    return SlugLookupField(
        Region.objects.all(),
        label=_("Regio"),
        unknown=_("er is geen regio ‘%(value)s’."),
        seen=True,
    )


def year_field():
    return NumberField(
        label=_("Jaar"),
        minimum=1000,
        maximum=9999,
        invalid=_("‘%(value)s’ is geen jaartal."),
    )


def domain_facet(form, results, *, total):
    """Domains combine (AND): each count says how many of the results are in that domain too."""

    def rows():
        counts = results.count_by_domain()
        return [
            {"slug": domain.slug, "name": domain.name, "n": counts.get(domain.pk, 0)}
            for domain in Domain.objects.all()
        ]

    return form.facet("domein", rows, total=total, multiple=True)


def year_facet(form, results, *, total):
    def rows():
        years = sorted(results.count_by_year().items(), reverse=True)
        return [{"slug": year, "name": year, "n": n} for year, n in years]

    return form.facet("jaar", rows, total=total, any_label=_t("Alle jaren"))


def theme_facet(form, results, *, total):
    def rows():
        return results.count_by_theme(limit=FACET_SIZE)

    return form.facet("thema", rows, total=total, any_label=_t("Alle thema's"))


class PageForm(forms.Form):
    """A paginated list: the ``pagina`` parameter, and links that keep the rest of the state."""

    pagina = NumberField(
        label=_("Pagina"),
        minimum=1,
        maximum=10**9,
        invalid=_("‘%(value)s’ is geen paginanummer; de eerste pagina wordt getoond."),
    )

    #: parameter → the QuerySet method that applies it (``{"domein": "in_domains"}``).
    filters = {}

    @staticmethod
    def scale(number):
        """A count of the rows the facets were counted in, as a count of all results (see
        ``facet``; a list whose total is an estimate sets another)."""
        return number

    def __init__(self, data, *, path, user=None):
        super().__init__(data)
        self.path = path
        for field in self.fields.values():
            if isinstance(field, SlugLookupField):
                field.user = user

    def clean(self):
        for name, field in self.fields.items():
            if not getattr(field, "multiple", False) and len(self.data.getlist(name)) > 1:
                self.add_error(name, _t("deze parameter mag maar één keer in het adres staan."))
        return self.cleaned_data

    @property
    def problems(self):
        """One Dutch sentence per ignored parameter, in the order of the filters."""
        order = [*self.filters, *self.fields]
        return [
            f"{self.fields[name].label}: {message}"
            for name in sorted(self.errors, key=order.index)
            for message in self.errors[name]
        ]

    def value(self, name):
        """The clean value of ``name``: None (or [] for a repeatable one) when absent or bad."""
        if name in self.errors:
            return [] if getattr(self.fields[name], "multiple", False) else None
        return self.cleaned_data.get(name)

    @property
    def page_number(self):
        return self.value("pagina") or 1

    def filter(self, queryset):
        """``queryset`` with every valid filter applied."""
        for name, method in self.filters.items():
            if value := self.value(name):
                queryset = getattr(queryset, method)(value)
        return queryset

    # Links that keep the valid state and drop the rest

    def selected(self, name):
        """``[(query-string value, label)]`` for the valid value(s) of ``name``."""
        value = self.value(name)
        items = value if isinstance(value, list) else [value] if value else []
        labels = dict(getattr(self.fields[name], "choices", ()))
        return [(str(getattr(item, "slug", item)), str(labels.get(item, item))) for item in items]

    def params(self):
        """The valid filters and sort order as query-string values (never the page)."""
        names = [*self.filters, *(["sortering"] if "sortering" in self.fields else [])]
        return {name: [slug for slug, _ in self.selected(name)] for name in names}

    def url(self, params):
        query = urlencode({name: values for name, values in params.items() if values}, doseq=True)
        return f"{self.path}?{query}" if query else self.path

    def url_without(self, name, value):
        params = self.params()
        params[name] = [item for item in params[name] if item != value]
        return self.url(params)

    def page_url(self, number):
        return self.url({**self.params(), "pagina": [number] if number > 1 else []})

    def active_filters(self):
        """``(label, url that removes it)`` for every filter value in use."""
        return [
            (f"{self.fields[name].label}: {capfirst(label)}", self.url_without(name, slug))
            for name in self.filters
            for slug, label in self.selected(name)
        ]

    def pagination(self, page):
        """Links to the first, last and nearby pages, with gaps: few links however many pages."""
        last = page.paginator.num_pages
        wanted = {1, last, *range(page.number - 2, page.number + 3)}
        links, previous = [], 0
        for number in sorted(n for n in wanted if 1 <= n <= last):
            if number > previous + 1:
                links.append(PageLink(None))
            links.append(PageLink(number, self.page_url(number), number == page.number))
            previous = number
        return {
            "links": links,
            "previous_url": self.page_url(page.number - 1) if page.has_previous() else "",
            "next_url": self.page_url(page.number + 1) if page.has_next() else "",
        }

    def facet(self, name, rows, *, total, any_label="", multiple=False):
        """The facet for filter ``name``: its options with how many results each would give.

        Counts are taken within the current results (``total`` of them), so they cost one
        aggregate query over those only, however large the portal; when the total is an
        estimate, they are counted in its sample and ``scale`` makes them estimates of the whole
        (events/listing.py). ``rows()`` gives dicts with slug, name and n. A single-valued filter
        in use is not counted again: it shows its value (with ``total``); removing it brings
        back the other values.
        """
        selected = dict(self.selected(name))
        if selected and not multiple:
            options = [Option(slug, label, total, True) for slug, label in selected.items()]
        else:
            options = [
                Option(
                    str(row["slug"]),
                    str(row["name"]),
                    self.scale(row["n"]),
                    str(row["slug"]) in selected,
                )
                for row in rows()
                if row["n"] or str(row["slug"]) in selected
            ]
        return Facet(name, str(self.fields[name].label), options, multiple, any_label)


class ListFilterForm(PageForm):
    """A list with filters and a choice of order; subclasses add the filters and ``facets``."""

    sortering = KeywordField(
        label=_("Sortering"),
        choices=[(NEWEST, _("nieuwste eerst")), (OLDEST, _("oudste eerst"))],
        invalid=_("‘%(value)s’ bestaat niet; kies ‘nieuw’ of ‘oud’."),
    )

    @property
    def sort_options(self):
        """``[(value, label, selected)]`` for the order select."""
        current = self.value("sortering") or NEWEST
        return [
            (value, label, value == current) for value, label in self.fields["sortering"].choices
        ]

    def sort(self, queryset):
        if self.value("sortering") == OLDEST:
            return queryset.oldest_first()
        return queryset.newest_first()


class EventFilterForm(ListFilterForm):
    domein = domain_field()
    soort = SlugLookupField(
        EventKind.objects.all(), label=_("Soort"), unknown=_("er is geen soort ‘%(value)s’.")
    )
    regio = region_field()
    organisatie = SlugLookupField(
        Organisation.objects.all(),
        label=_("Organisatie"),
        unknown=_("er is geen organisatie ‘%(value)s’."),
        seen=True,
    )
    jaar = year_field()
    thema = theme_field()

    filters = {
        "domein": "in_domains",
        "soort": "of_kind",
        "regio": "in_region",
        "organisatie": "with_organisation",
        "jaar": "in_year",
        "thema": "on_theme",
    }

    def facets(self, results, *, total):
        """The filters with their counts within ``results``, the filtered events."""
        return [
            domain_facet(self, results, total=total),
            self.facet(
                "soort",
                lambda: kind_rows(results.count_by_kind()),
                total=total,
                any_label=_t("Alle soorten"),
            ),
            self.facet(
                "regio",
                lambda: results.count_by_region(limit=FACET_SIZE),
                total=total,
                any_label=_t("Alle regio's"),
            ),
            self.facet(
                "organisatie",
                lambda: results.count_by_organisation(limit=FACET_SIZE),
                total=total,
                any_label=_t("Alle organisaties"),
            ),
            year_facet(self, results, total=total),
            theme_facet(self, results, total=total),
        ]


def kind_rows(counts):
    return [
        {"slug": kind.slug, "name": kind.name, "n": counts.get(kind.pk, 0)}
        for kind in EventKind.objects.all()
    ]
