"""QuerySet methods the public lists share: filter by domain and theme, count per option, and
load what cards show of the things each row links to.

Events, publications and takeaways all have ``domains`` (a many-to-many field) and ``tags``
(django-taggit). Filters use ``pk__in`` subqueries rather than joins, so that combining them
never duplicates rows, and counts are one aggregate query over the link table, restricted to
the rows of the queryset they are called on (which carries the visibility rule).

``with_named`` is a light ``prefetch_related`` for the small named things a page links to
(themes, people, domains, regions): one hand-written query for all of them together, instead
of one query per relation plus a related manager per row.
"""

from collections import defaultdict

from django.db import connection, models
from django.db.models import Count, Func
from django.db.models.query import ModelIterable


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


def attach_named(*groups):
    """Give items the lists of named things they link to; ``groups`` are ``(items, relations)``.

    ``relations`` maps an attribute to a many-to-many field (``{"tag_list": "tags"}``); each
    list is in the order of the target model (by name when it has none). The things are model
    instances with only ``id``, ``name`` and ``slug`` loaded, one per thing however many items
    share it. One query for all groups and relations together.
    """
    quote = connection.ops.quote_name
    parts, params, wanted = [], [], []
    for items, relations in groups:
        if not items:
            continue
        model, owners = type(items[0]), list({item.pk for item in items})
        for attribute, field_name in relations.items():
            through, source, target = link_model(model, field_name)
            link = through._meta
            thing = link.get_field(target).related_model
            ordering = [
                f"thing.{quote(thing._meta.get_field(name.lstrip('-')).column)}"
                + (" DESC" if name.startswith("-") else "")
                for name in (thing._meta.ordering or ["name"])
            ]
            owner = f"link.{quote(link.get_field(source).column)}"
            pk, target_column = quote(thing._meta.pk.column), quote(link.get_field(target).column)
            parts.append(
                f"SELECT {len(wanted)} AS relation, {owner} AS owner, "
                f"ROW_NUMBER() OVER (PARTITION BY {owner} ORDER BY {', '.join(ordering)}) "
                f"AS position, thing.{pk}, thing.{quote('name')}, thing.{quote('slug')} "
                f"FROM {quote(link.db_table)} link JOIN {quote(thing._meta.db_table)} thing "
                f"ON thing.{pk} = link.{target_column} "
                f"WHERE {owner} IN ({', '.join(['%s'] * len(owners))})"
            )
            params.extend(owners)
            wanted.append((items, attribute, thing))
    if not parts:
        return
    lists, things = defaultdict(list), {}
    with connection.cursor() as cursor:
        cursor.execute(f"{' UNION ALL '.join(parts)} ORDER BY relation, owner, position", params)
        for relation, owner, _, pk, name, slug in cursor.fetchall():
            thing = wanted[relation][2]
            if (thing, pk) not in things:
                things[thing, pk] = _named_thing(thing, pk, name, slug)
            lists[relation, owner].append(things[thing, pk])
    for relation, (items, attribute, _) in enumerate(wanted):
        for item in items:
            setattr(item, attribute, lists[relation, item.pk])


def _named_thing(model, pk, name, slug):
    """An instance of ``model`` with only these fields loaded (the others load when used)."""
    values = {model._meta.pk.attname: pk, "name": name, "slug": slug}
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(connection.alias, fields, [values[name] for name in fields])


class DomainAndThemeQuerySetMixin:
    """``in_domains``, ``on_theme`` and the counts that go with them, and ``with_named``."""

    _named = {}

    def with_named(self, **relations):
        """Rows that come with lists of named things: ``with_named(tag_list="tags")``.

        See ``attach_named``; done when the rows are fetched, as ``prefetch_related`` is.
        """
        clone = self._chain()
        clone._named = {**self._named, **relations}
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._named = self._named
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        if fetching and self._named and issubclass(self._iterable_class, ModelIterable):
            attach_named((self._result_cache, self._named))

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

    def count_by_theme(self, *, limit=None):
        """The (``limit``) most frequent themes among these rows: dicts with slug, name, n.

        Teasers do not count: their themes are withheld."""
        rows = (
            self.in_full()
            .links("tags")
            .values(slug=models.F("tag__slug"), name=models.F("tag__name"))
            .annotate(n=Count("pk"))
            .order_by("-n", "name")
        )
        return list(rows if limit is None else rows[:limit])
