"""The events list: filters in the URL, facet counts, removable filters, bad values, pages."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import listing, services
from insights.importing import import_content
from tests import factories
from tests.html import (
    card,
    chips,
    chosen,
    link,
    links,
    main_text,
    option,
    options,
    pagination,
    problems,
    select,
    texts,
    titles,
)

pytestmark = pytest.mark.django_db

URL = "/bijeenkomsten/"


@pytest.fixture
def events():
    north = factories.region(name="Noord", slug="noord")
    town = factories.region(name="Stadje", slug="stadje", parent=north)
    south = factories.region(name="Zuid", slug="zuid")
    vng = factories.organisation(name="VNG", slug="vng")
    return {
        "a": factories.event(
            title="Alpha",
            start_date=datetime.date(2023, 3, 1),
            domains=["zorg", "wonen"],
            regions=[town],
            organisers=[vng],
            tags=["vertrouwen"],
        ),
        "b": factories.event(
            title="Bravo",
            start_date=datetime.date(2024, 5, 1),
            domains=["zorg"],
            regions=[south],
            tags=["vertrouwen", "geld"],
            kind="leerkring",
        ),
        "c": factories.event(
            title="Charlie",
            start_date=datetime.date(2024, 9, 1),
            domains=["zorg", "wonen", "welzijn"],
            regions=[north],
            kind="leerkring",
        ),
        "d": factories.event(title="Delta", start_date=None, domains=["welzijn"]),
    }


def test_events_are_listed_newest_first_with_unknown_dates_last(client, events):
    response = client.get(URL)
    assert titles(response) == ["Charlie", "Bravo", "Alpha", "Delta"]


def test_oldest_first_keeps_unknown_dates_last(client, events):
    assert titles(client.get(URL, {"sortering": "oud"})) == ["Alpha", "Bravo", "Charlie", "Delta"]


def test_repeated_domains_combine_into_events_in_all_of_them(client, events):
    response = client.get(URL, {"domein": ["zorg", "wonen"]})
    assert titles(response) == ["Charlie", "Alpha"]


def test_filters_combine(client, events):
    response = client.get(URL, {"domein": "zorg", "soort": "leerkring", "jaar": "2024"})
    assert titles(response) == ["Charlie", "Bravo"]
    response = client.get(URL, {"domein": "wonen", "soort": "leerkring", "thema": "vertrouwen"})
    assert titles(response) == []
    assert "Geen bijeenkomsten met deze filters." in main_text(response)


def test_region_filter_includes_its_sub_regions(client, events):
    assert titles(client.get(URL, {"regio": "noord"})) == ["Charlie", "Alpha"]
    assert titles(client.get(URL, {"regio": "stadje"})) == ["Alpha"]


def test_organisation_filter_matches_any_role(client, events):
    case = factories.organisation(slug="casus-org")
    factories.event(title="Echo").event_organisations.create(organisation=case, role="casus")
    assert titles(client.get(URL, {"organisatie": "casus-org"})) == ["Echo"]
    assert titles(client.get(URL, {"organisatie": "vng"})) == ["Alpha"]


def test_domain_counts_are_within_the_current_results(client, events):
    response = client.get(URL, {"domein": "zorg"})
    assert option(response, "domein", "zorg") == "Zorg (3)"
    assert option(response, "domein", "wonen") == "Wonen (2)"
    assert option(response, "domein", "welzijn") == "Welzijn (1)"


def test_counts_say_what_choosing_an_option_would_give(client, events):
    response = client.get(URL, {"domein": "zorg"})
    assert option(response, "soort", "leerkring") == "Leerkring (2)"
    assert option(response, "soort", "webinar") == "Webinar (1)"
    assert option(response, "jaar", "2024") == "2024 (2)"
    assert option(response, "jaar", "2023") == "2023 (1)"


def test_a_chosen_single_valued_filter_shows_its_value_and_the_rest_counts_within(client, events):
    response = client.get(URL, {"domein": "zorg", "soort": "webinar"})
    assert titles(response) == ["Alpha"]
    assert chosen(response, "soort") == ["Webinar (1)"]
    assert options(response, "soort") == ["Webinar (1)"]
    assert option(response, "jaar", "2023") == "2023 (1)"
    assert option(response, "jaar", "2024") is None


def test_region_counts_include_events_in_sub_regions_once(client, events):
    factories.event(
        title="Foxtrot", regions=[*events["a"].regions.all(), *events["c"].regions.all()]
    )
    response = client.get(URL)
    assert option(response, "regio", "noord") == "Noord (3)"
    assert option(response, "regio", "stadje") == "Stadje (2)"


def test_theme_and_organisation_counts(client, events):
    response = client.get(URL)
    assert option(response, "thema", "vertrouwen") == "Vertrouwen (2)"
    assert option(response, "thema", "geld") == "Geld (1)"
    assert option(response, "organisatie", "vng") == "VNG (1)"


def test_active_filters_can_be_removed_one_by_one(client, events):
    response = client.get(URL, {"domein": ["zorg", "wonen"], "jaar": "2024"})
    assert chips(response) == [
        ("Verwijder filter Domein: Zorg", "/bijeenkomsten/?domein=wonen&jaar=2024"),
        ("Verwijder filter Domein: Wonen", "/bijeenkomsten/?domein=zorg&jaar=2024"),
        ("Verwijder filter Jaar: 2024", "/bijeenkomsten/?domein=zorg&domein=wonen"),
    ]
    assert titles(response) == ["Charlie"]


def test_filtered_title_names_the_filters(client, events):
    response = client.get(URL, {"domein": "zorg", "jaar": "2024"})
    assert texts(response, "title") == ["Bijeenkomsten: Domein: Zorg, Jaar: 2024 · Dwarsverband"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"domein": "onbekend"}, "Domein: er is geen domein ‘onbekend’."),
        ({"jaar": "abc"}, "Jaar: ‘abc’ is geen jaartal."),
        ({"jaar": "20244"}, "Jaar: ‘20244’ is geen jaartal."),
        ({"soort": "Webinar!"}, "Soort: ‘Webinar!’ is geen geldige waarde."),
        ({"sortering": "x"}, "Sortering: ‘x’ bestaat niet; kies ‘nieuw’ of ‘oud’."),
        ({"pagina": "-1"}, "Pagina: ‘-1’ is geen paginanummer; de eerste pagina wordt getoond."),
        ({"pagina": "abc"}, "Pagina: ‘abc’ is geen paginanummer; de eerste pagina wordt getoond."),
        (
            {"jaar": ["2023", "2024"]},
            "Jaar: deze parameter mag maar één keer in het adres staan.",
        ),
        ({"thema": "a\x00b"}, "Thema: ‘ab’ is geen geldige waarde."),
        ({"organisatie": "x" * 5000}, f"Organisatie: ‘{'x' * 39}…’ is geen geldige waarde."),
    ],
)
def test_bad_filter_values_are_ignored_with_a_dutch_message(client, events, query, message):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert problems(response) == [message]
    assert titles(response) == ["Charlie", "Bravo", "Alpha", "Delta"]


def test_a_bad_value_does_not_undo_the_good_ones(client, events):
    response = client.get(URL, {"domein": "wonen", "jaar": "abc"})
    assert titles(response) == ["Charlie", "Alpha"]
    assert problems(response) == ["Jaar: ‘abc’ is geen jaartal."]


def test_unknown_value_among_several_domains_ignores_the_domain_filter_and_says_so(client, events):
    response = client.get(URL, {"domein": ["wonen", "onbekend"]})
    assert problems(response) == ["Domein: er is geen domein ‘onbekend’."]
    assert titles(response) == ["Charlie", "Bravo", "Alpha", "Delta"]


def test_empty_parameters_from_the_filter_form_are_dropped_by_a_redirect(client, events):
    response = client.get(URL, {"domein": "zorg", "soort": "", "regio": "", "sortering": "nieuw"})
    assert response.status_code == 302
    assert response["Location"] == "/bijeenkomsten/?domein=zorg&sortering=nieuw"


def test_pages_link_to_each_other_and_keep_the_filters(client, events):
    for number in range(25):
        factories.event(
            title=f"Extra {number:02}", start_date=datetime.date(2020, 1, 1), domains=["zorg"]
        )
    first = client.get(URL, {"domein": "zorg"})
    assert len(titles(first)) == 20
    assert pagination(first) == [
        ("Pagina 1", "/bijeenkomsten/?domein=zorg"),
        ("Pagina 2", "/bijeenkomsten/?domein=zorg&pagina=2"),
        ("Volgende", "/bijeenkomsten/?domein=zorg&pagina=2"),
    ]
    assert links(first, '.pagination [rel="next"]') == ["/bijeenkomsten/?domein=zorg&pagina=2"]
    second = client.get(URL, {"domein": "zorg", "pagina": "2"})
    assert titles(second) == [f"Extra {number:02}" for number in range(17, 25)]
    assert texts(second, ".pagination p") == ["Pagina 2 van 2"]


def test_a_page_beyond_the_last_is_a_404_that_links_to_the_last_page(client, events):
    response = client.get(URL, {"pagina": "999999", "domein": "zorg"})
    assert response.status_code == 404
    assert link(response, "Naar pagina 1") == "/bijeenkomsten/?domein=zorg"
    assert "U vroeg om pagina 999999, maar deze lijst heeft maar 1 pagina." in main_text(response)


def test_drafts_never_appear_in_the_list_or_the_counts(client, events):
    factories.event(title="Geheim concept", domains=["zorg"], tags=["geheim"], published=False)
    response = client.get(URL)
    assert "Geheim concept" not in response.text
    assert "geheim" not in response.text
    assert option(response, "domein", "zorg") == "Zorg (3)"


def test_scheduled_events_wait_for_their_moment(client, events):
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    factories.event(title="Straks", published_at=later)
    assert "Straks" not in client.get(URL).text


def test_members_only_events_are_listed_as_teasers(client, events):
    factories.event(title="Ledenbijeenkomst", members_only=True)
    anonymous = client.get(URL)
    assert "Ledenbijeenkomst" in titles(anonymous)
    assert "Alleen voor leden" in card(anonymous, "Ledenbijeenkomst")
    client.force_login(factories.user())
    member = client.get(URL)
    assert "Alleen voor leden" not in card(member, "Ledenbijeenkomst")


def test_filter_form_is_labelled_and_works_without_javascript(client, events):
    response = client.get(URL)
    [form] = select(response, "form.filters")
    assert (form.get("method"), form.get("action")) == ("get", "/bijeenkomsten/")
    assert texts(response, 'form.filters button[type="submit"]') == ["Toon resultaten"]
    for name in ["soort", "regio", "organisatie", "jaar", "thema", "sortering"]:
        [label] = select(response, f'form.filters label.facet-label[for="filter-{name}"]')
        [control] = select(response, f'form.filters select[name="{name}"]')
        assert control.get("id") == label.get("for")
    assert select(response, "script, style, [style]") == []


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_counts_over_many_rows_are_cached_and_small_ones_stay_fresh(
    client, events, empty_cache, monkeypatch
):
    monkeypatch.setattr(listing, "FIGURES_CACHED_ABOVE", 3)
    with CaptureQueriesContext(connection) as first:
        client.get(URL)
    with CaptureQueriesContext(connection) as second:
        cached = client.get(URL)
    # The second time, the total and the facets (with the domains and kinds they name) are cached.
    assert len(first) - len(second) == 9
    assert option(cached, "domein", "zorg") == "Zorg (3)"
    factories.event(title="Nieuw", domains=["welzijn"], start_date=datetime.date(2025, 1, 1))
    # Written around the services: the list and its counts are fresh all the same.
    assert titles(client.get(URL))[0] == "Nieuw"
    assert option(client.get(URL), "domein", "welzijn") == "Welzijn (3)"
    # Three results are not "many": counted afresh every time.
    assert option(client.get(URL, {"domein": "welzijn"}), "domein", "welzijn") == "Welzijn (3)"


def test_cached_counts_are_redone_once_content_changes(
    client, events, empty_cache, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(listing, "FIGURES_CACHED_ABOVE", 3)
    assert option(client.get(URL), "domein", "zorg") == "Zorg (3)"
    draft = factories.event(title="Concept", domains=["zorg"], published=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(items=[draft])
    assert option(client.get(URL), "domein", "zorg") == "Zorg (4)"
    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(items=[draft])
    assert option(client.get(URL), "domein", "zorg") == "Zorg (3)"


def test_cached_counts_are_redone_after_an_edit_in_the_admin(
    client, events, empty_cache, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(listing, "FIGURES_CACHED_ABOVE", 3)
    assert option(client.get(URL), "domein", "zorg") == "Zorg (3)"
    client.force_login(factories.user(superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/beheer/events/event/{events['a'].pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert option(client.get(URL), "domein", "zorg") == "Zorg (2)"


def test_cached_counts_are_redone_after_an_import(
    client, events, empty_cache, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(listing, "FIGURES_CACHED_ABOVE", 3)
    assert option(client.get(URL), "domein", "zorg") == "Zorg (3)"
    event = {"slug": "ingelezen", "title": "Ingelezen", "kind": "webinar", "domains": ["zorg"]}
    event |= {"status": "published", "published_at": "2024-01-01T10:00:00+01:00"}
    with django_capture_on_commit_callbacks(execute=True):
        import_content({"format": "dwarsverband", "version": 1, "events": [event]})
    assert option(client.get(URL), "domein", "zorg") == "Zorg (4)"
