"""The one rule for who sees what (events.publishing.visibility_q), through every model."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from events.models import Event
from insights.models import Publication, Takeaway
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return {
        "public": factories.event(title="Openbaar"),
        "draft": factories.event(title="Concept", published=False),
        "scheduled": factories.event(
            title="Gepland", published_at=timezone.now() + datetime.timedelta(days=2)
        ),
        "members": factories.event(title="Leden", members_only=True),
    }


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_anonymous_visitor_sees_only_public_published_events(content):
    assert titles(Event.objects.visible_to(AnonymousUser())) == ["Openbaar"]


def test_anonymous_visitor_gets_members_only_events_as_teasers_when_asked(content):
    events = Event.objects.visible_to(AnonymousUser(), teasers=True)
    assert {e.title: e.is_teaser for e in events} == {"Leden": True, "Openbaar": False}


def test_member_sees_members_only_events_in_full(content, member):
    events = Event.objects.visible_to(member, teasers=True)
    assert {e.title: e.is_teaser for e in events} == {"Leden": False, "Openbaar": False}


def test_staff_preview_includes_drafts_and_scheduled(content, staff):
    assert titles(Event.objects.visible_to(staff, preview=True)) == [
        "Concept",
        "Gepland",
        "Leden",
        "Openbaar",
    ]


def test_preview_flag_gives_nothing_extra_to_non_staff(content, member):
    assert titles(Event.objects.visible_to(member, preview=True)) == ["Leden", "Openbaar"]


def test_publications_follow_the_same_rule(member):
    factories.publication(title="Open")
    factories.publication(title="Dicht", members_only=True)
    factories.publication(title="Concept", published=False)
    assert titles(Publication.objects.visible_to(AnonymousUser())) == ["Open"]
    assert titles(Publication.objects.visible_to(member)) == ["Dicht", "Open"]


def test_takeaways_are_as_visible_as_their_source(content, member):
    factories.takeaway(event=content["public"], text="a")
    factories.takeaway(event=content["draft"], text="b")
    factories.takeaway(event=content["members"], text="c")
    factories.takeaway(publication=factories.publication(), text="d")
    factories.takeaway(publication=factories.publication(published=False), text="e")
    factories.takeaway(publication=factories.publication(members_only=True), text="f")

    def texts(user):
        return sorted(Takeaway.objects.visible_to(user).values_list("text", flat=True))

    assert texts(AnonymousUser()) == ["a", "d"]
    assert texts(member) == ["a", "c", "d", "f"]
