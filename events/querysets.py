"""QuerySet methods the public lists share: filter by domain and theme, count per option, and
load what cards show of the things each row links to.

Events, publications and takeaways all have ``domains`` (a many-to-many field) and ``tags``
(django-taggit). Filters use ``pk__in`` subqueries rather than joins, so that combining them
never duplicates rows, and counts are one aggregate query over the link table, restricted to
the rows of the queryset they are called on (which carries the visibility rule).

``named`` gives the prefetches for the small named things a page links to (themes, people,
domains, regions), as lists on each row.
"""

from django.db import models
from django.db.models import Count, Func, Prefetch
from taggit.managers import TaggableManager

#: What event and publication pages list of their own many-to-many relations, and of their
#: takeaways' (see ``named``).
SOURCE_NAMED = {"domain_list": "domains", "region_list": "regions", "tag_list": "tags"}
TAKEAWAY_NAMED = {"tag_list": "tags", "person_list": "people"}


def link_model(model, field_name):
    """The link table behind ``field_name`` and the names of its two foreign keys."""
    field = model._meta.get_field(field_name)
    if field.many_to_many and hasattr(field, "m2m_field_name"):
        return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
    # django-taggit: a TaggedItemBase subclass pointing at the object with content_object.
    return field.through, "content_object", "tag"


class JoinedNames(Func):
    """The names of the rows linked to each row through ``through``, as one text: "A, B".

    What a card shows of a many-to-many relation (domains, organisers) comes with the row this
    way, instead of from one more query per list. ``source`` and ``target`` are the two foreign
    keys of ``through``; the target has a ``name``. ``order_by`` names fields of ``through``, or
    of the target as ``<target>__<field>``; ``where`` gives values for fields of ``through``.
    The SQL is written here rather than built from querysets: a card list pays for it per row
    of the list, and building two querysets cost more than running them.
    """

    output_field = models.TextField()

    def __init__(self, through, *, source, target, order_by, where=None):
        super().__init__(models.F("pk"))
        self.through, self.source, self.target = through, source, target
        self.order_by, self.where = order_by, where or {}

    def names_sql(self, connection, outer):
        """The SELECT of the names, for the row whose primary key is ``outer``."""
        quote = connection.ops.quote_name
        link = self.through._meta
        target = link.get_field(self.target)
        item = target.related_model._meta

        def column(name):
            table, _, name = name.rpartition("__")
            alias, meta = ("item", item) if table == self.target else ("link", link)
            return f"{alias}.{quote(meta.get_field(name).column)}"

        conditions = [f"link.{quote(link.get_field(self.source).column)} = {outer}"]
        conditions += [f"{column(name)} = %s" for name in self.where]
        return (
            f"SELECT item.{quote(item.get_field('name').column)} AS name "
            f"FROM {quote(link.db_table)} link JOIN {quote(item.db_table)} item "
            f"ON item.{quote(item.pk.column)} = link.{quote(target.column)} "
            f"WHERE {' AND '.join(conditions)} "
            f"ORDER BY {', '.join(column(name) for name in self.order_by)}"
        )

    def as_sql(self, compiler, connection, **extra_context):
        outer, params = compiler.compile(self.source_expressions[0])
        names = self.names_sql(connection, outer)
        return f"ARRAY_TO_STRING(ARRAY({names}), ', ')", [*params, *self.where.values()]

    def as_sqlite(self, compiler, connection, **extra_context):
        outer, params = compiler.compile(self.source_expressions[0])
        names = self.names_sql(connection, outer)
        sql = f"COALESCE((SELECT GROUP_CONCAT(name, ', ') FROM ({names})), '')"
        return sql, [*params, *self.where.values()]


def named(model, relations):
    """The prefetches that give rows of ``model`` lists of the named things they link to:
    ``named(Event, {"tag_list": "tags"})`` gives each event a ``tag_list``. Things have their
    id, name and slug, in their model's order; themes come in no order (django-taggit takes no
    queryset of ours): templates list them by name."""
    prefetches = []
    for attribute, field_name in relations.items():
        field = model._meta.get_field(field_name)
        if isinstance(field, TaggableManager):
            prefetches.append(Prefetch(field_name, to_attr=attribute))
        else:
            things = field.related_model.objects.only("id", "name", "slug")
            prefetches.append(Prefetch(field_name, queryset=things, to_attr=attribute))
    return prefetches


class DomainAndThemeQuerySetMixin:
    """``in_domains``, ``on_theme`` and the counts that go with them."""

    def links(self, field_name):
        """The rows of the link table behind ``field_name`` that belong to these rows."""
        through, source, _ = link_model(self.model, field_name)
        return through.objects.filter(**{f"{source}__in": self.order_by().values("pk")})

    def in_domains(self, domains):
        """In every one of ``domains`` (AND)."""
        through, source, target = link_model(self.model, "domains")
        queryset = self
        for domain in domains:
            queryset = queryset.filter(
                pk__in=through.objects.filter(**{target: domain}).values(source)
            )
        return queryset

    def on_theme(self, tag):
        """On theme ``tag``: themes are not part of a teaser, so only rows seen in full."""
        through, source, target = link_model(self.model, "tags")
        return self.in_full().filter(pk__in=through.objects.filter(**{target: tag}).values(source))

    def with_domain_names(self):
        """Each row with ``domain_names``: the names of its domains, in their order."""
        through, source, target = link_model(self.model, "domains")
        names = JoinedNames(
            through,
            source=source,
            target=target,
            order_by=[f"{target}__order", f"{target}__name"],
        )
        return self.annotate(domain_names=names)

    def count_by_domain(self):
        """``{domain_id: number of these rows in it}``, in one query."""
        rows = self.links("domains").values("domain").annotate(n=Count("pk")).order_by()
        return {row["domain"]: row["n"] for row in rows}

    def count_by_theme(self, *, limit=None, among=None):
        """The (``limit``) most frequent themes among these rows: dicts with slug, name, n;
        only the themes whose slugs are in ``among`` when given.

        Teasers do not count: their themes are withheld."""
        links = self.in_full().links("tags")
        if among is not None:
            links = links.filter(tag__slug__in=sorted(among))
        rows = (
            links.values(slug=models.F("tag__slug"), name=models.F("tag__name"))
            .annotate(n=Count("pk"))
            .order_by("-n", "name")
        )
        return list(rows if limit is None else rows[:limit])
