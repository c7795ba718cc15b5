"""The search section of ``manage.py bench`` runs on a small indexed portal, on both databases."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection, transaction

from devtools import bench_search, benchmark
from insights.search import engine
from insights.search.indexing import rebuild_index
from insights.search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db

TAKEAWAYS = (
    "De samenwerking met de gemeente vraagt om een gedeelde ambitie.",
    "Samenwerking in de wijk begint bij vertrouwen.",
    "Een hamsterkooi in de buurtkamer, en de gemeente betaalt.",
    "Netwerksamenwerking zonder betaaltitel, met een convenant.",
    "Meerpartijensamenwerking kost tijd.",
)
QUERIES = [
    "zeldzaam woord",
    "zeldzaam en vaak",
    "naam: spreker",
    "naam: organisatie",
    "zin",
    "uitsluiting",
    "OF",
    "voorvoegsel",
    "typfout",
    "vaak: samenwerking",
    "vaak: gemeente",
]


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """A small indexed portal, made once for the module (rolled back after it); each test runs
    in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        platform31 = factories.organisation(name="Platform31", slug="platform31")
        speaker = factories.person(name="Klaar De Smaele", slug="klaar-de-smaele")
        event = factories.event(title="Leerkring", slug="leerkring", organisers=[platform31])
        factories.participation(event, speaker)
        for number, text in enumerate(TAKEAWAYS):
            factories.takeaway(event=event, text=text, slug=f"inzicht-{number}")
        rebuild_index()
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def measured(portal, django_db_blocker):
    """The search figures of the portal, each measured once."""
    with django_db_blocker.unblock(), benchmark.benchmark_settings():
        return bench_search.search_sections(benchmark.Bench(repeat=1))


def by_title(sections):
    return {section.title.split(" (")[0].split(",")[0]: section for section in sections}


def names(section):
    return [measurement.name for measurement in section.measurements]


def test_every_query_is_measured_as_a_page_with_its_facets_and_bare_sql(measured):
    sections = by_title(measured)
    pages = sections["Zoekpagina"]
    assert names(pages) == QUERIES
    assert names(sections["Facettellingen en aantal resultaten"]) == QUERIES
    assert names(sections["Kale SQL van de resultatenpagina"]) == QUERIES
    typo = pages.measurements[QUERIES.index("typfout")]
    assert (typo.detail, typo.target_ms) == ("/zoeken/?q=samenwerkng", 150)
    assert typo.p95_ms >= typo.median_ms > 0
    # Known words, facet counts (of the whole index: it is small), the page, 2 for suggestions.
    assert typo.queries == 6
    floor = sections["Kale SQL van de resultatenpagina"].measurements
    assert {measurement.queries for measurement in floor} == {1}


def test_names_come_from_the_data(measured):
    pages = by_title(measured)["Zoekpagina"].measurements
    details = {measurement.name: measurement.detail for measurement in pages}
    assert details["naam: spreker"] == "/zoeken/?q=Klaar+De+Smaele"
    assert details["naam: organisatie"] == "/zoeken/?q=Platform31"


def test_suggestions_are_timed_where_the_page_looks_for_them(measured):
    # Few results and a word the vocabulary does not know: the typo, and the prefix as typed.
    suggestions = by_title(measured)["Spellingsuggesties"]
    assert names(suggestions) == ["voorvoegsel", "typfout"]
    assert suggestions.measurements[1].queries == 2


def test_the_share_of_common_words_is_counted(measured):
    notes = by_title(measured)["Zoekpagina"].notes
    assert notes == [
        "‘samenwerking’ vindt 40.0% van alle inzichten (2 van 5)",
        "‘gemeente’ vindt 40.0% van alle inzichten (2 van 5)",
    ]


def test_page_and_textbook_compared_on_postgresql_only(measured):
    sections = by_title(measured)
    ratios = sections["Verhoudingen"].ratios
    floor_ratios = [ratio.name for ratio in ratios if ratio.what == "zoekpagina / kale SQL"]
    assert floor_ratios == QUERIES
    textbook_ratios = [ratio for ratio in ratios if ratio.what == "zoekpagina / schoolboek"]
    if connection.vendor == "postgresql":
        textbook = sections["Django-schoolboek op inzichten: SearchVector"]
        assert names(textbook) == ["vaak: samenwerking", "vaak: gemeente"]
        assert [ratio.name for ratio in textbook_ratios] == names(textbook)
        assert {ratio.target for ratio in textbook_ratios} == {0.1}
        assert sections["Verhoudingen"].notes == []
    else:
        assert "Django-schoolboek op inzichten: SearchVector" not in sections
        assert textbook_ratios == []
        [note] = sections["Verhoudingen"].notes
        assert "alleen op PostgreSQL" in note


def test_a_word_in_at_most_a_fifth_of_the_takeaways_is_not_common(portal):
    query = bench_search.BenchQuery("vaak?", "hamsterkooi", common=True)
    scope = engine.search_scope(query.text, user=AnonymousUser())
    assert bench_search.common_word_note(query, scope) == (
        "‘hamsterkooi’ vindt 20.0% van alle inzichten (1 van 5): niet boven 20%, dus geen vaak "
        "woord op deze gegevens"
    )


@pytest.mark.postgres
def test_the_textbook_approach_finds_a_page_and_the_total(portal):
    page, total = bench_search.textbook_page("gemeente", per_page=1)
    assert (len(page), total) == (1, 2)
    assert "<b>gemeente</b>" in page[0].headline.lower()


def test_search_is_not_measured_without_an_index(portal):
    SearchEntry.objects.all().delete()
    assert bench_search.search_sections(benchmark.Bench(repeat=1)) == []


def test_the_command_prints_the_search_figures_and_ratios(portal, tmp_path):
    out, path = StringIO(), tmp_path / "figures.json"
    call_command("bench", "--repeat", "1", "--json", str(path), stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert "Zoekpagina (doel: p95 < 150 ms)" in lines
    [typo] = [line for line in lines if line.startswith("typfout ") and "/zoeken/" in line]
    assert typo.endswith(" /zoeken/?q=samenwerkng")
    ratio_lines = [line for line in lines if "zoekpagina / kale SQL" in line]
    assert [line.split("  ")[0] for line in ratio_lines] == QUERIES
    figures = json.loads(path.read_text())
    titles = [section["title"] for section in figures["sections"]]
    ratios = figures["sections"][titles.index("Verhoudingen (medianen)")]["ratios"]
    assert [ratio["name"] for ratio in ratios[: len(QUERIES)]] == QUERIES
    assert ratios[0]["value"] == ratios[0]["ours_ms"] / ratios[0]["theirs_ms"]
