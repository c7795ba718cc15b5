"""The search index: one row per searchable item, its facet values, and the known words, and
the backlog of what changed since they were written.

All of them are worked out from content (``derived_from_content``): writing them does not renew
the content generation (events/generation.py).

``SearchEntry`` copies what search needs from its item: the title and text to show, the URL,
the date, the visibility fields of its event or publication (kept exact by database triggers,
insights/search/backlog.py, so that ``events.publishing.visibility_q`` filters entries
directly) and the facet values. Who may find a person or an organisation is decided by their
own ``visible_to`` (events/reach.py), from the real rows: ``SearchEntry.objects.visible_to``.
Its searchable text lives in a database-specific place next to
it: on PostgreSQL the ``vector`` column (a weighted tsvector with a GIN index), on SQLite the
FTS5 table ``insights_searchentry_fts``; both are created by migration 0003 and written by
``insights.search.postgres`` and ``insights.search.sqlite``.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Organisation, Person, choices_constraint
from events.publishing import Status, visibility_q


class ItemType(models.TextChoices):
    """What a search result is; the values are the ``type`` parameter of the search page."""

    EVENT = "bijeenkomst", _("bijeenkomst")
    SESSION = "sessie", _("sessie")
    TAKEAWAY = "inzicht", _("inzicht")
    PUBLICATION = "publicatie", _("publicatie")
    PERSON = "persoon", _("persoon")
    ORGANISATION = "organisatie", _("organisatie")


class Facet(models.TextChoices):
    """The facets; the values are the query string parameters, the same as on the lists."""

    TYPE = "type", _("soort resultaat")
    DOMAIN = "domein", _("domein")
    KIND = "soort", _("soort")
    REGION = "regio", _("regio")
    YEAR = "jaar", _("jaar")
    THEME = "thema", _("thema")


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The entries ``user`` may find: of events, sessions, takeaways and publications by
        the visibility they copy from their event or publication; of people and organisations
        (whose entries always pass that) unless their own ``visible_to`` leaves them out.

        Those left out are a figure (``hidden_from``): worked out once per content generation
        and kind of visitor, and a plain list of ids in the query, which keeps the hand-tuned
        search queries as fast as before.
        """
        condition = visibility_q(user)
        for item_type, ids in hidden_from(user).items():
            if ids:
                condition &= ~Q(item_type=item_type, item_id__in=ids)
        return self.filter(condition)


def hidden_from(user):
    """``{item type: [ids]}`` of the people and organisations ``user`` may not find: their
    ``visible_to`` leaves them out (figures, per kind of visitor: events/models.py)."""
    own = {ItemType.PERSON: Person, ItemType.ORGANISATION: Organisation}

    return {item_type: model.objects.hidden_ids(user) for item_type, model in own.items()}


