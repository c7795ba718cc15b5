"""The demo content (data/demo.json): the facts of the five sources, as a reader checks them."""

import datetime
import io
import re
from collections import defaultdict

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction

from events.models import (
    Event,
    Organisation,
    Participation,
    Person,
    Region,
    Session,
)
from insights.models import Publication, SynonymSet, Takeaway

pytestmark = pytest.mark.django_db

DEMO = settings.BASE_DIR / "data" / "demo.json"

VNG_WEBINAR = "vng-webinar-samen-werken-aan-iza-en-gala"
NETWERKMOMENT = "intersectoraal-netwerkmoment-samenwerkingen-verankeren"
LEERKRING = "leerkring-meerpartijensamenwerking-wonen-en-zorg"
PRAKTIJKLABS = "praktijklabs-regionale-of-lokale-samenwerkingsverbanden"
KENNISATELIERS = "kennisateliers-samen-werken-aan-iza-en-gala"
WHITE_PAPER = "regionaal-samen-werken-aan-betere-zorg-en-ondersteuning"
ARTICLE = "netwerksamenwerking-gewoon-doen"
CAHIER = "cahier-samenwerken-werkt"

# The event or publication that carries the takeaways of each source document.
DOCUMENTS = {
    VNG_WEBINAR: "000",
    NETWERKMOMENT: "001",
    ARTICLE: "002",
    WHITE_PAPER: "003",
    LEERKRING: "004",
}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Import the demo once for this module, in a transaction that is rolled back afterwards.

    Each test runs in its own savepoint inside it, so tests cannot see each other's changes.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_content", str(DEMO), stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def organisations_of(item):
    rows = item.event_organisations if isinstance(item, Event) else item.publication_organisations
    return [(row.organisation.name, row.role) for row in rows.select_related("organisation")]


def test_verdiwel_webinar_of_5_july_2024_has_the_title_of_the_source():
    webinar = Event.objects.get(slug="verdiwel-webinar-rol-van-sociaal-werk")

    assert (webinar.title, webinar.start_date) == (
        "De rol van sociaal werk in de transitie van zorg naar gezondheid",
        datetime.date(2024, 7, 5),
    )


def test_vng_webinar_is_related_to_the_two_earlier_verdiwel_webinars_and_the_kennisateliers():
    webinar = Event.objects.get(slug=VNG_WEBINAR)

    assert (webinar.kind.slug, webinar.start_date, webinar.end_date, webinar.is_online) == (
        "webinar",
        datetime.date(2024, 7, 9),
        None,
        True,
    )
    assert {e.slug: e.start_date for e in webinar.related_events.all()} == {
        "verdiwel-webinar-netwerksamenwerking": datetime.date(2024, 3, 15),
        "verdiwel-webinar-rol-van-sociaal-werk": datetime.date(2024, 7, 5),
        KENNISATELIERS: None,
    }


def test_verdiwel_webinars_are_organised_by_verdiwel_in_one_series():
    webinars = Event.objects.filter(series__slug="verdiwel-webinars").order_by("start_date")

    assert [(e.start_date, organisations_of(e)) for e in webinars] == [
        (datetime.date(2024, 3, 15), [("Verdiwel", "organisator")]),
        (datetime.date(2024, 7, 5), [("Verdiwel", "organisator")]),
    ]
    assert [list(e.related_events.values_list("slug", flat=True)) for e in webinars] == [
        [VNG_WEBINAR],
        [VNG_WEBINAR],
    ]


def test_vng_webinar_discusses_two_regional_cases():
    webinar = Event.objects.get(slug=VNG_WEBINAR)
    rows = webinar.event_organisations.select_related("organisation__region")

    assert [
        (
            r.organisation.name,
            r.role,
            r.organisation.kind,
            getattr(r.organisation.region, "name", None),
        )
        for r in rows
    ] == [
        ("Vereniging van Nederlandse Gemeenten (VNG)", "organisator", "koepel", None),
        ("Health Hub Utrecht", "casus", "samenwerkingsverband", "Utrecht"),
        ("GEM-aanpak regio Noord-Veluwe", "casus", "samenwerkingsverband", "Noord-Veluwe"),
    ]


def test_regions_have_their_country_kind_and_parent():
    regions = Region.objects.select_related("parent")

    assert {r.name: (r.country, r.kind, getattr(r.parent, "name", None)) for r in regions} == {
        "Brussel": ("BE", "gewest", None),
        "Hart van Brabant": ("NL", "regio", None),
        "Noord-Veluwe": ("NL", "regio", "Veluwe"),
        "Twente": ("NL", "regio", None),
        "Utrecht": ("NL", "regio", None),
        "Veluwe": ("NL", "regio", None),
    }


