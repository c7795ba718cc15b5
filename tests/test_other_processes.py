"""After any committed write, the very next request in every process shows the new state.

Each process keeps its own cache; what it keeps is kept under the content generation, which the
database renews with every write (events/generation.py), and search catches up on the backlog
the database keeps (insights/search/backlog.py). These tests write in one process and read in
another: a second portal server, an import in a process of its own, raw SQL from a client that
knows nothing of Django.
"""

import json

import pytest
from django.urls import reverse

from events.models import Event
from insights.importing import import_content
from insights.search.engine import search
from tests import factories
from tests.html import section, texts
from tests.processes import manage, raw_sql, server

pytestmark = pytest.mark.django_db(transaction=True)


def portal_file(*, status="published", body="Over de buurtkamer en de huisarts."):
    """An import file: two events with the same speaker, each with a takeaway on a theme; the
    first event's status and body as given."""
    return {
        "format": "dwarsverband",
        "version": 1,
        "people": [{"slug": "klaar", "name": "Klaar De Smaele"}],
        "events": [
            _event("buurtkamer", "Buurtkamer in Oosterwijk", TAKEAWAY, status=status, body=body),
            _event("moestuin", "Moestuin in Westerwijk", "Een moestuin verbindt buren."),
        ],
    }


def _event(slug, title, takeaway, *, status="published", body=""):
    return {
        "slug": slug,
        "title": title,
        "kind": "webinar",
        "start_date": "2024-07-05",
        "status": status,
        "published_at": "2024-07-01T09:00:00+00:00",
        "body": body,
        "participants": [{"person": "klaar", "role": "spreker"}],
        "takeaways": [
            {"slug": slug, "text": takeaway, "tags": ["vertrouwen"], "people": ["klaar"]}
        ],
    }


TAKEAWAY = "Mantelzorgers vinden de buurtkamer via de huisarts."


@pytest.fixture
def imported(client):
    factories.event_kind("webinar")
    import_content(portal_file())
    return client


def test_an_import_in_another_process_is_seen_at_once_by_this_one(imported, tmp_path):
    client = imported
    # This process shows (and keeps) the theme and speaker pages and finds the takeaway.
    assert TAKEAWAY in client.get("/themas/vertrouwen/").text
    assert TAKEAWAY in client.get("/sprekers/klaar/").text
    assert client.get("/zoeken/", {"q": "mantelzorgers"}).context["results"].total == 1
    assert "huisarts" in section(client.get("/bijeenkomsten/buurtkamer/"), "verslag")

    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(portal_file(body="Over de buurtkamer.")))
    manage("import_content", str(changed), "-v0")

    assert "huisarts" not in section(client.get("/bijeenkomsten/buurtkamer/"), "verslag")
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(portal_file(status="draft")))
    manage("import_content", str(draft), "-v0")

    # The theme and the speaker stay (the other event shows them), without the takeaway.
    assert TAKEAWAY not in client.get("/themas/vertrouwen/").text
    assert TAKEAWAY not in client.get("/sprekers/klaar/").text
    assert "Buurtkamer" not in client.get("/sprekers/klaar/").text
    assert client.get("/zoeken/", {"q": "mantelzorgers"}).context["results"].total == 0


def test_unpublishing_here_is_seen_at_once_by_a_second_server(imported, admin_client):
    with server() as other:
        for path in ("/sprekers/klaar/", "/themas/vertrouwen/", "/bijeenkomsten/"):
            status, page = other.get(path)
            assert (status, "Buurtkamer in Oosterwijk" in page) == (200, True)
        assert TAKEAWAY in other.get("/themas/vertrouwen/")[1]

        event = Event.objects.get(slug="buurtkamer")
        response = admin_client.post(
            reverse("admin:events_event_changelist"),
            {"action": "unpublish", "_selected_action": [event.pk], "post": "yes"},
        )
        assert response.status_code == 302

        for _ in range(5):  # every request, not most of them
            for path in ("/sprekers/klaar/", "/themas/vertrouwen/", "/bijeenkomsten/"):
                status, page = other.get(path)
                assert (status, "Buurtkamer" in page, TAKEAWAY in page) == (200, False, False)
            assert "Mantelzorgers" not in other.get("/zoeken/?q=mantelzorgers")[1]


def test_a_queryset_update_here_is_seen_at_once_by_a_second_server(imported):
    with server() as other:
        assert TAKEAWAY in other.get("/sprekers/klaar/")[1]
        Event.objects.filter(slug="buurtkamer").update(members_only=True)
        assert TAKEAWAY not in other.get("/sprekers/klaar/")[1]
        assert other.get("/zoeken/?q=mantelzorgers")[0] == 200
        assert "Mantelzorgers" not in other.get("/zoeken/?q=mantelzorgers")[1]


def test_raw_sql_from_another_client_is_seen_at_once_by_this_process(imported):
    client = imported
    assert TAKEAWAY in client.get("/themas/vertrouwen/").text
    assert client.get("/zoeken/", {"q": "mantelzorgers"}).context["results"].total == 1

    raw_sql(
        (
            "UPDATE insights_takeaway SET text = %s WHERE slug = %s",
            ["Wijkverpleegkundigen kennen de buurt.", "buurtkamer"],
        ),
        ("UPDATE taggit_tag SET name = %s WHERE slug = %s", ["onderling vertrouwen", "vertrouwen"]),
    )

    theme_page = client.get("/themas/vertrouwen/")
    assert texts(theme_page, "h1") == ["Onderling vertrouwen"]
    assert "Wijkverpleegkundigen kennen de buurt." in theme_page.text
    assert TAKEAWAY not in theme_page.text
    hits = client.get("/zoeken/", {"q": "wijkverpleegkundigen"}).context["results"].hits
    assert [hit.title for hit in hits] == ["Wijkverpleegkundigen kennen de buurt."]
    assert client.get("/zoeken/", {"q": "mantelzorgers"}).context["results"].total == 0
    themes = client.get("/zoeken/", {"q": "onderling"}).context["results"]
    assert sorted(hit.title for hit in themes.hits) == [
        "Een moestuin verbindt buren.",
        "Wijkverpleegkundigen kennen de buurt.",
    ]

    raw_sql(("UPDATE events_event SET status = %s WHERE slug = %s", ["draft", "buurtkamer"]))

    assert "Wijkverpleegkundigen" not in client.get("/themas/vertrouwen/").text
    assert search("wijkverpleegkundigen", user=None).total == 0
