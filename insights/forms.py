"""Filters for the lists of takeaways and publications (same parameters as events/forms.py)."""

from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from events.forms import (
    KeywordField,
    ListFilterForm,
    domain_facet,
    domain_field,
    theme_facet,
    theme_field,
    year_facet,
    year_field,
)
from insights.models import PublicationKind


class TakeawayFilterForm(ListFilterForm):
    domein = domain_field()
    thema = theme_field()

    filters = {"domein": "in_domains", "thema": "on_theme"}

    def facets(self, results, *, total):
        return [
            domain_facet(self, results, total=total),
            theme_facet(self, results, total=total),
        ]


class PublicationFilterForm(ListFilterForm):
    domein = domain_field()
    soort = KeywordField(
        label=_("Soort"),
        choices=PublicationKind.choices,
        invalid=_("er is geen soort publicatie ‘%(value)s’."),
    )
    jaar = year_field()
    thema = theme_field()

    filters = {"domein": "in_domains", "soort": "of_kind", "jaar": "in_year", "thema": "on_theme"}

    def facets(self, results, *, total):
        def kind_rows():
            counts = results.count_by_kind()
            return [
                {"slug": value, "name": label, "n": counts.get(value, 0)}
                for value, label in PublicationKind.choices
            ]

        return [
            domain_facet(self, results, total=total),
            self.facet("soort", kind_rows, total=total, any_label=_t("Alle soorten")),
            year_facet(self, results, total=total),
            theme_facet(self, results, total=total),
        ]
