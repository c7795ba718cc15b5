"""QuerySet methods the public lists share: filter by domain and theme, and count per option.

Events, publications and takeaways all have ``domains`` (a many-to-many field) and ``tags``
(django-taggit). Filters use ``pk__in`` subqueries rather than joins, so that combining them
never duplicates rows, and counts are one aggregate query over the link table, restricted to
the rows of the queryset they are called on (which carries the visibility rule).
"""

from django.db import models
from django.db.models import Count


def _link(model, field_name):
    """The link table behind ``field_name`` and the names of its two foreign keys."""
    field = model._meta.get_field(field_name)
    if field.many_to_many and hasattr(field, "m2m_field_name"):
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
    # django-taggit: a TaggedItemBase subclass pointing at the object with content_object.
    return field.through, "content_object", "tag"


class DomainAndThemeQuerySetMixin:
    """``in_domains``, ``on_theme`` and the counts that go with them."""

    def links(self, field_name):
        """The rows of the link table behind ``field_name`` that belong to these rows."""
        through, source, _ = _link(self.model, field_name)
        return through.objects.filter(**{f"{source}__in": self.order_by().values("pk")})

    def in_domains(self, domains):
        """In every one of ``domains`` (AND)."""
        through, source, target = _link(self.model, "domains")
        queryset = self
        for domain in domains:
            queryset = queryset.filter(
                pk__in=through.objects.filter(**{target: domain}).values(source)
            )
        return queryset

    def on_theme(self, tag):
        through, source, target = _link(self.model, "tags")
        return self.filter(pk__in=through.objects.filter(**{target: tag}).values(source))

    def count_by_domain(self):
        """``{domain_id: number of these rows in it}``, in one query."""
        rows = self.links("domains").values("domain").annotate(n=Count("pk")).order_by()
        return {row["domain"]: row["n"] for row in rows}

    def count_by_theme(self, *, limit=None):
        """The (``limit``) most frequent themes among these rows: dicts with slug, name, n."""
        rows = (
            self.links("tags")
            .values(slug=models.F("tag__slug"), name=models.F("tag__name"))
            .annotate(n=Count("pk"))
            .order_by("-n", "name")
        )
        return list(rows if limit is None else rows[:limit])
