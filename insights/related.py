"""Related items for takeaways and publications, ranked like related events (events/related.py)."""

from django.db.models import Q
from django.utils.translation import gettext as _t

from events.models import Event
from events.related import (
    Signal,
    curated,
    rank,
    same_domains,
    same_organisations,
    same_people,
    same_regions,
    shared_themes,
)
from insights.models import Publication, Takeaway


def same_events(number, name):
    if number == 1:
        return _t("over dezelfde bijeenkomst: %(name)s") % {"name": name}
    return _t("over %(n)d dezelfde bijeenkomsten") % {"n": number}


def same_publisher(number, name):
    return _t("zelfde uitgever: %(name)s") % {"name": name}


def _names(objects):
    return {obj.pk: str(obj) for obj in objects}


def _publication_organisations(publication):
    organisations = [link.organisation for link in publication.publication_organisations.all()]
    if publication.publisher:
        organisations.append(publication.publisher)
    return _names(organisations)


def events_related_to_publication(publication, user, *, limit=6):
    """Events the editors linked to ``publication``, then events sharing most with it."""
    people = _names(link.person for link in publication.publication_people.all())
    signals = [
        Signal("publications", {publication.pk: ""}, 100, curated),
        Signal("tags", _names(publication.tag_list), 2, shared_themes),
        Signal("participations__person", people, 6, same_people),
        Signal(
            "event_organisations__organisation",
            _publication_organisations(publication),
            3,
            same_organisations,
        ),
        Signal("regions", _names(publication.region_list), 1.5, same_regions),
        Signal("domains", _names(publication.domain_list), 0.5, same_domains),
    ]
    return rank(
        Event.objects.visible_to(user).for_listing(),
        signals,
        recency="date",
        subject=publication,
        user=user,
        limit=limit,
    )


def publications_related_to_publication(publication, user, *, limit=6):
    """Publications about the same events, people, organisations and themes."""
    people = _names(link.person for link in publication.publication_people.all())
    discussed = _names(link.organisation for link in publication.publication_organisations.all())
    signals = [
        Signal("related_events", _names(publication.related_events.all()), 8, same_events),
        Signal("tags", _names(publication.tag_list), 2, shared_themes),
        Signal("publication_people__person", people, 6, same_people),
        Signal("publication_organisations__organisation", discussed, 3, same_organisations),
        Signal("publisher", _names(filter(None, [publication.publisher])), 1, same_publisher),
        Signal("regions", _names(publication.region_list), 1.5, same_regions),
        Signal("domains", _names(publication.domain_list), 0.5, same_domains),
    ]
    return rank(
        Publication.objects.visible_to(user).for_listing(),
        signals,
        recency="published_on",
        subject=publication,
        user=user,
        exclude=Q(pk=publication.pk),
        limit=limit,
    )


def takeaways_related_to_takeaway(takeaway, user, *, limit=6):
    """Takeaways on the same themes (and by the same people) from other events and publications."""
    signals = [
        Signal("tags", _names(takeaway.tag_list), 2, shared_themes),
        Signal("takeaway_people__person", _names(takeaway.person_list), 3, same_people),
        Signal("domains", _names(takeaway.domain_list), 0.5, same_domains),
    ]
    if takeaway.event_id:
        same_source = Q(event=takeaway.event_id)
    else:
        same_source = Q(publication=takeaway.publication_id)
    return rank(
        Takeaway.objects.visible_to(user).for_listing(),
        signals,
        recency="pk",
        subject=takeaway,
        user=user,
        exclude=same_source,
        limit=limit,
    )
