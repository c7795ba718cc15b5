"""Validation: walking a file with the schema, then the checks that need all of it.

``validate`` walks the data with ``DOCUMENT``, which collects the problems and the references;
after the walk come the checks that need the whole file or the database: takeaway slugs,
unique names, references, region cycles, takeaway slugs already in use, new themes that need
a slug.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from taggit.models import Tag

from events.models import Region
from insights.importing.bulk import IDS_PER_QUERY, batches
from insights.importing.checks import COLLECTIONS
from insights.importing.problems import INVALID, Validation, location, shown
from insights.importing.schema import DOCUMENT, _valid
from insights.models import Takeaway


@dataclass
class Validated:
    content: object  # the cleaned data (INVALID when it is not an object)
    problems: list
    existing: dict  # collection → {slug: pk} of referenced objects only in the database
    walked: Validation  # what the walk collected: references and theme names to look up


def validate(data):
    """Every problem in ``data`` (parsed JSON), with the cleaned data for the importer.

    Only reads: the importer validates before it takes the database's write lock.
    """
    v = Validation()
    content = DOCUMENT(data, (), v)
    existing = {}
    if content is not INVALID:
        check_takeaway_slugs(content, v)
        existing = check_database(content, v)
    return Validated(content, v.sorted_problems(), existing, v)


def recheck(validated):
    """``validated`` (without problems) checked against the database again.

    The importer calls this inside its transaction: the database may have changed since the
    file was validated (a referenced region deleted, a name taken). These checks are quick
    next to walking the whole file, which is not done again.
    """
    v = Validation()
    v.references, v.nameless_themes = validated.walked.references, validated.walked.nameless_themes
    existing = check_database(validated.content, v)
    return Validated(validated.content, v.sorted_problems(), existing, v)


def check_database(content, v):
    """The checks that read the database; returns the referenced objects only there."""
    for collection in ("domains", "event_kinds"):
        check_unique_names(content, collection, v)
    existing = check_references(content, v)
    check_region_cycles(content, v)
    check_takeaways_in_use(content, v)
    check_nameless_themes(v)
    return existing


def _takeaway_places(content):
    """(slug, path) of every takeaway in the file."""
    for owners in ("events", "publications"):
        for index, owner in _valid(content[owners]):
            for position, takeaway in _valid(owner["takeaways"]):
                yield takeaway["slug"], (owners, index, "takeaways", position, "slug")


def check_takeaway_slugs(content, v):
    first = {}
    for slug, path in _takeaway_places(content):
        if slug in first:
            v.problem(path, f"duplicate {shown(slug)} (first at {location(first[slug])})")
        else:
            first[slug] = path


def check_unique_names(content, collection, v):
    """Domains and event kinds have unique names, also next to those only in the database."""
    items = _valid(content[collection])
    in_file = {item["slug"] for _, item in items}
    model, label = COLLECTIONS[collection].model, COLLECTIONS[collection].label
    taken = {
        name: slug
        for slug, name in model.objects.values_list("slug", "name")
        if slug not in in_file
    }
    first = {}
    for index, item in items:
        name, path = item["name"], (collection, index, "name")
        if name is INVALID:
            continue
        if name in taken:
            v.problem(path, f"{shown(name)} is already the name of {label} {shown(taken[name])}")
        elif name in first:
            v.problem(path, f"duplicate {shown(name)} (first at {location(first[name])})")
        else:
            first[name] = path


def _in_database(model, slugs):
    found = {}
    for batch in batches(sorted(slugs), IDS_PER_QUERY):
        found.update(model.objects.filter(slug__in=batch).values_list("slug", "pk"))
    return found


def check_references(content, v):
    """Every slug refers to an object in the file or in the database; returns the latter."""
    in_file = {
        collection: {item["slug"] for _, item in _valid(content[collection])}
        for collection in COLLECTIONS
    }
    wanted = defaultdict(set)
    for collection, slug, _ in v.references:
        if slug not in in_file[collection]:
            wanted[collection].add(slug)
    existing = {
        collection: _in_database(COLLECTIONS[collection].model, slugs)
        for collection, slugs in wanted.items()
    }
    for collection, slug, path in v.references:
        if slug not in in_file[collection] and slug not in existing[collection]:
            label = COLLECTIONS[collection].label
            v.problem(path, f"{label} {shown(slug)} is neither in the file nor in the database")
    return existing


def check_region_cycles(content, v):
    regions = _valid(content["regions"])
    parents = dict(Region.objects.values_list("slug", "parent__slug"))
    parents.update({item["slug"]: item["parent"] for _, item in regions})
    for index, item in regions:
        chain, parent = [item["slug"]], item["parent"]
        while parent not in (None, INVALID) and parent not in chain:
            chain.append(parent)
            parent = parents.get(parent)
        if parent == item["slug"]:
            cycle = " → ".join([*chain, parent])
            v.problem(("regions", index, "parent"), f"makes the region its own ancestor ({cycle})")


def check_takeaways_in_use(content, v):
    """A takeaway slug may only move here from an event or publication that is in the file."""
    places = dict(_takeaway_places(content))
    owners = {
        (collection, item["slug"])
        for collection in ("events", "publications")
        for _, item in _valid(content[collection])
    }
    for batch in batches(sorted(places), IDS_PER_QUERY):
        rows = Takeaway.objects.filter(slug__in=batch).values_list(
            "slug", "event__slug", "publication__slug"
        )
        for slug, event, publication in rows:
            owner = ("events", event) if event else ("publications", publication)
            if owner not in owners:
                label = "event" if event else "publication"
                v.problem(
                    places[slug],
                    f"{shown(slug)} is already the slug of a takeaway of {label} "
                    f"{shown(owner[1])}, which is not in the file",
                )


def check_nameless_themes(v):
    """A theme name without a letter or digit may only be that of a theme in the database:
    a new theme's address (its slug) is made from the letters and digits of its name."""
    names = sorted({name.lower() for name, _ in v.nameless_themes})
    existing = set()
    for batch in batches(names, IDS_PER_QUERY):
        condition = reduce(or_, (Q(name__iexact=name) for name in batch))
        existing.update(
            name.lower() for name in Tag.objects.filter(condition).values_list("name", flat=True)
        )
    for name, path in v.nameless_themes:
        if name.lower() not in existing:
            v.problem(
                path,
                f"{shown(name)} cannot be a new theme: its address (slug) is made from the "
                "letters and digits of its name, and it has none",
            )
