"""Counts over many rows are estimates from a sample, shown as "ca. …" (events/listing.py):
counting a million rows under the visibility rule costs a second, right after every content
change. Few rows are always counted exactly."""

import pytest

from events import listing
from events.listing import Total, measured, rounded
from events.models import Event
from tests import factories
from tests.html import option, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(monkeypatch):
    """Sixty events (three members-only) where "many" starts above ten, sampled one in two."""
    monkeypatch.setattr(listing, "EXACT_UP_TO", 10)
    monkeypatch.setattr(listing, "SAMPLE_SHARE", 2)
    zorg = factories.region(name="Zorgland", slug="zorgland")
    for number in range(60):
        factories.event(
            title=f"Bijeenkomst {number}",
            domains=["zorg"] if number % 3 else ["zorg", "wonen"],
            regions=[zorg],
            members_only=number < 3,
            tags=["vertrouwen"],
        )


def test_few_rows_are_counted_exactly(db):
    for _ in range(3):
        factories.event()
    assert measured(Event.objects.visible_to(None)).total == Total(3)
    assert not measured(Event.objects.visible_to(None)).total.estimate


def test_many_rows_are_estimated_from_a_sample(many):
    counted = measured(Event.objects.visible_to(None, teasers=True))
    assert counted.total.estimate
    assert 30 <= counted.total <= 90  # 60, give or take what a sample of 30 says
    assert str(counted.total) == f"ca. {int(counted.total)}"
    # The sample's rows keep what decided their visibility: three are teasers.
    rows = counted.rows(Event.objects.visible_to(None, teasers=True))
    assert rows.count() == len(counted.sample)
    assert rows.in_full().count() == len(counted.sample) - len(counted.teasers)


def test_a_list_says_its_counts_are_estimates(client, many):
    response = client.get("/bijeenkomsten/")
    [summary] = texts(response, "h2.result-summary")
    assert summary.startswith("ca. ") and summary.endswith(" bijeenkomsten")
    assert option(response, "domein", "zorg").startswith("Zorg (ca. ")
    assert option(response, "regio", "zorgland").startswith("Zorgland (ca. ")


def test_the_theme_page_estimates_what_is_many(client, many):
    [lead] = texts(client.get("/themas/vertrouwen/"), "p.lead")
    assert lead.startswith("ca. ") and "bijeenkomsten" in lead


def test_the_theme_list_estimates_only_themes_found_often_in_the_sample(client, many):
    # Sixty events on "vertrouwen", one in two sampled: found about thirty times.
    factories.event(title="Enige over wijkteams", tags=["wijkteams"])
    factories.event(title="Concept over geheim", tags=["geheim"], status="draft")
    response = client.get("/themas/")
    counts = dict(
        zip(texts(response, "ul.columns a"), texts(response, "ul.columns .count"), strict=True)
    )
    assert counts.keys() == {"vertrouwen", "wijkteams"}
    assert counts["vertrouwen"].startswith("– ca. ")
    assert counts["wijkteams"] == "– 1 bijeenkomst"


def test_estimates_look_like_estimates():
    assert [rounded(n) for n in (7, 99, 123, 45_678, 1_234_567)] == [7, 99, 120, 46_000, 1_200_000]
    assert Total(5) == 5 and str(Total(5)) == "5"
