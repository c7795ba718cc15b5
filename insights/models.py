"""What was learned: takeaways and publications, and the synonyms search uses."""

import heapq
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from events.limits import BODY, DESCRIPTION, SUMMARY, SYNONYMS, limited, text_check
from events.models import (
    Domain,
    Event,
    Organisation,
    Person,
    Region,
    Session,
    Theme,
    choices_constraint,
)
from events.publishing import (
    Publishable,
    PublishableQuerySet,
    publishable_constraints,
    visibility_q,
    withheld,
)
from events.querysets import DomainAndThemeQuerySetMixin, named
from events.reach import seen_through
from events.slugs import SluggedMixin, unique_slug
from portal.links import slug_url


class PublicationKind(models.TextChoices):
    WHITE_PAPER = "whitepaper", _("white paper")
    CAHIER = "cahier", _("cahier")
    ARTICLE = "artikel", _("artikel")
    INTERVIEW = "interview", _("interview")


class TaggedPublication(TaggedItemBase):
    content_object = models.ForeignKey("Publication", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("thema van publicatie")
        verbose_name_plural = _("thema's van publicaties")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="insights_taggedpublication_unique"
            )
        ]
        indexes = [
            models.Index(fields=["tag", "content_object"], name="insights_taggedpub_tag_idx"),
        ]


class PublicationQuerySet(DomainAndThemeQuerySetMixin, PublishableQuerySet):
    def for_listing(self):
        """What a publication card shows, in one query: its publisher (``publisher_name``,
        withheld from a teaser) and its domains by name."""
        return (
            self.defer("body")
            .annotate(publisher_name=withheld(F("publisher__name")))
            .with_domain_names()
        )

    def newest_first(self):
        return self.order_by(models.F("published_on").desc(nulls_last=True), "title", "pk")

    def oldest_first(self):
        return self.order_by(models.F("published_on").asc(nulls_last=True), "title", "pk")

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def in_year(self, year):
        return self.filter(published_on__year=year)

    def with_person(self, person):
        """With ``person`` in any role (author, interviewee, editor), each publication once."""
        people = PublicationPerson.objects.filter(person=person)
        return self.in_full().filter(pk__in=people.values("publication"))

    def discussing(self, organisation):
        """Discussing ``organisation`` (as a case or partner), each publication once; seen in
        full only, since a teaser does not say whom it is about."""
        organisations = PublicationOrganisation.objects.filter(organisation=organisation)
        return self.in_full().filter(pk__in=organisations.values("publication"))

    def published_by(self, organisation):
        """Published by ``organisation`` (seen in full only: a teaser withholds its publisher)."""
        return self.in_full().filter(publisher=organisation)

    def in_region(self, region):
        """About ``region`` itself (seen in full only: a teaser withholds its regions)."""
        return self.in_full().filter(
            pk__in=Publication.regions.through.objects.filter(region=region).values("publication")
        )

    def count_by_kind(self):
        """``{kind: number of these publications}``."""
        rows = self.order_by().values("kind").annotate(n=Count("pk"))
        return {row["kind"]: row["n"] for row in rows}

    def count_by_year(self):
        """``{year: number of these publications}``, leaving out those without a date."""
        rows = (
            self.filter(published_on__isnull=False)
            .order_by()
            .annotate(year=ExtractYear("published_on"))
            .values("year")
            .annotate(n=Count("pk"))
        )
        return {row["year"]: row["n"] for row in rows}


