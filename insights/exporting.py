"""Write all content in the exchange format of docs/import-format.md, sorted and stable.

Every key is written, also when it has its default value. Lists of objects are sorted by slug
(synonym sets by their first term), sessions by order; participants, the organisations of an
event or publication, the people of a publication and takeaways keep their display order.
Lists of slugs are sorted, tags by name. Sorting happens in Python, so that the output does not
depend on the database's collation: export → import → export gives the same bytes on SQLite
and PostgreSQL.

The number of queries does not grow with the content: each kind of row is read once.
"""

import datetime
import json
from collections import defaultdict

from events.models import (
    Domain,
    Event,
    EventKind,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Region,
    Series,
    Session,
    TaggedEvent,
)
from insights.importing import FORMAT, VERSION
from insights.models import (
    Publication,
    PublicationOrganisation,
    PublicationPerson,
    SynonymSet,
    TaggedPublication,
    TaggedTakeaway,
    Takeaway,
    TakeawayPerson,
)


def export_content():
    """All content as the text of an exchange file."""
    return as_json(content_document())


def as_json(document):
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def content_document():
    """All content as the JSON-ready data of an exchange file."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "domains": by_slug(
            Domain.objects.values("slug", "name", "description", "order"),
        ),
        "event_kinds": by_slug(
            EventKind.objects.values("slug", "name", "name_plural", "description", "order"),
        ),
        "regions": by_slug(
            renamed(row, parent__slug="parent")
            for row in Region.objects.values(
                "slug", "name", "country", "kind", "parent__slug", "description"
            )
        ),
        "organisations": by_slug(
            {**renamed(row, region__slug="region"), "ceased_on": day(row["ceased_on"])}
            for row in Organisation.objects.values(
                "slug",
                "name",
                "kind",
                "website",
                "region__slug",
                "description",
                "ceased_on",
                "is_public",
            )
        ),
        "people": by_slug(
            renamed(row, organisation__slug="organisation")
            for row in Person.objects.values(
                "slug", "name", "function", "organisation__slug", "bio", "is_public"
            )
        ),
        "series": by_slug(Series.objects.values("slug", "name", "description")),
        "events": events(),
        "publications": publications(),
        "synonyms": synonyms(),
    }


def renamed(row, **names):
    """``row`` with the keys in ``names`` renamed (``parent__slug="parent"``)."""
    return {names.get(key, key): value for key, value in row.items()}


def by_slug(rows):
    return sorted(rows, key=lambda row: row["slug"])


def day(value):
    return None if value is None else value.isoformat()


def moment(value):
    return None if value is None else value.astimezone(datetime.UTC).isoformat()


def grouped(rows):
    """``{owner: [value, …]}`` from ``(owner, value…)`` rows, in the order of the rows."""
    groups = defaultdict(list)
    for owner, *values in rows:
        groups[owner].append(values[0] if len(values) == 1 else values)
    return groups


def publishing(obj):
    return {
        "status": obj.status,
        "published_at": moment(obj.published_at),
        "members_only": obj.members_only,
    }


def events():
    links = {
        name: grouped(getattr(Event, name).through.objects.values_list(owner, f"{target}__slug"))
        for name, owner, target in (
            ("regions", "event_id", "region"),
            ("domains", "event_id", "domain"),
            ("related_events", "from_event_id", "to_event"),
        )
    }
    tags = grouped(TaggedEvent.objects.values_list("content_object_id", "tag__name"))
    organisations = grouped(
        EventOrganisation.objects.order_by("order", "pk").values_list(
            "event_id", "organisation__slug", "role"
        )
    )
    sessions = grouped(
        Session.objects.order_by("order").values_list(
            "event_id", "order", "title", "date", "summary"
        )
    )
    participants = grouped(
        Participation.objects.order_by("order", "pk").values_list(
            "event_id", "person__slug", "role", "session__order", "organisation__slug", "function"
        )
    )
    takeaways = takeaways_by("event_id")
    return by_slug(
        {
            "slug": event.slug,
            "title": event.title,
            "kind": event.kind.slug,
            "series": event.series.slug if event.series else None,
            "start_date": day(event.start_date),
            "end_date": day(event.end_date),
            "is_online": event.is_online,
            "location": event.location,
            "regions": sorted(links["regions"][event.pk]),
            "domains": sorted(links["domains"][event.pk]),
            "organisations": [
                {"organisation": slug, "role": role} for slug, role in organisations[event.pk]
            ],
            "summary": event.summary,
            "body": event.body,
            "audience": event.audience,
            "attendance": event.attendance,
            "source": source(event),
            **publishing(event),
            "tags": sorted(tags[event.pk]),
            "related_events": sorted(links["related_events"][event.pk]),
            "sessions": [
                {"order": order, "title": title, "date": day(date), "summary": summary}
                for order, title, date, summary in sessions[event.pk]
            ],
            "participants": [
                {
                    "person": person,
                    "role": role,
                    "session": session,
                    "organisation": organisation,
                    "function": function,
                }
                for person, role, session, organisation, function in participants[event.pk]
            ],
            "takeaways": takeaways[event.pk],
        }
        for event in Event.objects.select_related("kind", "series")
    )


def source(event):
    """The source of an event, or None when nothing is known about it."""
    values = {
        "name": event.source_name,
        "url": event.source_url,
        "date": day(event.source_date),
        "date_is_capture": event.source_date_is_capture,
    }
    return values if any(values.values()) else None


def publications():
    links = {
        name: grouped(
            getattr(Publication, name).through.objects.values_list(
                "publication_id", f"{target}__slug"
            )
        )
        for name, target in (
            ("domains", "domain"),
            ("regions", "region"),
            ("related_events", "event"),
        )
    }
    tags = grouped(TaggedPublication.objects.values_list("content_object_id", "tag__name"))
    people = grouped(
        PublicationPerson.objects.order_by("order", "pk").values_list(
            "publication_id", "person__slug", "role"
        )
    )
    organisations = grouped(
        PublicationOrganisation.objects.order_by("order", "pk").values_list(
            "publication_id", "organisation__slug", "role"
        )
    )
    takeaways = takeaways_by("publication_id")
    return by_slug(
        {
            "slug": publication.slug,
            "title": publication.title,
            "kind": publication.kind,
            "published_on": day(publication.published_on),
            "date_is_capture": publication.source_date_is_capture,
            "publisher": publication.publisher.slug if publication.publisher else None,
            "people": [{"person": slug, "role": role} for slug, role in people[publication.pk]],
            "organisations": [
                {"organisation": slug, "role": role} for slug, role in organisations[publication.pk]
            ],
            "domains": sorted(links["domains"][publication.pk]),
            "regions": sorted(links["regions"][publication.pk]),
            "summary": publication.summary,
            "body": publication.body,
            "url": publication.url,
            "related_events": sorted(links["related_events"][publication.pk]),
            "tags": sorted(tags[publication.pk]),
            **publishing(publication),
            "takeaways": [
                {key: value for key, value in takeaway.items() if key != "session"}
                for takeaway in takeaways[publication.pk]
            ],
        }
        for publication in Publication.objects.select_related("publisher")
    )


def takeaways_by(owner_field):
    """The takeaways of events or publications (``owner_field``), in display order."""
    takeaways = Takeaway.objects.filter(**{f"{owner_field}__isnull": False})
    domains = grouped(
        Takeaway.domains.through.objects.filter(takeaway__in=takeaways).values_list(
            "takeaway_id", "domain__slug"
        )
    )
    tags = grouped(
        TaggedTakeaway.objects.filter(content_object__in=takeaways).values_list(
            "content_object_id", "tag__name"
        )
    )
    people = grouped(
        TakeawayPerson.objects.filter(takeaway__in=takeaways).values_list(
            "takeaway_id", "person__slug"
        )
    )
    rows = takeaways.order_by("order", "pk").values_list(
        owner_field, "pk", "slug", "text", "explanation", "session__order"
    )
    return grouped(
        (
            owner,
            {
                "slug": slug,
                "text": text,
                "explanation": explanation,
                "session": session,
                "tags": sorted(tags[pk]),
                "domains": sorted(domains[pk]),
                "people": sorted(people[pk]),
            },
        )
        for owner, pk, slug, text, explanation, session in rows
    )


def synonyms():
    sets = [
        {"terms": synonym_set.term_list(), "note": synonym_set.note}
        for synonym_set in SynonymSet.objects.all()
    ]
    return sorted(
        sets,
        key=lambda item: ([term.lower() for term in item["terms"]], item["terms"], item["note"]),
    )
