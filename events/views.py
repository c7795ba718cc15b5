"""The public pages about events and the people, organisations, regions and domains around them.

Everything a page lists or counts comes from ``visible_to`` (events/publishing.py). Lists show
members-only events as teasers; pages about people only show events whose participants the
visitor may see, that is events visible in full.
"""

from collections import Counter, defaultdict

from django.db.models import Count, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, View

from events.forms import EventFilterForm, PageForm
from events.listing import (
    PAGE_SIZE,
    SECTION_SIZE,
    FilteredListView,
    figure,
    list_url,
    measured,
    paginate,
)
from events.models import (
    Domain,
    Event,
    EventOrganisation,
    Organisation,
    OrganisationRole,
    Participation,
    Person,
    Region,
    Series,
    detail_relations,
)
from events.querysets import SOURCE_NAMED, TAKEAWAY_NAMED, named
from events.related import related_events, series_neighbours
from portal.access import is_member


class EventListView(FilteredListView):
    model = Event
    form_class = EventFilterForm
    template_name = "events/event_list.html"
    title = _("Bijeenkomsten")


class EventDetailView(DetailView):
    """One event; staff also see drafts here, marked as a preview.

    Everything below the title is worked out only when the template needs it (``sections``):
    the template keeps it as a fragment until content changes, per kind of visitor.
    """

    template_name = "events/event_detail.html"

    def get_queryset(self):
        user = self.request.user
        return Event.objects.visible_to(user, teasers=True, preview=True).select_related(
            "kind", "series"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event, user = self.object, self.request.user
        context.update(
            breadcrumbs=[(_t("Bijeenkomsten"), reverse("events:event_list")), (event.title, "")],
            audience="member" if is_member(user) else "public",
            sections=SimpleLazyObject(lambda: event_sections(event, user)),
        )
        return context


def event_sections(event, user):
    """What an event page shows below its title and summary, as a dict for the template."""
    prefetch_related_objects([event], *detail_relations(), *named(Event, SOURCE_NAMED))
    takeaways = list(
        event.takeaways.order_by("order", "pk").prefetch_related(
            *named(event.takeaways.model, TAKEAWAY_NAMED)
        )
    )
    participations = list(event.participations.all())
    roles = defaultdict(list)
    for link in event.event_organisations.all():
        roles[link.role].append(link.organisation)
    previous, following = series_neighbours(event, user)
    return {
        "organisers": roles[OrganisationRole.ORGANISER],
        "partners": roles[OrganisationRole.PARTNER],
        "cases": roles[OrganisationRole.CASE],
        "sessions": sessions_with_speakers(event.sessions.all(), participations),
        "participants": participants(participations),
        "takeaway_groups": group_by_theme(takeaways),
        "publications": list(event.publications.visible_to(user).for_listing()),
        "related": related_events(event, user),
        "previous": previous,
        "following": following,
    }


def sessions_with_speakers(sessions, participations):
    """``[(session, [participation, …])]`` in session order."""
    by_session = defaultdict(list)
    for participation in participations:
        if participation.session_id:
            by_session[participation.session_id].append(participation)
    return [(session, by_session[session.pk]) for session in sessions]


def participants(participations):
    """Everyone who took part, once each: ``[(first participation, [role, …])]``.

    The first participation gives the organisation and function shown (as the source had them
    at the time); the roles are all this person's roles on the event and its sessions.
    """
    first, roles = {}, defaultdict(list)
    for participation in participations:
        first.setdefault(participation.person_id, participation)
        role = participation.get_role_display()
        if role not in roles[participation.person_id]:
            roles[participation.person_id].append(role)
    return [(participation, roles[person_id]) for person_id, participation in first.items()]


def group_by_theme(takeaways):
    """``[(theme or None, [takeaway, …])]``: each takeaway under one theme, in takeaway order.

    A takeaway goes under the theme of its own that most takeaways of this event share (ties:
    alphabetical), so that related takeaways stand together; takeaways without a theme come
    last, under None. Groups come in the order of their first takeaway.
    """
    takeaways = list(takeaways)
    frequency = Counter(tag for takeaway in takeaways for tag in takeaway.tag_list)
    groups = defaultdict(list)
    for takeaway in takeaways:
        tags = sorted(takeaway.tag_list, key=lambda tag: (-frequency[tag], tag.name.lower()))
        groups[tags[0] if tags else None].append(takeaway)
    return sorted(groups.items(), key=lambda group: group[0] is None)


class PersonListView(View):
    def get(self, request):
        form = PageForm(request.GET, path=request.path)
        people = (
            Person.objects.visible_to(request.user)
            .select_related("organisation")
            .annotate(event_count=visible_event_count(request.user))
            .order_by("name", "pk")
        )
        context = {"breadcrumbs": [(_t("Sprekers"), "")]}
        # Who may be seen is decided per person: counted once per content generation.
        total = figure("people:visible", people.count, user=request.user)
        return paginate(request, form, people, "events/person_list.html", context, total=total)


def visible_event_count(user):
    """The number of events a person took part in that ``user`` may see in full."""
    events = (
        Participation.objects.filter(
            person=OuterRef("pk"), event__in=Event.objects.visible_to(user).values("pk")
        )
        .order_by()
        .values("person")
        .annotate(n=Count("event", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(events), 0)


class PersonDetailView(View):
    """A person: the events and sessions they took part in (with roles), page by page, and the
    takeaways and publications attributed to them.

    Only events ``user`` may see in full: a teaser does not reveal who took part.
    """

    def get(self, request, slug):
        user = request.user
        person = get_object_or_404(
            Person.objects.visible_to(user).select_related("organisation"), slug=slug
        )
        form = PageForm(request.GET, path=request.path)
        events = Event.objects.visible_to(user).with_person(person)
        takeaways = person.takeaways.visible_to(user)
        key = f"person:{person.pk}"
        total = figure(f"{key}:events", events.count, size=lambda total: total, user=user)

        def context(page):
            return {
                "person": person,
                "breadcrumbs": [(_t("Sprekers"), reverse("events:person_list")), (person.name, "")],
                "appearances": appearances(person, page.object_list),
                # Read only when the template's fragment is not kept (see person_detail.html).
                "takeaways": SimpleLazyObject(
                    lambda: takeaways.for_listing().last_added(SECTION_SIZE)
                ),
                "takeaway_count": SimpleLazyObject(
                    lambda: figure(
                        f"{key}:takeaways", takeaways.count, size=lambda total: total, user=user
                    )
                ),
                "audience": "member" if is_member(user) else "public",
                # All publications, not the person's related manager: it would need DISTINCT.
                "publications": person.publications.model.objects.visible_to(user)
                .with_person(person)
                .for_listing()
                .newest_first()[:SECTION_SIZE],
            }

        events = (
            events.newest_first()
            .select_related("kind")
            .only("title", "slug", "start_date", "end_date", "date", "kind__name")
        )
        return paginate(request, form, events, "events/person_detail.html", context, total=total)


def appearances(person, events):
    """``[(event, [participation, …])]``: how ``person`` took part in each of ``events``."""
    events = list(events)
    roles = defaultdict(list)
    for participation in (
        Participation.objects.filter(person=person, event__in=events)
        .select_related("session", "organisation")
        .only(
            "event",
            "role",
            "function",
            "session__order",
            "session__title",
            "organisation__name",
            "organisation__slug",
        )
        .order_by("order", "pk")
    ):
        roles[participation.event_id].append(participation)
    return [(event, roles[event.pk]) for event in events]


class OrganisationListView(View):
    def get(self, request):
        form = PageForm(request.GET, path=request.path)
        events = Event.objects.visible_to(request.user).values("pk")
        organisations = (
            Organisation.objects.visible_to(request.user)
            .select_related("region")
            .annotate(
                event_count=Coalesce(
                    Subquery(
                        EventOrganisation.objects.filter(
                            organisation=OuterRef("pk"), event__in=events
                        )
                        .order_by()
                        .values("organisation")
                        .annotate(n=Count("event", distinct=True))
                        .values("n")
                    ),
                    0,
                )
            )
            .order_by("name", "pk")
        )
        context = {"breadcrumbs": [(_t("Organisaties"), "")]}
        total = figure("organisations:visible", organisations.count, user=request.user)
        return paginate(
            request, form, organisations, "events/organisation_list.html", context, total=total
        )


class OrganisationDetailView(DetailView):
    """An organisation: its events (with its role on each), its people, its publications."""

    template_name = "events/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.visible_to(self.request.user).select_related("region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation, user = self.object, self.request.user
        events = Event.objects.visible_to(user, teasers=True).with_organisation(organisation)
        roles_here = Prefetch(
            "event_organisations",
            queryset=EventOrganisation.objects.filter(organisation=organisation),
            to_attr="roles_here",
        )
        context.update(
            breadcrumbs=[
                (_t("Organisaties"), reverse("events:organisation_list")),
                (organisation.name, ""),
            ],
            events=events.newest_first().for_listing().prefetch_related(roles_here)[:SECTION_SIZE],
            event_count=figure(
                f"organisation:{organisation.pk}:events", events.count, size=lambda n: n
            ),
            events_url=list_url("events:event_list", organisatie=organisation.slug),
            people=organisation.people.visible_to(user).order_by("name")[: PAGE_SIZE * 5],
            published=organisation.publications.model.objects.visible_to(user, teasers=True)
            .published_by(organisation)
            .for_listing()
            .newest_first()[:SECTION_SIZE],
            discussed=organisation.discussed_in.model.objects.visible_to(user, teasers=True)
            .discussing(organisation)
            .for_listing()
            .newest_first()[:SECTION_SIZE],
        )
        return context


class RegionListView(View):
    """Every region, as a tree: countries, provinces, regions, municipalities."""

    def get(self, request):
        children = defaultdict(list)
        for region in Region.objects.visible_to(request.user).order_by("name"):
            children[region.parent_id].append(region)
        context = {
            "tree": region_tree(children, None),
            "breadcrumbs": [(_t("Regio's"), "")],
        }
        return render(request, "events/region_list.html", context)


def region_tree(children, parent_id, seen=frozenset()):
    """``[(region, subtree)]`` below ``parent_id``; a cycle in the data is cut, not followed."""
    return [
        (region, region_tree(children, region.pk, seen | {region.pk}))
        for region in children[parent_id]
        if region.pk not in seen
    ]


class RegionDetailView(DetailView):
    """A region: its events and those of the regions in it, publications, sub-regions."""

    template_name = "events/region_detail.html"

    def get_queryset(self):
        self.visible = Region.objects.visible_to(self.request.user)
        return self.visible.select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region, user = self.object, self.request.user
        events = Event.objects.visible_to(user, teasers=True).in_region(region)
        context.update(
            breadcrumbs=[(_t("Regio's"), reverse("events:region_list")), (region.name, "")],
            children=self.visible.filter(parent=region).order_by("name"),
            events=events.newest_first().for_listing()[:SECTION_SIZE],
            event_count=figure(f"region:{region.pk}:events", events.count, size=lambda n: n),
            events_url=list_url("events:event_list", regio=region.slug),
            organisations=region.organisations.visible_to(user).order_by("name")[: PAGE_SIZE * 5],
            publications=region.publications.model.objects.visible_to(user, teasers=True)
            .in_region(region)
            .for_listing()
            .newest_first()[:SECTION_SIZE],
        )
        return context


class DomainListView(View):
    def get(self, request):
        context = {
            "domains": Domain.objects.with_event_counts(request.user),
            "breadcrumbs": [(_t("Domeinen"), "")],
        }
        return render(request, "events/domain_list.html", context)


class DomainDetailView(DetailView):
    """A domain: its events, takeaways and themes, and the domains it meets most often."""

    model = Domain
    template_name = "events/domain_detail.html"
    #: Themes are counted over this many of the newest events (a bounded, current picture).
    themes_over = 500

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        domain, user = self.object, self.request.user
        events = Event.objects.visible_to(user, teasers=True).in_domains([domain])
        takeaways = domain.takeaways.visible_to(user)
        key = f"domain:{domain.pk}"
        together = figure(
            f"{key}:domains", events.count_by_domain, size=lambda counts: sum(counts.values())
        )
        meets = [
            (other, together[other.pk])
            for other in Domain.objects.exclude(pk=domain.pk)
            if together.get(other.pk)
        ]
        context.update(
            breadcrumbs=[(_t("Domeinen"), reverse("events:domain_list")), (domain.name, "")],
            events=events.newest_first().for_listing()[:SECTION_SIZE],
            event_count=together.get(domain.pk, 0),
            events_url=list_url("events:event_list", domein=domain.slug),
            takeaways=takeaways.for_listing().newest(SECTION_SIZE),
            takeaway_count=figure(
                f"{key}:takeaways", lambda: measured(takeaways).total, size=int, user=user
            ),
            themes=events.among_newest(self.themes_over).count_by_theme(limit=20),
            themes_over=self.themes_over,
            meets=sorted(meets, key=lambda pair: -pair[1]),
        )
        return context


class SeriesDetailView(DetailView):
    template_name = "events/series_detail.html"

    def get_queryset(self):
        return Series.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series = self.object
        events = Event.objects.visible_to(self.request.user, teasers=True).in_series(series)
        context.update(
            breadcrumbs=[(_t("Bijeenkomsten"), reverse("events:event_list")), (series.name, "")],
            events=events.oldest_first().for_listing(),
        )
        return context
