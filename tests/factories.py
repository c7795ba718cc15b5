"""Small factory functions for tests: sensible defaults, every field overridable.

Content is published by default (``status="published"``); pass ``published=False`` for a draft.
Slugs are made unique from a counter so factories can be called in loops.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone

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
)
from events.publishing import Status
from insights.models import (
    Publication,
    PublicationPerson,
    SynonymSet,
    Takeaway,
    TakeawayPerson,
)

_counter = itertools.count(1)


def _next():
    return next(_counter)


def _publishing(published, kwargs):
    if published:
        kwargs.setdefault("status", Status.PUBLISHED)
        kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(days=1))
    else:
        kwargs.setdefault("status", Status.DRAFT)
    return kwargs


def domain(slug="zorg"):
    """One of the domains created by the data migration (or a new one)."""
    return Domain.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})[0]


def event_kind(slug="webinar"):
    return EventKind.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})[0]


def region(**kwargs):
    n = _next()
    kwargs.setdefault("name", f"Regio {n}")
    kwargs.setdefault("slug", f"regio-{n}")
    kwargs.setdefault("country", "NL")
    return Region.objects.create(**kwargs)


def organisation(**kwargs):
    n = _next()
    kwargs.setdefault("name", f"Organisatie {n}")
    kwargs.setdefault("slug", f"organisatie-{n}")
    kwargs.setdefault("kind", "overig")
    return Organisation.objects.create(**kwargs)


def person(**kwargs):
    n = _next()
    kwargs.setdefault("name", f"Persoon {n}")
    kwargs.setdefault("slug", f"persoon-{n}")
    return Person.objects.create(**kwargs)


def series(**kwargs):
    n = _next()
    kwargs.setdefault("name", f"Reeks {n}")
    kwargs.setdefault("slug", f"reeks-{n}")
    return Series.objects.create(**kwargs)


def event(
    *,
    published=True,
    domains=(),
    regions=(),
    organisers=(),
    tags=(),
    kind="webinar",
    **kwargs,
):
    """An event; ``domains`` are slugs, ``regions`` and ``organisers`` objects, ``tags`` names."""
    n = _next()
    kwargs.setdefault("title", f"Bijeenkomst {n}")
    kwargs.setdefault("slug", f"bijeenkomst-{n}")
    kwargs.setdefault("start_date", datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    if isinstance(kind, str):
        kind = event_kind(kind)
    obj = Event.objects.create(kind=kind, **_publishing(published, kwargs))
    if domains:
        obj.domains.set([domain(slug) for slug in domains])
    if regions:
        obj.regions.set(regions)
    for order, org in enumerate(organisers):
        EventOrganisation.objects.create(event=obj, organisation=org, order=order)
    if tags:
        obj.tags.add(*tags)
    return obj


def session(event, **kwargs):
    kwargs.setdefault("order", event.sessions.count() + 1)
    kwargs.setdefault("title", f"Sessie {kwargs['order']}")
    return Session.objects.create(event=event, **kwargs)


def participation(event, person_obj=None, **kwargs):
    return Participation.objects.create(event=event, person=person_obj or person(), **kwargs)


def publication(*, published=True, domains=(), tags=(), authors=(), **kwargs):
    n = _next()
    kwargs.setdefault("title", f"Publicatie {n}")
    kwargs.setdefault("slug", f"publicatie-{n}")
    kwargs.setdefault("kind", "artikel")
    kwargs.setdefault("published_on", datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    obj = Publication.objects.create(**_publishing(published, kwargs))
    if domains:
        obj.domains.set([domain(slug) for slug in domains])
    if tags:
        obj.tags.add(*tags)
    for order, author in enumerate(authors):
        PublicationPerson.objects.create(publication=obj, person=author, order=order)
    return obj


def takeaway(*, event=None, publication=None, tags=(), domains=(), people=(), **kwargs):
    """A takeaway on ``event`` (a new published event when neither source is given)."""
    n = _next()
    if event is None and publication is None:
        event = globals()["event"]()
    kwargs.setdefault("text", f"Inzicht nummer {n}: samenwerken kost tijd.")
    kwargs.setdefault("slug", f"inzicht-{n}")
    obj = Takeaway.objects.create(event=event, publication=publication, **kwargs)
    if tags:
        obj.tags.add(*tags)
    if domains:
        obj.domains.set([domain(slug) for slug in domains])
    for p in people:
        TakeawayPerson.objects.create(takeaway=obj, person=p)
    return obj


def synonyms(*terms, **kwargs):
    return SynonymSet.objects.create(terms="\n".join(terms), **kwargs)


def user(*, staff=False, superuser=False, **kwargs):
    n = _next()
    kwargs.setdefault("username", f"gebruiker{n}")
    kwargs.setdefault("email", f"gebruiker{n}@example.org")
    return get_user_model().objects.create_user(
        password="een-lang-wachtwoord-42",
        is_staff=staff or superuser,
        is_superuser=superuser,
        **kwargs,
    )
