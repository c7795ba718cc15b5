"""Cards are kept as cached fragments (portal/context_processors.py): they follow every content
change, and never mix what a member and a visitor may see."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_card_follows_an_edit_in_the_admin(client, superuser, django_capture_on_commit_callbacks):
    organiser = factories.organisation(name="Movisie")
    factories.event(title="Wijkgericht werken", organisers=[organiser])
    assert "Door Movisie" in client.get("/bijeenkomsten/").text
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/beheer/events/organisation/{organiser.pk}/change/",
            {"name": "Movisie kenniscentrum", "slug": organiser.slug, "kind": organiser.kind},
        )
    assert response.status_code == 302
    client.logout()
    assert "Door Movisie kenniscentrum" in client.get("/bijeenkomsten/").text


def test_a_card_is_not_shared_between_a_member_and_a_visitor(client, member):
    factories.event(title="Voor leden", members_only=True, summary="Alleen de samenvatting.")
    client.force_login(member)
    assert "Alleen voor leden" not in client.get("/bijeenkomsten/").text
    client.logout()
    assert "Alleen voor leden" in client.get("/bijeenkomsten/").text
    client.force_login(member)
    assert "Alleen voor leden" not in client.get("/bijeenkomsten/").text
