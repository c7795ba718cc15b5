"""What the database itself guarantees, on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from taggit.models import Tag

from events.models import Domain, Event, EventKind, Participation, Region
from tests import factories

pytestmark = pytest.mark.django_db


def test_domains_and_kinds_exist_after_migrate():
    assert list(Domain.objects.values_list("slug", flat=True)) == ["zorg", "welzijn", "wonen"]
    assert {"webinar", "leerkring", "netwerkmoment", "kennisatelier", "praktijklab"} <= set(
        EventKind.objects.values_list("slug", flat=True)
    )


def test_event_slug_is_unique():
    factories.event(slug="dubbel")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.event(slug="dubbel")


def test_event_date_range_never_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.event(start_date=datetime.date(2024, 7, 9), end_date=datetime.date(2024, 7, 8))


def test_event_end_date_needs_a_start_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.event(start_date=None, end_date=datetime.date(2024, 7, 8))


def test_event_date_may_be_unknown_and_sorts_last():
    unknown = factories.event(start_date=None)
    dated = factories.event(start_date=datetime.date(2019, 1, 1))
    assert list(Event.objects.filter(pk__in=[unknown.pk, dated.pk])) == [dated, unknown]
    unknown.refresh_from_db()
    assert unknown.date is None


def test_event_sort_date_follows_start_date():
    obj = factories.event(
        start_date=datetime.date(2024, 3, 15), end_date=datetime.date(2024, 3, 16)
    )
    obj.refresh_from_db()
    assert obj.date == datetime.date(2024, 3, 15)


def test_published_event_needs_a_publication_moment():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.event(status="published", published_at=None)


@pytest.mark.parametrize("status", ["gepubliceerd", "", "PUBLISHED"])
def test_event_status_outside_the_choices_is_refused(status):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.event(published=False, status=status)


def test_region_country_outside_the_choices_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.region(country="DE")


def test_region_cannot_be_its_own_parent():
    region = factories.region()
    region.parent = region
    with pytest.raises(IntegrityError), transaction.atomic():
        region.save()


def test_participation_role_outside_the_choices_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.participation(factories.event(), role="keynote")


def test_participation_on_a_session_of_another_event_is_refused():
    other_session = factories.session(factories.event())
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.participation(factories.event(), session=other_session)


def test_participation_on_a_session_of_its_own_event_is_accepted():
    event = factories.event()
    session = factories.session(event)
    factories.participation(event, session=session, role="spreker")
    assert Participation.objects.get().session == session


def test_session_cannot_move_to_another_event():
    session = factories.session(factories.event())
    session.event = factories.event()
    with pytest.raises(IntegrityError), transaction.atomic():
        session.save()


def test_session_order_is_unique_within_an_event():
    event = factories.event()
    factories.session(event, order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.session(event, order=1)


def test_same_person_twice_in_the_same_role_on_an_event_is_refused():
    event, speaker = factories.event(), factories.person()
    factories.participation(event, speaker, role="spreker")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.participation(event, speaker, role="spreker")
    factories.participation(event, speaker, role="moderator")  # another role is fine


def test_deleting_a_referenced_person_is_refused():
    speaker = factories.person(name="Klaar De Smaele")
    factories.participation(factories.event(), speaker)
    with pytest.raises(ProtectedError):
        speaker.delete()


def test_deleting_an_organising_organisation_is_refused():
    organiser = factories.organisation()
    factories.event(organisers=[organiser])
    with pytest.raises(ProtectedError):
        organiser.delete()


def test_deleting_an_organisation_people_work_for_is_refused():
    employer = factories.organisation()
    factories.person(organisation=employer)
    with pytest.raises(ProtectedError):
        employer.delete()


def test_deleting_a_region_with_sub_regions_is_refused():
    veluwe = factories.region(name="Veluwe")
    factories.region(name="Noord-Veluwe", parent=veluwe)
    with pytest.raises(ProtectedError):
        veluwe.delete()


def test_unreferenced_person_can_be_deleted():
    factories.person().delete()


def test_empty_slug_is_filled_from_the_name_and_kept_unique():
    first = Region.objects.create(name="Noord-Veluwe", country="NL")
    second = Region.objects.create(name="Noord Veluwe", country="NL")
    assert (first.slug, second.slug) == ("noord-veluwe", "noord-veluwe-2")


def test_theme_without_slug_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.bulk_create([Tag(name="vertrouwen")])
    Tag.objects.create(name="vertrouwen")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.update(slug="")


def test_theme_name_with_a_nul_character_is_refused_by_the_database():
    # PostgreSQL cannot hold a NUL in text at all: its driver refuses to send one.
    refused = IntegrityError if connection.vendor == "sqlite" else ValueError
    with pytest.raises(refused), transaction.atomic():
        Tag.objects.bulk_create([Tag(name="ver\x00trouwen", slug="vertrouwen")])
