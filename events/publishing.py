"""Publishing status and the one rule that decides who sees what.

Events and publications share the same life cycle: a draft, then published from a given moment,
optionally for members only. ``PublishableQuerySet.visible_to`` is the single place that turns
that into a filter; takeaways and search reuse ``visibility_q`` with a prefix so that the rule
is never written twice.

The teaser rule is decided here too. A visitor who is not a member sees a members-only event or
publication as a *teaser*: its title, kind, date, domains and summary, and nothing about who
took part (organisers, partners, speakers, publisher), nor its themes, regions, series,
takeaways, body, sessions or materials. ``visible_to(user, teasers=True)`` marks those rows
(``is_teaser``); ``in_full()`` leaves them out, and every filter, count and section that would
tell any of the withheld things starts with it (events/querysets.py, events/models.py), while
``withheld()`` blanks what a card of a teaser must not show. People, organisations, themes and
regions are seen only through what is visible in full (events/reach.py).
"""

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.access import can_preview, is_member


class Status(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


def visibility_q(user, *, prefix="", teasers=False, preview=False, now=None):
    """The condition an item (reached through ``prefix``, e.g. ``"event__"``) must meet.

    - everyone sees published items whose publication moment has passed;
    - members-only items only to members, unless ``teasers`` is asked for: then the item is
      listed and its page shows title and summary, and ``is_teaser`` (see ``visible_to``) says
      that the rest is withheld;
    - with ``preview``, staff also see drafts and scheduled items (on detail pages only).
    """
    if preview and can_preview(user):
        return Q()
    now = now or timezone.now()
    condition = Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": now})
    if not teasers and not is_member(user):
        condition &= Q(**{f"{prefix}members_only": False})
    return condition


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Published and past its publication moment, members-only included."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user, *, teasers=False, preview=False):
        """What ``user`` may see. See ``visibility_q`` for the rule.

        Every row is annotated with ``is_teaser``: true when the user may see only the title
        and summary (members-only content shown to a non-member, with ``teasers=True``).
        """
        queryset = self.filter(visibility_q(user, teasers=teasers, preview=preview))
        if is_member(user) or not teasers:
            return queryset.annotate(is_teaser=models.Value(False))
        return queryset.annotate(is_teaser=F("members_only"))

    def in_full(self):
        """Only the rows the visitor sees in full: teasers left out (see the module)."""
        return self.filter(is_teaser=False)

    def drafts(self):
        return self.filter(status=Status.DRAFT)


def withheld(expression, empty=""):
    """``expression``, or ``empty`` for a teaser: what a teaser's card must not show (its
    organisers, place, publisher) is blanked in the query, not in the template."""
    output = models.BooleanField() if isinstance(empty, bool) else models.TextField()
    return Case(When(is_teaser=True, then=Value(empty)), default=expression, output_field=output)


class Publishable(models.Model):
    """Fields every publishable thing carries from the start (see ROADMAP)."""

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("gepubliceerd op"),
        null=True,
        blank=True,
        help_text=_("Vanaf dit moment is het item zichtbaar. Leeg bij een concept."),
    )
    members_only = models.BooleanField(
        _("alleen voor leden"),
        default=False,
        help_text=_("Niet-leden zien alleen de titel en de samenvatting."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def publish(self, *, when=None):
        """Mark as published (keeps an earlier publication moment). Does not save."""
        self.status = Status.PUBLISHED
        if self.published_at is None or when is not None:
            self.published_at = when or timezone.now()

    def unpublish(self):
        """Back to draft. Does not save."""
        self.status = Status.DRAFT


def publishable_constraints(prefix):
    """Check constraints shared by every ``Publishable`` model."""
    return [
        models.CheckConstraint(
            condition=Q(status__in=Status.values), name=f"{prefix}_status_valid"
        ),
        models.CheckConstraint(
            condition=Q(status=Status.DRAFT) | Q(published_at__isnull=False),
            name=f"{prefix}_published_has_date",
        ),
    ]