class Publication(SluggedMixin, Publishable):
    slug_source = "title"

    title = models.CharField(_("titel"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("soort"), max_length=16, choices=PublicationKind.choices)
    published_on = models.DateField(
        _("verschenen op"), null=True, blank=True, help_text=_("Leeg als de datum onbekend is.")
    )
    publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("uitgever"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    people = models.ManyToManyField(
        Person,
        through="PublicationPerson",
        verbose_name=_("auteurs en geïnterviewden"),
        blank=True,
        related_name="publications",
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="PublicationOrganisation",
        verbose_name=_("besproken organisaties"),
        blank=True,
        related_name="discussed_in",
    )
    domains = models.ManyToManyField(
        Domain, verbose_name=_("domeinen"), blank=True, related_name="publications"
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regio's"), blank=True, related_name="publications"
    )
    summary = models.TextField(
        _("samenvatting"), blank=True, help_text=_("Markdown, kort."), **limited(SUMMARY)
    )
    body = models.TextField(_("tekst"), blank=True, help_text=_("Markdown."), **limited(BODY))
    url = models.URLField(_("adres"), max_length=500, blank=True)
    source_date_is_capture = models.BooleanField(
        _("datum is vastlegdatum"),
        default=False,
        help_text=_("Aan als de publicatie geen eigen datum heeft en dit de vastlegdatum is."),
    )
    related_events = models.ManyToManyField(
        Event, verbose_name=_("gerelateerde bijeenkomsten"), blank=True, related_name="publications"
    )
    tags = TaggableManager(verbose_name=_("thema's"), through=TaggedPublication, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = [models.F("published_on").desc(nulls_last=True), "title"]
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        constraints = [
            *publishable_constraints("insights_publication"),
            choices_constraint("kind", PublicationKind, "insights_publication_kind_valid"),
            text_check(
                "insights_publication",
                *("title", "slug", "summary", "body", "url"),
                limits={"summary": SUMMARY, "body": BODY},
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="insights_pub_visible_idx"),
            models.Index(fields=["published_on"], name="insights_pub_date_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("insights:publication_detail", self.slug)


def publication_detail_relations():
    """The prefetches of what a publication page shows of its own relations, one query each,
    for a publication seen in full (a teaser's page loads none of it). Its domains, regions and
    themes are ``named`` (events/querysets.py): see ``PublicationDetailView``."""
    return [
        "publisher",
        "related_events",
        models.Prefetch(
            "publication_people", queryset=PublicationPerson.objects.select_related("person")
        ),
        models.Prefetch(
            "publication_organisations",
            queryset=PublicationOrganisation.objects.select_related("organisation"),
        ),
    ]


class PublicationRole(models.TextChoices):
    AUTHOR = "auteur", _("auteur")
    INTERVIEWEE = "geinterviewde", _("geïnterviewde")
    EDITOR = "redacteur", _("redacteur")


class PublicationPerson(models.Model):
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="publication_people"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("persoon"),
        on_delete=models.PROTECT,
        related_name="publication_roles",
    )
    role = models.CharField(
        _("rol"), max_length=16, choices=PublicationRole.choices, default=PublicationRole.AUTHOR
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("persoon bij publicatie")
        verbose_name_plural = _("personen bij publicatie")
        constraints = [
            choices_constraint("role", PublicationRole, "insights_publicationperson_role_valid"),
            models.UniqueConstraint(
                fields=["publication", "person", "role"], name="insights_publicationperson_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class PublicationOrganisationRole(models.TextChoices):
    CASE = "casus", _("casus of voorbeeld")
    PARTNER = "partner", _("partner")


class PublicationOrganisation(models.Model):
    """An organisation or regional collaboration a publication discusses."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="publication_organisations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="publication_roles",
    )
    role = models.CharField(
        _("rol"),
        max_length=16,
        choices=PublicationOrganisationRole.choices,
        default=PublicationOrganisationRole.CASE,
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("organisatie bij publicatie")
        verbose_name_plural = _("organisaties bij publicatie")
        constraints = [
            choices_constraint(
                "role", PublicationOrganisationRole, "insights_publicationorganisation_role_valid"
            ),
            models.UniqueConstraint(
                fields=["publication", "organisation", "role"],
                name="insights_publicationorganisation_unique",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class TaggedTakeaway(TaggedItemBase):
    content_object = models.ForeignKey("Takeaway", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("thema van inzicht")
        verbose_name_plural = _("thema's van inzichten")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="insights_taggedtakeaway_unique"
            )
        ]
        indexes = [
            # The takeaways on a theme, most recently added first (theme pages, related).
            models.Index(fields=["tag", "content_object"], name="insights_taggedtk_tag_idx"),
        ]


class TakeawayQuerySet(DomainAndThemeQuerySetMixin, models.QuerySet):
    def visible_to(self, user, *, preview=False):
        """Takeaways whose event or publication ``user`` may see in full.

        A takeaway has no status of its own: it is as visible as where it came from. Takeaways of
        members-only items are the part a non-member does not get, so there are no teasers here
        (``is_teaser`` is always false). With ``preview``, staff also see the takeaways of
        drafts (on detail pages only).
        """
        return self.filter(
            visibility_q(user, prefix="event__", preview=preview)
            | visibility_q(user, prefix="publication__", preview=preview)
        ).annotate(is_teaser=Value(False))

    def in_full(self):
        """All of them: a takeaway is never a teaser."""
        return self

    def for_listing(self):
        """What a takeaway card shows: its text, its themes and where it came from (no more)."""
        return (
            self.select_related("event", "publication")
            .only(
                "text",
                "slug",
                "order",
                "event",
                "publication",
                *(f"event__{name}" for name in ("slug", "title", "start_date", "end_date", "date")),
                *(
                    f"publication__{name}"
                    for name in ("slug", "title", "published_on", "source_date_is_capture")
                ),
            )
            .prefetch_related(*named(self.model, {"tag_list": "tags"}))
        )

    def newest_first(self):
        """By the date of the event or publication it came from, then in their own order.

        One sort over all these takeaways: fine for a few, costly over a million; ``newest``
        gets the first ones without that sort.
        """
        return self.order_by(
            Coalesce("event__date", "publication__published_on").desc(nulls_last=True),
            "order",
            "pk",
        )

    def last_added(self, number):
        """The ``number`` of these takeaways added last, shown newest source first.

        Read backwards along the primary key, or along an index of the link table behind a
        theme or a person: a few rows, however many takeaways a theme or a person has. Finding
        the newest by the date of their source instead (``newest``) means looking at all of
        them when they are few among many.
        """

        def by_source_date(takeaway):
            source = takeaway.event if takeaway.event_id else takeaway.publication
            date = source.date if takeaway.event_id else source.published_on
            return (date is None, -date.toordinal() if date else 0, source.title, takeaway.order)

        return sorted(self.order_by("-pk")[:number], key=by_source_date)

    def newest(self, number):
        """The first ``number`` of these takeaways by the date of their source, newest first."""
        return self._first_by_source_date(number, newest=True)

    def oldest(self, number):
        """The first ``number`` of these takeaways by the date of their source, oldest first."""
        return self._first_by_source_date(number, newest=False)

    def _first_by_source_date(self, number, *, newest):
        """A list from two queries that indexes can serve, merged, instead of one big sort.

        Takeaways of events come in the order of the events' newest-first index (then their
        own order), takeaways of publications by publication date; the two streams are merged
        on the date alone, so the first ``n`` for a larger ``number`` always start with the
        first ``n`` for a smaller one (pages never overlap).
        """

        def stream(source, date, title):
            by_date = (
                models.F(date).desc(nulls_last=True)
                if newest
                else models.F(date).asc(nulls_last=True)
            )
            ordered = self.filter(**{f"{source}__isnull": False}).order_by(
                by_date, title, source, "order", "pk"
            )
            return ordered[:number]

        def key(takeaway):
            date = takeaway.event.date if takeaway.event_id else takeaway.publication.published_on
            if date is None:
                return (1, 0)
            return (0, -date.toordinal() if newest else date.toordinal())

        merged = heapq.merge(
            stream("event", "event__date", "event__title"),
            stream("publication", "publication__published_on", "publication__title"),
            key=key,
        )
        return list(islice(merged, number))


class Takeaway(SluggedMixin, models.Model):
    """A short lesson learned (inzicht), addressable on its own."""

    slug_source = "text"

    text = models.CharField(
        _("inzicht"), max_length=500, help_text=_("Eén of twee zinnen, in eigen woorden.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    explanation = models.TextField(
        _("toelichting"), blank=True, help_text=_("Markdown."), **limited(DESCRIPTION)
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("bijeenkomst"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="takeaways",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("sessie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="takeaways",
        help_text=_("Optioneel: de sessie van deze bijeenkomst waar het inzicht uit komt."),
    )
    publication = models.ForeignKey(
        Publication,
        verbose_name=_("publicatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="takeaways",
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    domains = models.ManyToManyField(
        Domain, verbose_name=_("domeinen"), blank=True, related_name="takeaways"
    )
    people = models.ManyToManyField(
        Person,
        through="TakeawayPerson",
        verbose_name=_("toegeschreven aan"),
        blank=True,
        related_name="takeaways",
    )
    tags = TaggableManager(verbose_name=_("thema's"), through=TaggedTakeaway, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = TakeawayQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzicht")
        verbose_name_plural = _("inzichten")
        constraints = [
            models.CheckConstraint(
                condition=Q(event__isnull=False, publication__isnull=True)
                | Q(event__isnull=True, publication__isnull=False),
                name="insights_takeaway_one_source",
            ),
            models.CheckConstraint(
                condition=Q(session__isnull=True) | Q(event__isnull=False),
                name="insights_takeaway_session_needs_event",
            ),
            text_check(
                "insights_takeaway",
                *("text", "slug", "explanation"),
                limits={"explanation": DESCRIPTION},
            ),
            # That the session belongs to the same event is checked by a trigger: see
            # migration 0002_takeaway_session_trigger.
        ]
        indexes = [
            models.Index(fields=["event", "order"], name="insights_takeaway_event_idx"),
            models.Index(fields=["publication", "order"], name="insights_takeaway_pub_idx"),
        ]

    def __str__(self):
        return Truncator(self.text).chars(80)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("insights:takeaway_detail", self.slug)

    def make_slug(self):
        return unique_slug(self, Truncator(self.text).words(10, truncate=""))

    @property
    def anchor(self):
        return f"inzicht-{self.slug}"

    @property
    def source(self):
        """The event or publication this takeaway belongs to."""
        return self.event or self.publication


class TakeawayPerson(models.Model):
    takeaway = models.ForeignKey(Takeaway, on_delete=models.CASCADE, related_name="takeaway_people")
    person = models.ForeignKey(
        Person, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="takeaway_roles"
    )

    class Meta:
        verbose_name = _("toeschrijving")
        verbose_name_plural = _("toeschrijvingen")
        constraints = [
            models.UniqueConstraint(
                fields=["takeaway", "person"], name="insights_takeawayperson_unique"
            )
        ]
        indexes = [
            # A person's takeaways, most recently added first (speaker pages, related).
            models.Index(fields=["person", "takeaway"], name="insights_takeawayperson_idx"),
        ]

    def __str__(self):
        return str(self.person)


class SynonymSet(models.Model):
    """Words and abbreviations that mean the same, applied by search at query time."""

    terms = models.TextField(
        _("termen"),
        help_text=_(
            "Eén term per regel; alle termen betekenen hetzelfde. "
            "Bijvoorbeeld: IZA en Integraal Zorgakkoord."
        ),
        **limited(SYNONYMS),
    )
    note = models.CharField(_("notitie"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synoniemenset")
        verbose_name_plural = _("synoniemensets")
        constraints = [
            text_check("insights_synonymset", "terms", "note", limits={"terms": SYNONYMS}),
        ]

    def __str__(self):
        return " = ".join(self.term_list())

    def clean(self):
        super().clean()
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError(
                {"terms": _("Geef minstens twee termen, elk op een eigen regel.")}
            )
        if len({term.casefold() for term in terms}) < len(terms):
            raise ValidationError({"terms": _("Elke term mag maar één keer voorkomen.")})

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


# How people, organisations, themes and regions are seen through publications and takeaways
# (events/reach.py; events registers its own).
def _rows(model, prefix):
    """Rows of ``model`` whose publication (reached through ``prefix``) ``user`` may see."""
    return lambda user: model.objects.filter(visibility_q(user, prefix=prefix))


def _takeaway_rows(model, prefix):
    """Rows of ``model`` whose takeaway (reached through ``prefix``) ``user`` may see."""
    return lambda user: model.objects.filter(
        visibility_q(user, prefix=f"{prefix}event__")
        | visibility_q(user, prefix=f"{prefix}publication__")
    )


seen_through(Person, "person", _rows(PublicationPerson, "publication__"))
seen_through(Person, "person", _takeaway_rows(TakeawayPerson, "takeaway__"))
seen_through(Organisation, "organisation", _rows(PublicationOrganisation, "publication__"))
seen_through(Organisation, "publisher", _rows(Publication, ""))
seen_through(Theme, "tag", _rows(TaggedPublication, "content_object__"))
seen_through(Theme, "tag", _takeaway_rows(TaggedTakeaway, "content_object__"))
seen_through(Region, "region", _rows(Publication.regions.through, "publication__"))


from insights.search.models import (  # noqa: E402,F401
    SearchBacklog,
    SearchEntry,
    SearchEntryFacet,
    SearchFacetValue,
    SearchWord,
)
