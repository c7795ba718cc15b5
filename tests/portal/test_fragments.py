"""Cards are kept as cached fragments (portal/context_processors.py): they follow every content
change, and never mix what a member and a visitor may see."""

import pytest

from events import services
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


@pytest.mark.parametrize("page", ["theme", "speaker"])
def test_a_kept_page_section_follows_unpublishing(client, page, django_capture_on_commit_callbacks):
    klaar = factories.person(name="Klaar De Smaele")
    event = factories.event(title="Leerkring wonen", tags=["vertrouwen"])
    factories.takeaway(
        event=event, text="Vertrouwen kost tijd.", tags=["vertrouwen"], people=[klaar]
    )
    other = factories.event(title="Webinar zorg", tags=["vertrouwen"])
    factories.takeaway(event=other, text="Blijf samen leren.", tags=["vertrouwen"], people=[klaar])
    url = "/themas/vertrouwen/" if page == "theme" else klaar.get_absolute_url()
    assert "Vertrouwen kost tijd." in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(items=[event])
    text = client.get(url).text
    assert "Vertrouwen kost tijd." not in text
    assert "Blijf samen leren." in text
