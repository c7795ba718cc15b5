"""Who, what, when and where: domains, regions, organisations, people, events and sessions."""

from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import Count, F, Prefetch, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from events.generation import ContentGeneration  # noqa: F401 (a model of this app)
from events.limits import BODY, DESCRIPTION, SUMMARY, limited, text_check
from events.listing import figure
from events.publishing import (
    Publishable,
    PublishableQuerySet,
    publishable_constraints,
    visibility_q,
    withheld,
)
from events.querysets import DomainAndThemeQuerySetMixin, JoinedNames
from events.reach import seen_by, seen_through
from events.slugs import SluggedMixin
from events.sql import select
from portal.links import slug_url


def choices_constraint(field, choices, name):
    """A check constraint that keeps ``field`` within a fixed set of ``choices``."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class DomainQuerySet(models.QuerySet):
    def with_event_counts(self, user):
        """``[(domain, number of events in it that ``user`` may see)]``, teasers included (their
        domains are part of them); a figure, kept until content changes."""

        def count():
            counts = Event.objects.visible_to(user, teasers=True).count_by_domain()
            return [(domain, counts.get(domain.pk, 0)) for domain in self]

        return figure("domains:events", count, size=lambda pairs: sum(n for _, n in pairs))


class Domain(SluggedMixin, models.Model):
    """A field of work: zorg, welzijn, wonen (created by a data migration), or one editors add."""

    name = models.CharField(_("naam"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("omschrijving"), blank=True, **limited(DESCRIPTION))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = DomainQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        constraints = [
            text_check(
                "events_domain", "name", "slug", "description", limits={"description": DESCRIPTION}
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("events:domain_detail", self.slug)


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Nederland")
    BELGIUM = "BE", _("België")


class RegionKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("gemeente")
    REGION = "regio", _("regio")
    PROVINCE = "provincie", _("provincie")
    GEWEST = "gewest", _("gewest")
    COUNTRY = "land", _("land")


class RegionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Regions where something ``user`` may see in full happens (an event, a publication,
        an organisation), and every region above those (events/reach.py).

        Worked out at once, in two small queries: regions are few.
        """
        seen = set(
            self.model.objects.filter(seen_by(self.model, user)).values_list("pk", flat=True)
        )
        parents = dict(self.model.objects.values_list("pk", "parent_id"))
        shown = set()
        for pk in seen:
            while pk is not None and pk not in shown:
                shown.add(pk)
                pk = parents.get(pk)
        return self.filter(pk__in=shown)

    def within(self, region):
        """``region`` and every region below it (its municipalities, their districts, …)."""
        table = self.model._meta.db_table
        below = RawSQL(
            f"WITH RECURSIVE below(id) AS (SELECT id FROM {table} WHERE id = %s UNION "
            f"SELECT r.id FROM {table} r JOIN below ON r.parent_id = below.id) "
            f"SELECT id FROM below",
            [region.pk],
        )
        return self.filter(pk__in=below)


