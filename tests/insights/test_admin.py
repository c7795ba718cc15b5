"""The editors' admin for publications, takeaways and synonyms."""

import datetime

import pytest
from django.urls import reverse

from events.models import Domain
from insights.models import Publication, PublicationOrganisation, PublicationPerson, Takeaway
from tests import factories
from tests.events.test_admin import admin_form, change_url

pytestmark = pytest.mark.django_db

PUBLICATION_ADD_URL = reverse("admin:insights_publication_add")
PUBLICATION_CHANGELIST_URL = reverse("admin:insights_publication_changelist")
TAKEAWAY_ADD_URL = reverse("admin:insights_takeaway_add")
TAKEAWAY_CHANGELIST_URL = reverse("admin:insights_takeaway_changelist")
PUBLICATION_INLINES = ["publication_people", "publication_organisations", "takeaways"]


def publication_form(fields, **inlines):
    defaults = {
        "kind": "whitepaper",
        "published_on": "",
        "publisher": "",
        "url": "",
        "tags": "",
        "summary": "",
        "body": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
    }
    rows = {prefix: inlines.get(prefix, []) for prefix in PUBLICATION_INLINES}
    return admin_form({**defaults, **fields}, **rows)


def takeaway_form(**fields):
    defaults = {"slug": "", "event": "", "session": "", "publication": "", "explanation": ""}
    return {**defaults, "tags": "", "order": 0, **fields}


def counts():
    models = [Publication, PublicationPerson, PublicationOrganisation, Takeaway]
    return {model.__name__: model.objects.count() for model in models}


def test_publication_add_saves_people_organisations_and_takeaways(admin_client):
    author, interviewee = factories.person(name="Carla Smit"), factories.person(name="Dirk Bos")
    publisher = factories.organisation(name="Kenniscentrum Wonen")
    case = factories.organisation(name="Woonzorg Noord")
    event = factories.event(title="Webinar wijkgericht werken")
    welzijn = Domain.objects.get(slug="welzijn")
    data = publication_form(
        {
            "title": "Cahier wijkgericht samenwerken",
            "slug": "cahier-wijkgericht-samenwerken",
            "kind": "cahier",
            "published_on": "2023-11-20",
            "publisher": publisher.pk,
            "url": "https://example.org/cahier",
            "domains": [welzijn.pk],
            "related_events": [event.pk],
            "tags": "wijkaanpak",
            "summary": "Lessen uit *tien* regio's.",
        },
        publication_people=[
            {"person": author.pk, "role": "auteur", "order": 0},
            {"person": interviewee.pk, "role": "geinterviewde", "order": 1},
        ],
        publication_organisations=[{"organisation": case.pk, "role": "casus", "order": 0}],
        takeaways=[
            {
                "text": "Een vast aanspreekpunt in de wijk scheelt iedereen tijd.",
                "explanation": "",
                "domains": [welzijn.pk],
                "tags": "wijkaanpak, toegang",
                "attributed_to": [interviewee.pk],
                "order": 1,
            }
        ],
    )

    response = admin_client.post(PUBLICATION_ADD_URL, data)

    assert response.status_code == 302
    publication = Publication.objects.get(slug="cahier-wijkgericht-samenwerken")
    assert (publication.kind, publication.published_on, publication.publisher) == (
        "cahier",
        datetime.date(2023, 11, 20),
        publisher,
    )
    assert list(publication.related_events.all()) == [event]
    assert list(publication.publication_people.values_list("person__name", "role")) == [
        ("Carla Smit", "auteur"),
        ("Dirk Bos", "geinterviewde"),
    ]
    assert list(publication.publication_organisations.values_list("organisation", "role")) == [
        (case.pk, "casus")
    ]
    takeaway = publication.takeaways.get()
    assert (takeaway.text, takeaway.event, takeaway.order) == (
        "Een vast aanspreekpunt in de wijk scheelt iedereen tijd.",
        None,
        1,
    )
    assert sorted(takeaway.tags.names()) == ["toegang", "wijkaanpak"]
    assert list(takeaway.domains.all()) == [welzijn]
    assert list(takeaway.people.all()) == [interviewee]


def test_publication_with_the_same_author_twice_is_refused(admin_client):
    author = factories.person()
    before = counts()
    data = publication_form(
        {"title": "Nieuw", "slug": "nieuw"},
        publication_people=[
            {"person": author.pk, "role": "auteur", "order": 0},
            {"person": author.pk, "role": "auteur", "order": 1},
        ],
    )

    response = admin_client.post(PUBLICATION_ADD_URL, data)

    people = response.context["inline_admin_formsets"][0].formset
    assert people.non_form_errors() == [
        "Een rij met dezelfde persoon en rol staat er al; verbeter de dubbele rij."
    ]
    assert counts() == before


def test_takeaway_page_edits_the_attribution(admin_client):
    anna, bram = factories.person(name="Anna"), factories.person(name="Bram")
    event = factories.event()
    session = factories.session(event, title="Middag")
    takeaway = factories.takeaway(event=event, text="Oud", people=[anna])
    data = takeaway_form(
        text="Samen plannen maakt de uitvoering lichter.",
        slug=takeaway.slug,
        event=event.pk,
        session=session.pk,
        attributed_to=[bram.pk],
    )

    response = admin_client.post(change_url(takeaway), data)

    assert response.status_code == 302
    takeaway.refresh_from_db()
    assert (takeaway.text, takeaway.session) == (
        "Samen plannen maakt de uitvoering lichter.",
        session,
    )
    assert list(takeaway.people.all()) == [bram]