def test_announced_follow_ups_have_their_eligibility_note_and_no_date():
    follow_ups = Event.objects.filter(slug__in=[KENNISATELIERS, PRAKTIJKLABS]).order_by("slug")

    assert [(e.kind.slug, e.audience, e.start_date, e.end_date) for e in follow_ups] == [
        ("kennisatelier", "alleen voor ambtenaren, max. 2 per gemeente", None, None),
        ("praktijklab", "deelname alleen met partners uit wonen, welzijn én zorg", None, None),
    ]


def test_praktijklabs_are_offered_by_both_leerkring_organisers_for_all_three_domains():
    labs = Event.objects.get(slug=PRAKTIJKLABS)

    assert organisations_of(labs) == [
        ("Platform31", "organisator"),
        ("Aedes-Actiz Kenniscentrum Wonen-Zorg", "organisator"),
    ]
    assert sorted(labs.domains.values_list("slug", flat=True)) == ["welzijn", "wonen", "zorg"]
    assert list(labs.related_events.values_list("slug", flat=True)) == [LEERKRING]


def test_netwerkmoment_had_80_attendees_a_panel_a_moderator_and_a_closing_speaker():
    event = Event.objects.get(slug=NETWERKMOMENT)
    participations = event.participations.select_related("person__organisation", "organisation")

    assert (event.attendance, event.start_date, event.source_name) == (
        80,
        None,
        "Website van het Kenniscentrum WWZ",
    )
    assert list(event.regions.values_list("name", flat=True)) == ["Brussel"]
    assert organisations_of(event) == [("Kenniscentrum WWZ", "organisator")]
    assert [
        (p.person.name, p.role, getattr(p.shown_organisation, "name", None), p.shown_function)
        for p in participations
    ] == [
        ("Laurent Dupont", "panellid", "Bataclan/Passerelles", ""),
        ("Greta Leire", "panellid", "Overlegplatform Geestelijke Gezondheid", ""),
        ("Klaar De Smaele", "panellid", "Kenniscentrum WWZ", ""),
        ("Grieke Forceville", "moderator", None, ""),
        ("Klaar De Smaele", "organisator", "Kenniscentrum WWZ", ""),
        ("Josephine Callewaert", "spreker", "Crosslink", ""),
        ("Bianca Debaets", "afsluiter", None, "collegelid voor Welzijn"),
    ]


def test_leerkring_has_three_sessions_in_order_with_a_speaker_each():
    event = Event.objects.get(slug=LEERKRING)
    speakers = event.participations.select_related("session", "person__organisation")

    assert [(s.order, s.title, s.date) for s in event.sessions.all()] == [
        (1, "Inzicht krijgen en ervaren", None),
        (2, "De ideale bocht om", None),
        (3, "Regisseren zonder macht", datetime.date(2018, 5, 16)),
    ]
    assert [
        (p.session.order, p.person.name, p.role, getattr(p.person.organisation, "name", None))
        for p in speakers.order_by("session__order")
    ] == [
        (1, "Edwin Kaats", "spreker", "Common Eye"),
        (2, "Frans Grobbe", "spreker", "Ao-advies"),
        (3, "Hans Licht", "spreker", None),
    ]
    assert Person.objects.get(slug="hans-licht").function == "organisatiefilosoof"
    assert organisations_of(event) == [
        ("Platform31", "organisator"),
        ("Aedes-Actiz Kenniscentrum Wonen-Zorg", "partner"),
    ]


def test_leerkring_takeaways_are_attributed_on_their_speakers_session():
    attributed = Takeaway.objects.filter(event__slug=LEERKRING, people__isnull=False)

    assert sorted(set(attributed.values_list("session__order", "people__name"))) == [
        (1, "Edwin Kaats"),
        (2, "Frans Grobbe"),
        (3, "Hans Licht"),
    ]


def test_leerkring_source_is_the_impression_of_17_may_2018():
    event = Event.objects.get(slug=LEERKRING)

    assert (event.source_date, event.source_date_is_capture) == (datetime.date(2018, 5, 17), False)


def test_white_paper_of_2_march_2022_with_its_cases_and_numbers():
    paper = Publication.objects.get(slug=WHITE_PAPER)

    assert (paper.title, paper.kind, paper.published_on, paper.publisher) == (
        "Regionaal samen werken aan betere zorg en ondersteuning in het sociaal domein",
        "whitepaper",
        datetime.date(2022, 3, 2),
        None,
    )
    assert organisations_of(paper) == [
        ("Regio Hart van Brabant", "casus"),
        ("Regio Twente", "casus"),
    ]
    assert [
        o.region.name for o in Organisation.objects.filter(publication_roles__publication=paper)
    ] == [
        "Hart van Brabant",
        "Twente",
    ]
    assert "5 tot 20 gemeenten" in paper.body
    assert "80 of meer zorgaanbieders" in paper.body
    assert "decentralisatie van 2015" in paper.body


