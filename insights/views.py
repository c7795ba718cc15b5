"""The public pages about what was learned: takeaways, themes and publications."""

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, View

from events.forms import OLDEST
from events.listing import (
    SECTION_SIZE,
    FilteredListView,
    counted_by_theme,
    figure,
    list_url,
    measured,
)
from events.models import Domain, Event, Theme
from events.querysets import SOURCE_NAMED, TAKEAWAY_NAMED, named
from insights.forms import PublicationFilterForm, TakeawayFilterForm
from insights.models import Publication, Takeaway, publication_detail_relations
from insights.related import (
    events_related_to_publication,
    publications_related_to_publication,
    takeaways_related_to_takeaway,
)
from portal.access import is_member


class TakeawayListView(FilteredListView):
    model = Takeaway
    form_class = TakeawayFilterForm
    template_name = "insights/takeaway_list.html"
    title = _("Inzichten")

    def visible(self):
        return Takeaway.objects.visible_to(self.request.user)

    def ordered(self, form, results):
        return InSourceOrder(results.for_listing(), oldest=form.value("sortering") == OLDEST)


class InSourceOrder:
    """Takeaways by the date of their source, as a sequence the paginator can slice.

    A page is taken from the first takeaways up to its end (``TakeawayQuerySet.newest``), so
    no query sorts every takeaway: page n costs what n pages cost, and the first pages — the
    ones people read — are cheap however many takeaways there are.
    """

    def __init__(self, takeaways, *, oldest):
        self.first = takeaways.oldest if oldest else takeaways.newest

    def __getitem__(self, page):
        return self.first(page.stop)[page]


class TakeawayDetailView(DetailView):
    """One takeaway, where it came from, and what else was learned on its themes."""

    template_name = "insights/takeaway_detail.html"

    def get_queryset(self):
        return (
            Takeaway.objects.visible_to(self.request.user, preview=True)
            .select_related("event__kind", "publication", "session")
            .prefetch_related(*named(Takeaway, {**TAKEAWAY_NAMED, "domain_list": "domains"}))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        takeaway = self.object
        source = takeaway.source
        context.update(
            source=source,
            breadcrumbs=[
                (_t("Inzichten"), reverse("insights:takeaway_list")),
                (str(takeaway), ""),
            ],
            siblings=source.takeaways.exclude(pk=takeaway.pk).order_by("order", "pk")[
                :SECTION_SIZE
            ],
            related=takeaways_related_to_takeaway(takeaway, self.request.user),
        )
        return context


class ThemeListView(View):
    """Every theme something visible is about, with how many events, takeaways, publications."""

    def get(self, request):
        context = {
            "themes": figure(
                "themes", lambda: themes(request.user), size=tagged_count, user=request.user
            ),
            "breadcrumbs": [(_t("Thema's"), "")],
        }
        return render(request, "insights/theme_list.html", context)


KINDS = ("events", "takeaways", "publications")


def themes(user):
    """Dicts with slug, name and the number of visible events, takeaways and publications."""
    found = {}
    for kind, queryset in zip(
        KINDS,
        [
            Event.objects.visible_to(user, teasers=True),
            Takeaway.objects.visible_to(user),
            Publication.objects.visible_to(user, teasers=True),
        ],
        strict=True,
    ):
        for row in counted_by_theme(queryset):
            theme = found.setdefault(row["slug"], {"slug": row["slug"], "name": row["name"]})
            theme[kind] = row["n"]
    return sorted(found.values(), key=lambda theme: theme["name"].lower())


def tagged_count(themes):
    return sum(theme.get(kind, 0) for theme in themes for kind in KINDS)


class ThemeDetailView(View):
    """A trail through everything on one theme, across domains."""

    def get(self, request, slug):
        user = request.user
        theme = get_object_or_404(Theme.objects.visible_to(user), slug=slug)
        events = Event.objects.visible_to(user, teasers=True).on_theme(theme)
        takeaways = Takeaway.objects.visible_to(user).on_theme(theme)
        publications = Publication.objects.visible_to(user, teasers=True).on_theme(theme)
        figures = figure(
            f"theme:{theme.pk}",
            lambda: theme_figures(events, takeaways, publications),
            size=lambda figures: sum(figures["counts"].values()),
            user=user,
        )
        context = {
            "theme": theme,
            **figures,
            "events": events.newest_first().for_listing()[:SECTION_SIZE],
            "events_url": list_url("events:event_list", thema=theme.slug),
            # Read only when the template's fragment is not kept (see theme_detail.html).
            "takeaways": SimpleLazyObject(lambda: takeaways.for_listing().last_added(SECTION_SIZE)),
            "takeaways_url": list_url("insights:takeaway_list", thema=theme.slug),
            "publications": publications.newest_first().for_listing()[:SECTION_SIZE],
            "publications_url": list_url("insights:publication_list", thema=theme.slug),
            "breadcrumbs": [(_t("Thema's"), reverse("insights:theme_list")), (theme.name, "")],
            "audience": "member" if is_member(user) else "public",
        }
        return render(request, "insights/theme_detail.html", context)


def theme_figures(events, takeaways, publications):
    """How much there is on a theme, and in which domains: ``{"counts": …, "domains": …}``.

    Beyond ``EXACT_UP_TO`` of a kind, its count and its counts per domain are estimates
    (``measured``, events/listing.py): the most used theme has hundreds of thousands of
    takeaways.
    """
    measures = {
        "events": measured(events),
        "takeaways": measured(takeaways),
        "publications": measured(publications),
    }

    def per_domain(kind, queryset):
        counts = measures[kind].rows(queryset).count_by_domain()
        return {pk: measures[kind].scaled(number) for pk, number in counts.items()}

    event_domains, takeaway_domains = (
        per_domain("events", events),
        per_domain("takeaways", takeaways),
    )
    domains = [
        (domain, event_domains.get(domain.pk, 0), takeaway_domains.get(domain.pk, 0))
        for domain in Domain.objects.all()
    ]
    return {
        "counts": {kind: measure.total for kind, measure in measures.items()},
        "domains": [row for row in domains if row[1] or row[2]],
    }


class PublicationListView(FilteredListView):
    model = Publication
    form_class = PublicationFilterForm
    template_name = "insights/publication_list.html"
    title = _("Publicaties")


class PublicationDetailView(DetailView):
    """One publication; staff also see drafts here, marked as a preview."""

    template_name = "insights/publication_detail.html"

    def get_queryset(self):
        user = self.request.user
        return Publication.objects.visible_to(user, teasers=True, preview=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publication, user = self.object, self.request.user
        context["breadcrumbs"] = [
            (_t("Publicaties"), reverse("insights:publication_list")),
            (publication.title, ""),
        ]
        if publication.is_teaser:
            return context
        prefetch_related_objects(
            [publication], *publication_detail_relations(), *named(Publication, SOURCE_NAMED)
        )
        takeaways = list(
            publication.takeaways.order_by("order", "pk").prefetch_related(
                *named(Takeaway, TAKEAWAY_NAMED)
            )
        )
        context.update(
            takeaways=takeaways,
            related_events=events_related_to_publication(publication, user),
            related_publications=publications_related_to_publication(publication, user),
        )
        return context