def test_takeaway_page_shows_the_current_attribution_and_this_events_sessions(admin_client):
    anna = factories.person(name="Anna de Vries")
    event = factories.event()
    own = factories.session(event, title="Eigen sessie")
    factories.session(factories.event(), title="Sessie elders")
    takeaway = factories.takeaway(event=event, people=[anna])

    response = admin_client.get(change_url(takeaway))

    form = response.context["adminform"].form
    assert form["attributed_to"].value() == [anna.pk]
    assert list(form.fields["session"].choices) == [("", "---------"), (own.pk, "1. Eigen sessie")]
    assert reverse("admin:events_person_add") in response.content.decode()


def test_takeaway_page_without_slug_makes_one_from_the_text(admin_client):
    event = factories.event()

    response = admin_client.post(
        TAKEAWAY_ADD_URL, takeaway_form(text="Vertrouwen groeit door te doen.", event=event.pk)
    )

    assert response.status_code == 302
    assert Takeaway.objects.get(event=event).slug == "vertrouwen-groeit-door-te-doen"


@pytest.mark.parametrize(
    "sources, errors",
    [
        ({}, {"event": ["Kies de bijeenkomst of de publicatie van dit inzicht."]}),
        (
            {"event": True, "publication": True},
            {
                "publication": [
                    "Een inzicht hoort bij een bijeenkomst óf bij een publicatie, niet bij allebei."
                ]
            },
        ),
        (
            {"event": True, "foreign_session": True},
            {"session": ["Deze sessie hoort niet bij de gekozen bijeenkomst."]},
        ),
    ],
)
def test_takeaway_page_explains_a_wrong_source(admin_client, sources, errors):
    event, publication = factories.event(), factories.publication()
    foreign_session = factories.session(factories.event())
    data = takeaway_form(
        text="Een inzicht.",
        event=event.pk if "event" in sources else "",
        publication=publication.pk if "publication" in sources else "",
        session=foreign_session.pk if "foreign_session" in sources else "",
    )

    response = admin_client.post(TAKEAWAY_ADD_URL, data)

    assert response.context["adminform"].form.errors == errors
    assert Takeaway.objects.count() == 0


def test_takeaway_search_and_source_filter(admin_client):
    factories.takeaway(event=factories.event(), text="Huisvesting begint bij de buurt.")
    factories.takeaway(publication=factories.publication(), text="Zorg volgt de bewoner.")

    def listed(query):
        response = admin_client.get(f"{TAKEAWAY_CHANGELIST_URL}?{query}")
        return {takeaway.text for takeaway in response.context["cl"].result_list}

    assert listed("q=buurt") == {"Huisvesting begint bij de buurt."}
    assert listed("bron=publicatie") == {"Zorg volgt de bewoner."}
    assert listed("bron=bijeenkomst") == {"Huisvesting begint bij de buurt."}


def test_attribution_autocomplete_answers(admin_client):
    anna = factories.person(name="Anna de Vries")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "insights", "model_name": "takeaway", "field_name": "people", "term": "vri"},
    )

    assert response.json()["results"] == [{"id": str(anna.pk), "text": "Anna de Vries"}]


def test_publish_action_on_publications(admin_client):
    draft = factories.publication(published=False)

    response = admin_client.post(
        PUBLICATION_CHANGELIST_URL,
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["1 van 1 publicatie gepubliceerd."]
    draft.refresh_from_db()
    assert draft.is_published


def test_publication_year_filter_has_unknown_dates(admin_client):
    factories.publication(title="Zonder datum", published_on=None)
    factories.publication(title="Uit 2022", published_on=datetime.date(2022, 6, 1))

    response = admin_client.get(PUBLICATION_CHANGELIST_URL, {"jaar": "onbekend"})

    assert [p.title for p in response.context["cl"].result_list] == ["Zonder datum"]


def test_synonym_sets_are_listed_and_searchable(admin_client):
    factories.synonyms("IZA", "Integraal Zorgakkoord")
    factories.synonyms("Wmo", "Wet maatschappelijke ondersteuning")

    response = admin_client.get(
        reverse("admin:insights_synonymset_changelist"), {"q": "zorgakkoord"}
    )

    assert [str(s) for s in response.context["cl"].result_list] == ["IZA = Integraal Zorgakkoord"]


def test_takeaway_with_a_theme_name_that_makes_no_slug_is_refused(admin_client):
    event = factories.event()

    response = admin_client.post(
        TAKEAWAY_ADD_URL, takeaway_form(text="Een inzicht.", event=event.pk, tags="vertrouwen, ?")
    )

    assert response.context["adminform"].form.errors == {
        "tags": [
            "Van ‘?’ kan geen adres voor de themapagina worden gemaakt: de naam heeft geen letter "
            "of cijfer."
        ]
    }
    assert Takeaway.objects.count() == 0


def test_publication_with_a_theme_name_that_makes_no_slug_is_refused(admin_client):
    data = publication_form({"title": "Cahier", "slug": "cahier", "tags": "😀"})

    response = admin_client.post(PUBLICATION_ADD_URL, data)

    assert list(response.context["adminform"].form.errors) == ["tags"]
    assert Publication.objects.count() == 0
