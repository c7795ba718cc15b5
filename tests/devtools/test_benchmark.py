"""``manage.py bench`` runs on any database, however small, and prints and writes its figures."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from devtools import benchmark
from events.generation import current as current_generation
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal():
    speaker = factories.person(name="Klaar De Smaele", slug="klaar-de-smaele")
    busy = factories.event(title="Druk", slug="druk", domains=["zorg"], tags=["geld", "wonen"])
    factories.participation(busy, speaker)
    factories.takeaway(event=busy, tags=["geld"])
    factories.takeaway(event=busy, tags=["geld"])
    quiet = factories.event(title="Rustig", slug="rustig", tags=["geld"])
    factories.participation(quiet, speaker)
    factories.event(title="Concept", slug="concept", published=False, tags=["geld"])


def bench(*args):
    out, err = StringIO(), StringIO()
    call_command("bench", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_bench_prints_a_row_per_page_with_its_figures(portal):
    out, err = bench("--repeat", "2", "--only", "public_pages")
    rows = {line.split("  ")[0]: line for line in out.splitlines() if " /" in line}
    assert sorted(rows) == [
        "bijeenkomst (drukste)",
        "bijeenkomsten, 2 filters",
        "home",
        "spreker (drukste)",
        "thema (meest gebruikt)",
        "thema (middelmatig)",
    ]
    assert re.fullmatch(r"home +(\d+\.\d +){3}\d+(/\d+)? +\d+\.\d +(ok|TE TRAAG) +/", rows["home"])
    assert rows["bijeenkomst (drukste)"].endswith(" /bijeenkomsten/druk/")
    assert rows["thema (meest gebruikt)"].endswith(" /themas/geld/")
    assert rows["spreker (drukste)"].endswith(" /sprekers/klaar-de-smaele/")
    assert "Openbare pagina's (doel: p95 < 50 ms)" in out
    assert "maar 3 bijeenkomsten" in err


def test_bench_writes_its_figures_as_json(portal, tmp_path):
    path = tmp_path / "figures.json"
    bench("--repeat", "3", "--json", str(path))
    figures = json.loads(path.read_text())
    assert (figures["events"], figures["takeaways"], figures["repeat"]) == (3, 2, 3)
    section, _writes = figures["sections"]
    home = section["measurements"][0]
    assert (home["name"], home["detail"], home["target_ms"]) == ("home", "/", 50)
    assert home["queries"] > 0
    assert home["cold_ms"] > 0
    assert home["p95_ms"] >= home["median_ms"] > 0


def test_bench_runs_on_an_empty_portal(db):
    out, _ = bench("--repeat", "1")
    assert "home" in out
    assert "bijeenkomsten, 2 filters" in out
    assert "bijeenkomst (drukste)" not in out


def test_state_tells_the_bench_script_what_to_prepare(portal):
    out, _ = bench("--state")
    assert out.startswith("events=3 search_index=")


def test_p95_is_a_measured_time():
    assert benchmark.p95([5, 1, 4, 2, 3]) == 5
    assert benchmark.p95(list(range(1, 101))) == 95


def test_pages_are_chosen_from_the_data(portal):
    assert benchmark.busiest_event().slug == "druk"
    assert benchmark.themes_by_use()[0] == ("geld", 5)
    assert benchmark.busiest_speaker().slug == "klaar-de-smaele"


def test_writes_are_measured_and_rolled_back(portal, tmp_path):
    before = sorted(Event.objects.values_list("slug", "status"))
    generation = current_generation()
    path = tmp_path / "figures.json"
    bench("--repeat", "1", "--only", "writes", "--json", str(path))
    [section] = json.loads(path.read_text())["sections"]
    assert [measurement["name"] for measurement in section["measurements"]] == [
        "klein bestand importeren",
        "één bijeenkomst publiceren",
        "home, na publiceren",
        "bijeenkomsten, 2 filters, na publiceren",
        "thema (meest gebruikt), na publiceren",
        "spreker (drukste), na publiceren",
    ]
    assert sorted(Event.objects.values_list("slug", "status")) == before
    assert current_generation() == generation


def test_only_measures_the_sections_asked_for(portal):
    out, _ = bench("--repeat", "1", "--only", "public_pages")
    assert "Openbare pagina's" in out
    assert "Schrijven" not in out
