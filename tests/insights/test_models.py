import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from insights.models import SynonymSet, Takeaway
from tests import factories

pytestmark = pytest.mark.django_db


def test_takeaway_belongs_to_an_event_or_a_publication():
    assert factories.takeaway(event=factories.event()).source is not None
    assert factories.takeaway(publication=factories.publication()).source is not None


def test_takeaway_with_neither_event_nor_publication_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Takeaway.objects.create(text="Zonder bron", slug="zonder-bron")


def test_takeaway_with_both_event_and_publication_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.takeaway(event=factories.event(), publication=factories.publication())


def test_takeaway_session_must_belong_to_its_event():
    other_session = factories.session(factories.event())
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.takeaway(event=factories.event(), session=other_session)


def test_takeaway_session_of_its_own_event_is_accepted():
    event = factories.event()
    session = factories.session(event)
    assert factories.takeaway(event=event, session=session).session == session


def test_takeaway_cannot_switch_to_an_event_its_session_is_not_part_of():
    event = factories.event()
    item = factories.takeaway(event=event, session=factories.session(event))
    item.event = factories.event()
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_takeaway_on_a_publication_cannot_have_a_session():
    session = factories.session(factories.event())
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.takeaway(publication=factories.publication(), session=session)


def test_takeaway_slug_is_made_from_its_text():
    item = Takeaway.objects.create(
        event=factories.event(), text="Vertrouwen opbouwen kost tijd en geduld, maar loont."
    )
    assert item.slug == "vertrouwen-opbouwen-kost-tijd-en-geduld-maar-loont"


def test_deleting_a_person_a_takeaway_is_attributed_to_is_refused():
    speaker = factories.person()
    factories.takeaway(people=[speaker])
    with pytest.raises(ProtectedError):
        speaker.delete()


def test_deleting_a_publisher_is_refused():
    publisher = factories.organisation()
    factories.publication(publisher=publisher)
    with pytest.raises(ProtectedError):
        publisher.delete()


def test_publication_kind_outside_the_choices_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.publication(kind="boek")


def test_synonym_set_lists_its_terms():
    assert factories.synonyms("IZA", " Integraal Zorgakkoord ", "").term_list() == [
        "IZA",
        "Integraal Zorgakkoord",
    ]


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("IZA", "Geef minstens twee termen, elk op een eigen regel."),
        ("IZA\n\n  ", "Geef minstens twee termen, elk op een eigen regel."),
        ("IZA\niza", "Elke term mag maar één keer voorkomen."),
    ],
)
def test_synonym_set_needs_two_different_terms(terms, message):
    with pytest.raises(ValidationError) as error:
        SynonymSet(terms=terms).full_clean()
    assert error.value.message_dict == {"terms": [message]}
