"""A small portal with a known answer for every search behaviour, indexed for real."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction

from insights.search import engine, sqlite
from insights.search import sql as shared
from insights.search.indexing import rebuild_index
from tests import factories


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Synonyms and popular themes are cached; every test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def sampling(monkeypatch):
    """Make this small index behave like a big one: counts beyond a bound of 2 are estimated
    from a sample that keeps a fixed share of the entries (by a hash of their id)."""
    monkeypatch.setattr(engine, "COUNT_BOUND", 2)
    monkeypatch.setattr(shared, "SAMPLE_MATCHES", 2)
    monkeypatch.setattr(sqlite, "SAMPLE_ROWS", 5)


def _date(year, month=1, day=1):
    return datetime.date(year, month, day)


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Items named by what they are for, indexed by ``rebuild_index``; built once per module.

    It lives in a transaction rolled back after the module; each test runs in a savepoint
    inside it, so what a test changes is undone for the next. Tests that change an item get
    it from the database, not from here.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_corpus()
        transaction.set_rollback(True)


def _build_corpus():
    platform31 = factories.organisation(name="Platform31", kind="kenniscentrum", slug="platform31")
    klaar = factories.person(
        name="Klaar De Smaele",
        slug="klaar-de-smaele",
        function="strategisch adviseur",
        organisation=platform31,
    )
    webinar = factories.event(
        title="Webinar wonen en zorg met Platform31",
        slug="webinar-wonen-zorg",
        summary="Klaar De Smaele van Platform31 over de opgave in de wijk.",
        organisers=[platform31],
        domains=["wonen", "zorg"],
        tags=["Wonen en zorg"],
        start_date=_date(2024, 3, 1),
    )
    factories.participation(webinar, klaar, role="spreker")
    items = {
        "platform31": platform31,
        "klaar": klaar,
        "webinar": webinar,
        "title_event": factories.event(
            title="Samenwerking tussen huisarts en wijkteam",
            slug="samenwerking-huisarts-wijkteam",
            domains=["zorg"],
            tags=["Eerste lijn"],
            start_date=_date(2023, 5, 1),
        ),
        "body_event": factories.event(
            title="Terugblik op het voorjaar",
            slug="terugblik-voorjaar",
            body="Over eenzaamheid. Eenzaamheid komt vaak voor; eenzaamheid raakt iedereen.",
            domains=["welzijn"],
            start_date=_date(2024, 6, 1),
        ),
        "loneliness_event": factories.event(
            title="Eenzaamheid onder ouderen",
            slug="eenzaamheid-onder-ouderen",
            domains=["welzijn"],
            tags=["Eenzaamheid"],
            start_date=_date(2022, 9, 1),
        ),
        "iza_publication": factories.publication(
            title="Integraal Zorgakkoord in de praktijk",
            slug="integraal-zorgakkoord-in-de-praktijk",
            summary="Wat regio's met de afspraken doen.",
            published_on=_date(2022, 11, 1),
            domains=["zorg"],
            tags=["Regionale samenwerking"],
        ),
    }
    event = items["title_event"]
    takeaways = {
        "network": "Netwerksamenwerking vraagt om een gedeelde agenda.",
        "multiparty": "Meerpartijensamenwerking lukt alleen met heldere afspraken.",
        "plural": "Samenwerkingen tussen gemeenten en zorgaanbieders groeien langzaam.",
        "verb": "Samenwerken met woningcorporaties begint bij de buurt.",
        "accents": "Voor geïnteresseerden: de crèche als ontmoetingsplek in de buurt.",
        "iza": "Het IZA vraagt om regionale plannen.",
        "subsidy": "Zonder subsidie stopt het buurtteam na een jaar.",
        "not_anymore": "Inwoners willen niet meer van loket naar loket.",
        "parties": "Een netwerk van partijen kost onderhoud.",
        "wijkteam_only": "Het wijkteam kent de buurt het best.",
        "mantelzorg": "Mantelzorg verdient een vaste plek in het wijkteam.",
    }
    for name, text in takeaways.items():
        items[name] = factories.takeaway(event=event, text=text, slug=name.replace("_", "-"))
    items["attributed"] = factories.takeaway(
        event=webinar,
        text="Wonen en zorg vragen om één regionale woonzorgvisie.",
        slug="attributed",
        people=[klaar],
        tags=["Wonen en zorg"],
        domains=["wonen"],
    )
    items["draft"] = factories.event(
        title="Kwartiermakers geheim concept",
        slug="concept",
        published=False,
        tags=["Geheimhouding"],
        summary="Samenwerking die nog niet openbaar is.",
        start_date=_date(2024, 2, 1),
    )
    items["draft_takeaway"] = factories.takeaway(
        event=items["draft"], text="Kwartiermakers werken onzichtbaar.", slug="concept-inzicht"
    )
    items["members"] = factories.event(
        title="Ledenbijeenkomst vertrouwelingen",
        slug="leden",
        members_only=True,
        tags=["Ledenthema"],
        domains=["wonen"],
        summary="Samenwerking alleen voor leden.",
        start_date=_date(2024, 4, 1),
    )
    items["members_takeaway"] = factories.takeaway(
        event=items["members"], text="Vertrouwelingen delen zorgen vroeg.", slug="leden-inzicht"
    )
    factories.synonyms("IZA", "Integraal Zorgakkoord")
    rebuild_index()
    return items