def test_article_of_20_february_2019_with_hans_puijk_and_gezondveluwe():
    article = Publication.objects.get(slug=ARTICLE)
    hans_puijk = Person.objects.select_related("organisation").get(slug="hans-puijk")

    assert (article.kind, article.published_on) == ("artikel", datetime.date(2019, 2, 20))
    assert list(article.publication_people.values_list("person__name", "role")) == [
        ("Hans Puijk", "geinterviewde")
    ]
    assert (hans_puijk.function, hans_puijk.organisation.name) == (
        "strategisch adviseur",
        "Raedelijn",
    )
    assert organisations_of(article) == [("GezondVeluwe", "casus")]
    assert Organisation.objects.get(slug="gezondveluwe").region.name == "Veluwe"
    assert "minstens 100.000 inwoners" in article.body
    assert "bestuurlijk platform telde 20 deelnemers" in article.body
    assert set(article.takeaways.values_list("people__slug", flat=True)) == {"hans-puijk"}


def test_cahier_samenwerken_werkt_by_klaar_de_smaele():
    cahier = Publication.objects.select_related("publisher").get(slug=CAHIER)

    assert (cahier.title, cahier.kind, cahier.publisher.name) == (
        "Samenwerken werkt",
        "cahier",
        "Kenniscentrum WWZ",
    )
    assert list(cahier.publication_people.values_list("person__name", "role")) == [
        ("Klaar De Smaele", "auteur")
    ]
    assert list(cahier.related_events.values_list("slug", flat=True)) == [NETWERKMOMENT]


@pytest.mark.parametrize("slug", sorted(DOCUMENTS))
def test_each_longer_document_yields_at_least_five_takeaways(slug):
    takeaways = Takeaway.objects.filter(event__slug=slug) | Takeaway.objects.filter(
        publication__slug=slug
    )

    assert takeaways.count() >= 5


def test_every_takeaway_has_a_theme_a_domain_and_one_or_two_sentences():
    takeaways = Takeaway.objects.all()
    sentence_end = re.compile(r"[.!?](?=\s|$)")

    assert list(takeaways.filter(tags=None).values_list("slug", flat=True)) == []
    assert list(takeaways.filter(domains=None).values_list("slug", flat=True)) == []
    assert [t.slug for t in takeaways if not 1 <= len(sentence_end.findall(t.text)) <= 2] == []


def test_themes_recur_across_documents():
    documents_by_theme = defaultdict(set)
    takeaways = Takeaway.objects.select_related("event", "publication").prefetch_related("tags")
    for takeaway in takeaways:
        for tag in takeaway.tags.all():
            documents_by_theme[tag.name].add(DOCUMENTS[takeaway.source.slug])
    recurring = {theme for theme, documents in documents_by_theme.items() if len(documents) >= 2}

    assert {
        "vertrouwen",
        "gedeelde taal",
        "gedeelde ambitie",
        "eigenaarschap",
        "regionale samenwerking",
        "verankering",
        "financiering",
    } <= recurring


def test_all_demo_content_is_published_and_visible_to_an_anonymous_visitor():
    anonymous = AnonymousUser()

    assert Event.objects.visible_to(anonymous).count() == Event.objects.count() == 7
    assert Publication.objects.visible_to(anonymous).count() == Publication.objects.count() == 3
    assert Takeaway.objects.visible_to(anonymous).count() == Takeaway.objects.count()
    assert not Event.objects.filter(members_only=True).exists()
    assert not Publication.objects.filter(members_only=True).exists()


def test_every_event_names_its_source_and_no_date_is_a_capture_date():
    events = Event.objects.all()

    assert list(events.filter(source_name="").values_list("slug", flat=True)) == []
    assert not events.filter(source_date_is_capture=True).exists()
    assert not Publication.objects.filter(source_date_is_capture=True).exists()


def test_synonyms_expand_the_abbreviations_of_the_sources():
    expansions = {s.term_list()[0]: s.term_list()[1:] for s in SynonymSet.objects.all()}

    assert {term: expansions[term][0] for term in ["IZA", "GALA", "VNG", "VWS", "VAPH"]} == {
        "IZA": "Integraal Zorgakkoord",
        "GALA": "Gezond en Actief Leven Akkoord",
        "VNG": "Vereniging van Nederlandse Gemeenten",
        "VWS": "Volksgezondheid, Welzijn en Sport",
        "VAPH": "Vlaams Agentschap voor Personen met een Handicap",
    }


def test_demo_file_holds_no_personal_email_addresses_or_phone_numbers():
    text = DEMO.read_text(encoding="utf-8")

    assert re.findall(r"\S+@\S+|\+\d[\d ()]{6,}", text) == []


def test_importing_the_demo_again_changes_nothing():
    models = [Event, Session, Participation, Publication, Takeaway, Organisation, Person, Region]
    before = [model.objects.count() for model in models]

    call_command("import_content", str(DEMO), stdout=io.StringIO())

    assert [model.objects.count() for model in models] == before
