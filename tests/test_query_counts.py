"""Every public page runs the same number of SQL queries whatever the number of items on it.

``world(n)`` builds a portal where everything a page lists grows with ``n``: events with their
sessions, people, organisations, regions, domains, themes, takeaways and publications, and one
subject of each kind (an event, a person, …) linked to ``n`` of everything. Each page is then
fetched with n = 1 and n = 5 and must cost exactly its budget both times.
"""

import datetime

import pytest

from events.models import EventOrganisation
from insights.models import PublicationOrganisation
from tests import factories

pytestmark = pytest.mark.django_db


def world(n):
    north = factories.region(name="Noord", slug="noord")
    town = factories.region(name="Stadje", slug="stadje", parent=north)
    organisation = factories.organisation(name="VNG", slug="vng", region=north)
    speaker = factories.person(name="Klaar", slug="klaar", organisation=organisation)
    series = factories.series(name="Reeks", slug="reeks")
    subject = factories.event(
        title="Onderwerp",
        slug="onderwerp",
        series=series,
        start_date=datetime.date(2024, 6, 1),
        domains=["zorg", "wonen"],
        regions=[town],
        organisers=[organisation],
        tags=[f"thema {i}" for i in range(n)],
    )
    publication = factories.publication(
        title="Cahier", slug="cahier", domains=["zorg"], tags=["thema 0"], authors=[speaker]
    )
    publication.regions.add(north)
    PublicationOrganisation.objects.create(publication=publication, organisation=organisation)
    for i in range(n):
        session = factories.session(subject, order=i + 1, title=f"Sessie {i}")
        factories.participation(subject, speaker, session=session, role="spreker")
        factories.participation(
            subject, factories.person(organisation=organisation), role="panellid"
        )
        takeaway = factories.takeaway(
            event=subject,
            tags=[f"thema {i}", "thema 0"],
            domains=["zorg"],
            people=[speaker],
            session=session,
        )
        factories.takeaway(publication=publication, tags=["thema 0"], people=[speaker])
        other = factories.event(
            title=f"Ander {i}",
            series=series,
            start_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=i),
            domains=["zorg", "welzijn"],
            regions=[town if i % 2 else north],
            organisers=[organisation],
            tags=["thema 0", f"extra {i}"],
            members_only=i == 1,
        )
        EventOrganisation.objects.create(
            event=other, organisation=factories.organisation(), role="casus"
        )
        factories.participation(other, speaker, role="moderator")
        factories.takeaway(event=other, tags=["thema 0"], domains=["zorg"], people=[speaker])
        publication.related_events.add(other)
        other_publication = factories.publication(
            domains=["zorg"], tags=["thema 0"], authors=[speaker], publisher=organisation
        )
        other_publication.related_events.add(subject)
        subject.related_events.add(factories.event(title=f"Gekoppeld {i}", domains=["wonen"]))
    factories.event(title="Concept", published=False, tags=["thema 0"], domains=["zorg"])
    return {"event": subject, "publication": publication, "takeaway": takeaway}


# Every page that shows a cached figure or fragment reads the content generation once (one
# query); region filters and region pages work out which regions may be shown (two). Detail
# pages prefetch each named relation (domains, regions, themes, people) in a query of its own.
# Pages that show people, organisations, themes, series or regions work out, the first time
# after a content change, which of them are hidden (a query each; kept as figures after).
PAGES = [
    ("/", 8),
    ("/bijeenkomsten/", 11),
    ("/bijeenkomsten/?domein=zorg&jaar=2023", 11),
    ("/bijeenkomsten/?regio=noord&organisatie=vng&thema=thema-0&soort=webinar&sortering=oud", 15),
    ("/bijeenkomsten/onderwerp/", 16),
    ("/reeksen/reeks/", 4),
    ("/sprekers/", 4),
    ("/sprekers/klaar/", 10),
    ("/organisaties/", 5),
    ("/organisaties/vng/", 10),
    ("/regios/", 6),
    ("/regios/noord/", 11),
    ("/domeinen/", 3),
    ("/domeinen/zorg/", 10),
    ("/inzichten/", 9),
    ("/inzichten/?domein=zorg&thema=thema-0", 10),
    ("/themas/", 10),
    ("/themas/thema-0/", 13),
    ("/publicaties/", 8),
    ("/publicaties/cahier/", 15),
]


@pytest.mark.parametrize("n", [1, 5])
@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_page_costs_the_same_number_of_queries_whatever_the_number_of_items(
    client, django_assert_num_queries, n, url, queries
):
    world(n)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 5])
def test_takeaway_page_costs_the_same_number_of_queries(client, django_assert_num_queries, n):
    takeaway = world(n)["takeaway"]
    with django_assert_num_queries(9):
        response = client.get(takeaway.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 5])
def test_member_and_staff_pages_cost_the_same_too(client, django_assert_num_queries, n):
    world(n)
    client.force_login(factories.user(staff=True))
    # Two more queries than for a visitor: the session and the user.
    with django_assert_num_queries(18):
        response = client.get("/bijeenkomsten/onderwerp/")
    assert response.status_code == 200