class SearchEntry(models.Model):
    derived_from_content = True

    item_type = models.CharField(_("soort"), max_length=16, choices=ItemType.choices)
    item_id = models.PositiveBigIntegerField(_("nummer"))
    # What the entry is reindexed and removed with: an event or publication for itself, its
    # sessions and its takeaways; the item itself for the rest.
    source_type = models.CharField(_("bron"), max_length=16, choices=ItemType.choices)
    source_id = models.PositiveBigIntegerField(_("nummer van de bron"))
    title = models.CharField(_("titel"), max_length=500)
    context = models.CharField(_("context"), max_length=300, blank=True)
    url = models.CharField(_("adres"), max_length=500)
    date = models.DateField(_("datum"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    members_only = models.BooleanField(_("alleen voor leden"), default=False)
    title_key = models.CharField(_("titelsleutel"), max_length=255, blank=True)
    content = models.TextField(_("tekst voor fragmenten"), blank=True)
    facet_values = models.ManyToManyField(
        "SearchFacetValue", through="SearchEntryFacet", related_name="entries"
    )

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        app_label = "insights"
        verbose_name = _("zoekingang")
        verbose_name_plural = _("zoekingangen")
        constraints = [
            models.UniqueConstraint(
                fields=["item_type", "item_id"], name="insights_searchentry_item_unique"
            ),
            choices_constraint("item_type", ItemType, "insights_searchentry_item_type_valid"),
            choices_constraint("source_type", ItemType, "insights_searchentry_source_type_valid"),
            choices_constraint("status", Status, "insights_searchentry_status_valid"),
        ]
        indexes = [
            models.Index(fields=["source_type", "source_id"], name="insights_search_source_idx"),
            models.Index(fields=["title_key"], name="insights_search_title_key_idx"),
        ]

    def __str__(self):
        return f"{self.get_item_type_display()}: {self.title}"


class SearchFacetValue(models.Model):
    derived_from_content = True

    """One value of one facet, with the label the page shows (a domain's slug and name, …)."""

    facet = models.CharField(_("facet"), max_length=8, choices=Facet.choices)
    value = models.CharField(_("waarde"), max_length=255)
    label = models.CharField(_("label"), max_length=255)

    class Meta:
        app_label = "insights"
        verbose_name = _("facetwaarde")
        verbose_name_plural = _("facetwaarden")
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "value"], name="insights_searchfacetvalue_unique"
            ),
            choices_constraint("facet", Facet, "insights_searchfacetvalue_facet_valid"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchEntryFacet(models.Model):
    """An entry has a facet value. Written and removed with its entry by storage.py, many at a
    time: the database does not check these links (``db_constraint=False``), since checking
    them cost more than writing them (22 of an import's 60 s at full scale, all in COMMIT)."""

    derived_from_content = True

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, db_index=False, db_constraint=False
    )
    value = models.ForeignKey(
        SearchFacetValue, on_delete=models.CASCADE, db_index=False, db_constraint=False
    )

    class Meta:
        app_label = "insights"
        verbose_name = _("facet van zoekingang")
        verbose_name_plural = _("facetten van zoekingangen")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "value"], name="insights_searchentryfacet_unique"
            ),
        ]
        indexes = [
            # Filtering: the entries with a value. (Counting per entry uses the unique index.)
            models.Index(fields=["value", "entry"], name="insights_search_value_idx"),
        ]

    def __str__(self):
        return f"{self.entry_id}: {self.value_id}"


class SearchWord(models.Model):
    """A word of the portal's public, published text, with the number of entries it occurs in.

    Compound splitting takes its parts from here; spelling suggestions come from here.
    """

    derived_from_content = True

    word = models.CharField(_("woord"), max_length=64, unique=True)
    frequency = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        app_label = "insights"
        verbose_name = _("bekend woord")
        verbose_name_plural = _("bekende woorden")

    def __str__(self):
        return self.word


class Change(models.TextChoices):
    """What a row of the backlog says changed; see insights/search/backlog.py."""

    EVENT = "event", _("bijeenkomst")
    PUBLICATION = "publication", _("publicatie")
    TAKEAWAY = "takeaway", _("inzicht")
    PERSON = "person", _("persoon")
    ORGANISATION = "organisation", _("organisatie")
    PERSON_NAME = "person-name", _("naam van een persoon")
    ORGANISATION_NAME = "organisation-name", _("naam van een organisatie")
    THEME = "theme", _("thema")
    DOMAIN = "domain", _("domein")
    KIND = "kind", _("soort bijeenkomst")
    REGION = "region", _("regio")
    EVERYTHING = "everything", _("alles")


class SearchBacklog(models.Model):
    """Content written since the index last followed it: database triggers add a row for every
    write, whoever makes it; indexing takes the rows away (insights/search/backlog.py)."""

    derived_from_content = True

    change = models.CharField(_("wijziging"), max_length=20, choices=Change.choices)
    item_id = models.BigIntegerField(_("nummer"))

    class Meta:
        app_label = "insights"
        verbose_name = _("nog te indexeren")
        verbose_name_plural = _("nog te indexeren")
        constraints = [
            models.UniqueConstraint(
                fields=["change", "item_id"], name="insights_searchbacklog_unique"
            ),
            choices_constraint("change", Change, "insights_searchbacklog_change_valid"),
        ]

    def __str__(self):
        return f"{self.change} {self.item_id}"