class Region(SluggedMixin, models.Model):
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(_("land"), max_length=2, choices=Country.choices)
    kind = models.CharField(
        _("soort"), max_length=16, choices=RegionKind.choices, default=RegionKind.REGION
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("omschrijving"), blank=True, **limited(DESCRIPTION))

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        constraints = [
            choices_constraint("country", Country, "events_region_country_valid"),
            choices_constraint("kind", RegionKind, "events_region_kind_valid"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="events_region_not_own_parent"
            ),
            text_check(
                "events_region", "name", "slug", "description", limits={"description": DESCRIPTION}
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("events:region_detail", self.slug)


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("gemeente")
    CARE_PROVIDER = "zorgaanbieder", _("zorgaanbieder")
    WELFARE = "welzijnsorganisatie", _("welzijnsorganisatie")
    HOUSING = "woningcorporatie", _("woningcorporatie")
    KNOWLEDGE_CENTRE = "kenniscentrum", _("kenniscentrum")
    CONSULTANCY = "adviesbureau", _("adviesbureau")
    UMBRELLA = "koepel", _("koepel- of brancheorganisatie")
    GOVERNMENT = "overheid", _("overheid")
    NETWORK = "samenwerkingsverband", _("samenwerkingsverband of netwerk")
    MEMBERSHIP = "vereniging", _("vereniging")
    OTHER = "overig", _("overig")


class SeenThroughContentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Those that content ``user`` may see in full shows (events/reach.py), and those the
        editors made public themselves (``is_public``, when the model has it).

        The rule is worked out for all rows at once, once per content generation and kind of
        visitor (``hidden_ids``, a figure): a query then leaves out a short list of ids, which
        keeps long lists in name order and search as fast as without the rule.
        """
        return self.exclude(pk__in=self.hidden_ids(user))

    def hidden_ids(self, user):
        """The ids of the rows ``visible_to`` leaves out (few: people and organisations only in
        drafts or members-only content), sorted."""
        model = self.model

        def hidden():
            # A NOT over the ways of seeing a row: answered per row as soon as one shows it.
            return sorted(model.objects.exclude(self._seen(user)).values_list("pk", flat=True))

        return figure(f"hidden:{model._meta.label}", hidden, user=user)

    def _seen(self, user):
        condition = seen_by(self.model, user)
        if any(field.name == "is_public" for field in self.model._meta.fields):
            condition |= Q(is_public=True)
        return condition


PUBLIC_HELP = _(
    "Ook tonen als er (nog) geen openbare bijeenkomst of publicatie bij hoort. Anders is deze "
    "pagina alleen te zien via iets wat de bezoeker mag zien."
)


class Organisation(SluggedMixin, models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("soort"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    website = models.URLField(_("website"), blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Markdown."), **limited(DESCRIPTION)
    )
    ceased_on = models.DateField(
        _("opgeheven op"),
        null=True,
        blank=True,
        help_text=_("Voor organisaties die niet meer bestaan."),
    )
    is_public = models.BooleanField(_("altijd openbaar"), default=False, help_text=PUBLIC_HELP)

    objects = SeenThroughContentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        indexes = [
            # The list in name order: read along this index, a page costs what 20 rows cost,
            # however many organisations others may not see.
            models.Index(fields=["name", "id"], name="events_organisation_name_idx"),
        ]
        constraints = [
            choices_constraint("kind", OrganisationKind, "events_organisation_kind_valid"),
            text_check(
                "events_organisation",
                *("name", "slug", "website", "description"),
                limits={"description": DESCRIPTION},
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("events:organisation_detail", self.slug)


class Person(SluggedMixin, models.Model):
    name = models.CharField(_("naam"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    function = models.CharField(
        _("functie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: strategisch adviseur.")
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    bio = models.TextField(
        _("korte bio"), blank=True, help_text=_("Markdown."), **limited(DESCRIPTION)
    )
    is_public = models.BooleanField(_("altijd openbaar"), default=False, help_text=PUBLIC_HELP)

    objects = SeenThroughContentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [
            # The list in name order (see Organisation).
            models.Index(fields=["name", "id"], name="events_person_name_idx"),
        ]
        constraints = [
            text_check(
                "events_person", "name", "slug", "function", "bio", limits={"bio": DESCRIPTION}
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("events:person_detail", self.slug)


class EventKind(SluggedMixin, models.Model):
    """Webinar, leerkring, netwerkmoment, …: editors may add kinds."""

    name = models.CharField(_("naam"), max_length=60, unique=True)
    name_plural = models.CharField(_("meervoud"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("omschrijving"), blank=True, **limited(DESCRIPTION))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("soort bijeenkomst")
        verbose_name_plural = _("soorten bijeenkomsten")
        constraints = [
            text_check(
                "events_eventkind",
                *("name", "name_plural", "slug", "description"),
                limits={"description": DESCRIPTION},
            ),
        ]

    def __str__(self):
        return self.name


class Series(SluggedMixin, models.Model):
    """Events that belong together, such as a webinar series."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Markdown."), **limited(DESCRIPTION)
    )

    objects = SeenThroughContentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")
        constraints = [
            text_check(
                "events_series", "name", "slug", "description", limits={"description": DESCRIPTION}
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("events:series_detail", self.slug)


class TaggedEvent(TaggedItemBase):
    content_object = models.ForeignKey("Event", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("thema van bijeenkomst")
        verbose_name_plural = _("thema's van bijeenkomsten")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="events_taggedevent_unique"
            )
        ]
        indexes = [
            # The events on a theme, most recently added first (related events).
            models.Index(fields=["tag", "content_object"], name="events_taggedevent_tag_idx"),
        ]


class Theme(Tag):
    """A theme (a django-taggit tag), as visitors meet it: only through content they may see
    in full (events/reach.py)."""

    objects = SeenThroughContentQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


def detail_relations():
    """The prefetches of an event's organisations, sessions and participants, as its page
    shows them, one query each (new ``Prefetch`` objects on every call: prefetching changes
    them). Its domains, regions and themes are ``named`` (events/querysets.py): see
    ``event_sections`` in events/views.py."""
    return [
        Prefetch(
            "event_organisations",
            queryset=EventOrganisation.objects.select_related("organisation").only(
                "event", "role", "order", "organisation__name", "organisation__slug"
            ),
        ),
        Prefetch("sessions", queryset=Session.objects.order_by("order")),
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related(
                "person__organisation", "organisation"
            ).only(
                "event",
                "session",
                "role",
                "function",
                "order",
                "person__name",
                "person__slug",
                "person__function",
                "person__organisation__name",
                "person__organisation__slug",
                "organisation__name",
                "organisation__slug",
            ),
        ),
    ]


