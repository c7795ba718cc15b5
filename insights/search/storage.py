"""Writing documents into the index through the ORM, for both databases.

These are the plain Django rows (``SearchEntry``, its facet values, known words); the
searchable text goes to the database-specific module, which ``indexing`` calls with what these
functions return.
"""

from django.db import connection
from django.db.models import Q

from insights.search.models import SearchEntry, SearchEntryFacet, SearchFacetValue, SearchWord


def delete(entry_ids):
    """Remove the entries ``entry_ids`` with their facet values."""
    SearchEntryFacet.objects.filter(entry_id__in=entry_ids).delete()
    SearchEntry.objects.filter(id__in=entry_ids).delete()


def insert(documents, *, splitter, ids=None):
    """Add ``documents`` (none of them indexed yet); returns (entry id, weighted texts) pairs.

    ``ids`` ({(item type, item id): entry id}) chooses the entries' ids (for a rebuild).
    """
    ids = ids or {}
    entries = SearchEntry.objects.bulk_create(
        [
            SearchEntry(
                id=ids.get((document.item_type, document.item_id)),
                item_type=document.item_type,
                item_id=document.item_id,
                source_type=document.source_type,
                source_id=document.source_id,
                title=document.title,
                context=document.context,
                url=document.url,
                date=document.date,
                status=document.status,
                published_at=document.published_at,
                members_only=document.members_only,
                title_key=document.title_key,
                content=document.content,
            )
            for document in documents
        ]
    )
    value_ids = facet_value_ids(entry for document in documents for entry in document.facets)
    insert_facets(
        (entry.id, value_ids[facet, value])
        for entry, document in zip(entries, documents, strict=True)
        for facet, value in dict.fromkeys((facet, value) for facet, value, _ in document.facets)
    )
    return [
        (entry.id, document.weighted_texts(splitter))
        for entry, document in zip(entries, documents, strict=True)
    ]


#: Facet rows per INSERT: 800 parameters, under SQLite's oldest limit of 999.
FACET_ROWS_PER_INSERT = 400


def insert_facets(rows):
    """Insert (entry id, facet value id) ``rows``, many per statement.

    Plain SQL: a model instance for each of these many small rows costs more than the rest, and
    ``executemany`` costs psycopg2 a round trip per row.
    """
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), FACET_ROWS_PER_INSERT):
            chunk = rows[start : start + FACET_ROWS_PER_INSERT]
            cursor.execute(
                "INSERT INTO insights_searchentryfacet (entry_id, value_id) VALUES "
                + ", ".join(["(%s, %s)"] * len(chunk)),
                [number for row in chunk for number in row],
            )


def facet_value_ids(facets):
    """{(facet, value): id} for (facet, value, label) triples, stored with their newest label.

    Only what is new is written: missing values are added, and a label only when it changed
    (a renamed theme or region); the others are read, not rewritten.
    """
    labels = {(facet, value): label for facet, value, label in facets}
    if not labels:
        return {}

    def stored():
        by_facet = {}
        for facet, value in labels:
            by_facet.setdefault(facet, []).append(value)
        condition = Q()
        for facet, values in by_facet.items():
            condition |= Q(facet=facet, value__in=values)
        return {
            (facet, value): (pk, label)
            for pk, facet, value, label in SearchFacetValue.objects.filter(condition).values_list(
                "id", "facet", "value", "label"
            )
        }

    found = stored()
    missing = [key for key in labels if key not in found]
    if missing:
        SearchFacetValue.objects.bulk_create(
            [SearchFacetValue(facet=f, value=v, label=labels[f, v]) for f, v in missing],
            ignore_conflicts=True,
        )
        found = stored()
    renamed = [
        SearchFacetValue(pk=pk, label=labels[key])
        for key, (pk, label) in found.items()
        if label != labels[key]
    ]
    SearchFacetValue.objects.bulk_update(renamed, ["label"])
    return {key: pk for key, (pk, _label) in found.items()}


def add_words(words):
    """Add the ``words`` not known yet to the vocabulary (with frequency 1); returns them."""
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    new = sorted(set(words) - known)
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, frequency=1) for word in new], ignore_conflicts=True
    )
    return new
