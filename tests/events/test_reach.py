"""People, organisations, themes, regions and series are public only through content a visitor
may see in full, or when the editors make a person or organisation public themselves
(events/reach.py). Otherwise they are unknown: no page, no list entry, no count, no search
result, no filter."""

import pytest

from events.models import Organisation, Person, Region, Series, Theme
from insights.search.engine import search
from tests import factories
from tests.html import problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    """A draft event with a speaker, an organiser, a theme and a region no one else has."""
    organisation = factories.organisation(name="Stichting Concept", slug="concept")
    event = factories.event(
        title="Concept",
        published=False,
        organisers=[organisation],
        tags=["conceptthema"],
        regions=[factories.region(name="Conceptland", slug="conceptland")],
        series=factories.series(name="Conceptreeks", slug="conceptreeks"),
    )
    factories.participation(event, factories.person(name="Piet Concept", slug="piet"))
    return event


@pytest.mark.parametrize(
    ("model", "slug"),
    [
        (Person, "piet"),
        (Organisation, "concept"),
        (Theme, "conceptthema"),
        (Region, "conceptland"),
        (Series, "conceptreeks"),
    ],
)
def test_what_only_a_draft_shows_is_not_visible(draft, model, slug):
    assert not model.objects.visible_to(None).filter(slug=slug).exists()
    draft.publish()
    draft.save()
    assert model.objects.visible_to(None).filter(slug=slug).exists()


def test_what_only_a_draft_shows_is_unknown_everywhere(client, draft):
    for path in ("/sprekers/piet/", "/organisaties/concept/", "/themas/conceptthema/"):
        assert client.get(path).status_code == 404
    for path in ("/regios/conceptland/", "/reeksen/conceptreeks/"):
        assert client.get(path).status_code == 404
    response = client.get("/bijeenkomsten/", {"thema": "conceptthema", "organisatie": "concept"})
    assert problems(response) == [
        "Organisatie: er is geen organisatie ‘concept’.",
        "Thema: er is geen thema ‘conceptthema’.",
    ]
    for query in ("piet", "stichting concept"):
        assert search(query, user=None).total == 0


def test_editors_may_make_a_person_or_organisation_public(client, draft):
    Person.objects.filter(slug="piet").update(is_public=True)
    Organisation.objects.filter(slug="concept").update(is_public=True)
    assert client.get("/sprekers/piet/").status_code == 200
    assert client.get("/organisaties/concept/").status_code == 200
    assert [hit.title for hit in search("piet", user=None).hits] == ["Piet Concept"]


def test_an_organisation_is_seen_through_a_visible_person_who_works_there(client):
    organisation = factories.organisation(name="Werkgever", slug="werkgever")
    person = factories.person(name="Anna", slug="anna", organisation=organisation)
    assert client.get("/organisaties/werkgever/").status_code == 404
    factories.participation(factories.event(), person)
    assert client.get("/organisaties/werkgever/").status_code == 200


def test_staff_previewing_a_draft_sees_its_people_only_there(client, draft):
    client.force_login(factories.user(staff=True))
    page = client.get(draft.get_absolute_url())
    assert "Piet Concept" in page.text  # the preview
    assert client.get("/sprekers/piet/").status_code == 404  # not a public page yet