class EventQuerySet(DomainAndThemeQuerySetMixin, PublishableQuerySet):
    def for_listing(self):
        """What an event card shows, in one query: its kind, and its organisers and domains by
        name (``organiser_names``, ``domain_names``), and where (``place``, ``online``).

        A teaser's organisers and place are withheld (events/publishing.py).
        """
        organisers = JoinedNames(
            EventOrganisation,
            source="event",
            target="organisation",
            order_by=["order", "id"],
            where={"role": OrganisationRole.ORGANISER},
        )
        return (
            self.select_related("kind")
            .defer("body")
            .annotate(
                organiser_names=withheld(organisers),
                place=withheld(F("location")),
                online=withheld(F("is_online"), False),
            )
            .with_domain_names()
        )

    def newest_first(self):
        return self.order_by(models.F("date").desc(nulls_last=True), "title", "pk")

    def among_newest(self, number):
        """The ``number`` newest of these events seen in full, as a queryset that can still be
        counted on (for what they are about: their themes)."""
        newest = self.in_full().newest_first().values("pk")[:number]
        return self.model.objects.filter(pk__in=newest).annotate(is_teaser=Value(False))

    def oldest_first(self):
        return self.order_by(models.F("date").asc(nulls_last=True), "title", "pk")

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def in_region(self, region):
        """In ``region`` or any region below it (seen in full: regions are withheld from a
        teaser, as is everything below)."""
        return self.in_full().filter(
            pk__in=Event.regions.through.objects.filter(
                region__in=Region.objects.within(region)
            ).values("event")
        )

    def with_organisation(self, organisation):
        """With ``organisation`` in any role (organiser, partner, case)."""
        return self.in_full().filter(
            pk__in=EventOrganisation.objects.filter(organisation=organisation).values("event")
        )

    def with_person(self, person):
        """With ``person`` taking part in any role, on the event or one of its sessions."""
        return self.in_full().filter(
            pk__in=Participation.objects.filter(person=person).values("event")
        )

    def in_year(self, year):
        return self.filter(date__year=year)

    def in_series(self, series):
        return self.in_full().filter(series=series)

    def count_by_kind(self):
        """``{kind_id: number of these events of that kind}``."""
        rows = self.order_by().values("kind").annotate(n=Count("pk"))
        return {row["kind"]: row["n"] for row in rows}

    def count_by_year(self):
        """``{year: number of these events}``, leaving out events without a date."""
        rows = (
            self.filter(date__isnull=False)
            .order_by()
            .annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(n=Count("pk"))
        )
        return {row["year"]: row["n"] for row in rows}

    def count_by_organisation(self, *, limit):
        """The ``limit`` organisations on most of these events (teasers do not count): dicts
        with slug, name, n."""
        return list(
            EventOrganisation.objects.filter(event__in=self.in_full().order_by().values("pk"))
            .values(slug=models.F("organisation__slug"), name=models.F("organisation__name"))
            .annotate(n=Count("event", distinct=True))
            .order_by("-n", "name")[:limit]
        )

    def count_by_region(self, *, limit):
        """The ``limit`` regions with most of these events (teasers do not count): dicts with
        slug, name, n.

        An event counts for its own regions and every region above them (an event in a
        municipality counts for its province too), once per region: the same rule
        ``in_region`` filters with. One recursive query, walking up from these events only.
        """
        region_table = Region._meta.db_table
        link_table = Event.regions.through._meta.db_table
        try:
            events_sql, params = select(self.in_full().order_by().values("pk"))
        except EmptyResultSet:
            return []
        sql = f"""
            WITH RECURSIVE lineage(event_id, region_id) AS (
                SELECT link.event_id, link.region_id FROM {link_table} link
                WHERE link.event_id IN ({events_sql})
                UNION
                SELECT lineage.event_id, region.parent_id
                FROM lineage JOIN {region_table} region ON region.id = lineage.region_id
                WHERE region.parent_id IS NOT NULL
            )
            SELECT region.slug, region.name, COUNT(*) AS n
            FROM lineage JOIN {region_table} region ON region.id = lineage.region_id
            GROUP BY region.id, region.slug, region.name
            ORDER BY n DESC, region.name
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [{"slug": slug, "name": name, "n": n} for slug, name, n in cursor.fetchall()]


class Event(SluggedMixin, Publishable):
    slug_source = "title"

    title = models.CharField(_("titel"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.ForeignKey(
        EventKind, verbose_name=_("soort"), on_delete=models.PROTECT, related_name="events"
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("reeks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    start_date = models.DateField(
        _("datum"), null=True, blank=True, help_text=_("Leeg als de bron geen datum noemt.")
    )
    end_date = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Alleen voor meerdaagse bijeenkomsten.")
    )
    # The date lists sort and filter on: the start, or the end when only that is known.
    date = models.GeneratedField(
        expression=Coalesce("start_date", "end_date"),
        output_field=models.DateField(),
        db_persist=True,
        verbose_name=_("sorteerdatum"),
    )
    is_online = models.BooleanField(_("online"), default=False)
    location = models.CharField(_("locatie"), max_length=255, blank=True)
    regions = models.ManyToManyField(
        Region, verbose_name=_("regio's"), blank=True, related_name="events"
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="EventOrganisation",
        verbose_name=_("organisaties"),
        blank=True,
        related_name="events",
    )
    domains = models.ManyToManyField(
        Domain, verbose_name=_("domeinen"), blank=True, related_name="events"
    )
    summary = models.TextField(
        _("samenvatting"), blank=True, help_text=_("Markdown, kort."), **limited(SUMMARY)
    )
    body = models.TextField(_("verslag"), blank=True, help_text=_("Markdown."), **limited(BODY))
    audience = models.CharField(
        _("doelgroep of deelnamevoorwaarden"),
        max_length=255,
        blank=True,
        help_text=_("Bijvoorbeeld: alleen voor ambtenaren, max. 2 per gemeente."),
    )
    attendance = models.PositiveIntegerField(_("aantal deelnemers"), null=True, blank=True)
    source_name = models.CharField(_("bron"), max_length=255, blank=True)
    source_url = models.URLField(_("adres van de bron"), max_length=500, blank=True)
    source_date = models.DateField(
        _("datum van de bron"),
        null=True,
        blank=True,
        help_text=_("Wanneer de bron verscheen of, als dat onbekend is, werd vastgelegd."),
    )
    source_date_is_capture = models.BooleanField(
        _("datum is vastlegdatum"),
        default=False,
        help_text=_("Aan als de bron geen eigen datum heeft en dit de datum van vastleggen is."),
    )
    related_events = models.ManyToManyField(
        "self", verbose_name=_("gerelateerde bijeenkomsten"), blank=True, symmetrical=True
    )
    tags = TaggableManager(verbose_name=_("thema's"), through=TaggedEvent, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "title"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        constraints = [
            *publishable_constraints("events_event"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=models.F("start_date")),
                name="events_event_end_not_before_start",
            ),
            text_check(
                "events_event",
                *("title", "slug", "location", "summary", "body", "audience"),
                *("source_name", "source_url"),
                limits={"summary": SUMMARY, "body": BODY},
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="events_event_visible_idx"),
            models.Index(fields=["date"], name="events_event_date_idx"),
            # PostgreSQL also has indexes the model cannot declare: events_event_newest_idx and
            # events_event_oldest_idx in the order of newest_first() and oldest_first()
            # (migrations 0004 and 0006), and events_event_published_idx, what visible_to and
            # the counts need without reading the wide rows (0005; covering, as SQLite cannot).
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("events:event_detail", self.slug)


class OrganisationRole(models.TextChoices):
    ORGANISER = "organisator", _("organisator")
    PARTNER = "partner", _("partner")
    CASE = "casus", _("casus of voorbeeld")


class EventOrganisationQuerySet(models.QuerySet):
    def organisers(self):
        return self.filter(role=OrganisationRole.ORGANISER)


class EventOrganisation(models.Model):
    """An organisation on an event: who organised it, and which cases it discussed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_organisations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="event_roles",
    )
    role = models.CharField(
        _("rol"),
        max_length=16,
        choices=OrganisationRole.choices,
        default=OrganisationRole.ORGANISER,
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = EventOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("organisatie bij bijeenkomst")
        verbose_name_plural = _("organisaties bij bijeenkomst")
        constraints = [
            choices_constraint("role", OrganisationRole, "events_eventorganisation_role_valid"),
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="events_eventorganisation_unique"
            ),
        ]
        indexes = [
            # The events of an organisation, most recently added first (related events).
            models.Index(fields=["organisation", "event"], name="events_eventorg_org_idx"),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Session(models.Model):
    """A part of an event with its own order, title, date and speakers."""

    event = models.ForeignKey(
        Event, verbose_name=_("bijeenkomst"), on_delete=models.CASCADE, related_name="sessions"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    title = models.CharField(_("titel"), max_length=255)
    date = models.DateField(_("datum"), null=True, blank=True)
    summary = models.TextField(
        _("samenvatting"), blank=True, help_text=_("Markdown."), **limited(SUMMARY)
    )

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        constraints = [
            models.UniqueConstraint(fields=["event", "order"], name="events_session_order_unique"),
            text_check("events_session", "title", "summary", limits={"summary": SUMMARY}),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.event.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"sessie-{self.order}"


class Role(models.TextChoices):
    SPEAKER = "spreker", _("spreker")
    PANELLIST = "panellid", _("panellid")
    MODERATOR = "moderator", _("moderator of gespreksleider")
    CHAIR = "dagvoorzitter", _("dagvoorzitter")
    CLOSING = "afsluiter", _("afsluiter")
    ORGANISER = "organisator", _("organisator")


class Participation(models.Model):
    """A person on an event, or on one of its sessions, in a role.

    ``organisation`` and ``function`` record what the source says at the time of the event;
    when empty, the person's current organisation and function apply.
    """

    person = models.ForeignKey(
        Person, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="participations"
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("sessie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participations",
    )
    role = models.CharField(_("rol"), max_length=16, choices=Role.choices, default=Role.SPEAKER)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("namens organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    function = models.CharField(_("functie toen"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            choices_constraint("role", Role, "events_participation_role_valid"),
            models.UniqueConstraint(
                fields=["person", "event", "role"],
                condition=Q(session__isnull=True),
                name="events_participation_unique_on_event",
            ),
            models.UniqueConstraint(
                fields=["person", "session", "role"],
                condition=Q(session__isnull=False),
                name="events_participation_unique_on_session",
            ),
            text_check("events_participation", "function", limits={}),
        ]
        indexes = [
            # A person's events, most recently added first (speaker pages, related events).
            models.Index(fields=["person", "event"], name="events_participation_who_idx"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def shown_organisation(self):
        return self.organisation or self.person.organisation

    @property
    def shown_function(self):
        return self.function or self.person.function


# How people, organisations, themes, series and regions are seen through events (see
# events/reach.py; insights adds publications and takeaways).
seen_through(
    Person,
    "person",
    lambda user: Participation.objects.filter(visibility_q(user, prefix="event__")),
)
for rows in (EventOrganisation, Participation):
    seen_through(
        Organisation,
        "organisation",
        lambda user, rows=rows: rows.objects.filter(visibility_q(user, prefix="event__")),
    )
seen_through(Organisation, "organisation", lambda user: Person.objects.visible_to(user))
seen_through(
    Theme,
    "tag",
    lambda user: TaggedEvent.objects.filter(visibility_q(user, prefix="content_object__")),
)
seen_through(Series, "series", lambda user: Event.objects.filter(visibility_q(user)))
seen_through(
    Region,
    "region",
    lambda user: Event.regions.through.objects.filter(visibility_q(user, prefix="event__")),
)
seen_through(Region, "region", lambda user: Organisation.objects.visible_to(user))
