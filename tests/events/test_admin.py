"""The editors' admin for events: one page with every inline, filters, search and publishing."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection
from django.forms.models import BaseInlineFormSet
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from events.admin import ParticipationFormSet, YearFilter
from events.models import (
    Domain,
    Event,
    EventOrganisation,
    Organisation,
    Participation,
    Person,
    Session,
)
from insights.models import TaggedTakeaway, Takeaway, TakeawayPerson
from tests import factories

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:events_event_add")
CHANGELIST_URL = reverse("admin:events_event_changelist")
EVENT_INLINES = ["event_organisations", "sessions", "participations", "takeaways"]


def admin_form(fields, **inlines):
    """POST data for an admin change form: ``fields`` plus the rows of each inline prefix.

    Rows with an ``id`` are existing rows; they must come first, as on the page.
    """
    data = dict(fields)
    for prefix, rows in inlines.items():
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = sum("id" in row for row in rows)
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def event_form(fields, **inlines):
    defaults = {
        "kind": factories.event_kind("webinar").pk,
        "series": "",
        "start_date": "",
        "end_date": "",
        "location": "",
        "tags": "",
        "summary": "",
        "body": "",
        "audience": "",
        "attendance": "",
        "source_name": "",
        "source_url": "",
        "source_date": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
    }
    rows = {prefix: inlines.get(prefix, []) for prefix in EVENT_INLINES}
    return admin_form({**defaults, **fields}, **rows)


def participation_row(person, **fields):
    row = {"person": person.pk, "role": "spreker", "session": "", "organisation": ""}
    return {**row, "function": "", "order": 0, **fields}


def session_row(order, title, **fields):
    return {"order": order, "title": title, "date": "", "summary": "", **fields}


def takeaway_row(text, **fields):
    return {"text": text, "explanation": "", "session": "", "tags": "", "order": 0, **fields}


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def row_counts():
    models = [Event, EventOrganisation, Session, Participation, Takeaway, TakeawayPerson]
    return {model.__name__: model.objects.count() for model in [*models, TaggedTakeaway]}


def inline_errors(response, prefix):
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == prefix
    )
    return [form.errors for form in formset.forms]


def listed(client, query=""):
    response = client.get(f"{CHANGELIST_URL}?{query}")
    return {event.title for event in response.context["cl"].result_list}


def test_event_add_saves_the_whole_event_with_its_inlines(admin_client):
    anna = factories.person(name="Anna de Vries")
    bram = factories.person(name="Bram Peters")
    ede = factories.organisation(name="Gemeente Ede")
    region = factories.region(name="Foodvalley")
    zorg, wonen = Domain.objects.get(slug="zorg"), Domain.objects.get(slug="wonen")
    data = event_form(
        {
            "title": "Leerkring wonen en zorg",
            "slug": "leerkring-wonen-en-zorg",
            "kind": factories.event_kind("leerkring").pk,
            "start_date": "2024-05-14",
            "end_date": "2024-06-11",
            "location": "Ede",
            "regions": [region.pk],
            "domains": [zorg.pk, wonen.pk],
            "tags": "ouderen, wonen",
            "summary": "Twee dagen over **wonen met zorg**.",
            "attendance": "42",
        },
        event_organisations=[{"organisation": ede.pk, "role": "organisator", "order": 0}],
        sessions=[
            session_row(1, "Aftrap", date="2024-05-14"),
            session_row(2, "Terugkomdag", date="2024-06-11"),
        ],
        participations=[
            participation_row(anna, organisation=ede.pk, function="beleidsadviseur"),
            participation_row(bram, role="moderator", order=1),
        ],
        takeaways=[
            takeaway_row(
                "Begin klein en concreet.",
                explanation="Een *kleine* stap werkt beter dan een groot plan.",
                domains=[wonen.pk],
                tags="samenwerking, wijkaanpak",
                attributed_to=[anna.pk],
                order=1,
            )
        ],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302
    event = Event.objects.get(slug="leerkring-wonen-en-zorg")
    assert (event.title, event.kind.slug, event.location, event.attendance, event.status) == (
        "Leerkring wonen en zorg",
        "leerkring",
        "Ede",
        42,
        "draft",
    )
    assert (event.start_date, event.end_date) == (
        datetime.date(2024, 5, 14),
        datetime.date(2024, 6, 11),
    )
    assert list(event.regions.all()) == [region]
    assert list(event.domains.all()) == [zorg, wonen]
    assert sorted(event.tags.names()) == ["ouderen", "wonen"]
    assert list(event.event_organisations.values_list("organisation__name", "role")) == [
        ("Gemeente Ede", "organisator")
    ]
    assert list(event.sessions.values_list("order", "title", "date")) == [
        (1, "Aftrap", datetime.date(2024, 5, 14)),
        (2, "Terugkomdag", datetime.date(2024, 6, 11)),
    ]
    assert list(
        event.participations.values_list("person__name", "role", "organisation__name", "function")
    ) == [
        ("Anna de Vries", "spreker", "Gemeente Ede", "beleidsadviseur"),
        ("Bram Peters", "moderator", None, ""),
    ]
    takeaway = event.takeaways.get()
    assert (takeaway.text, takeaway.slug, takeaway.order, takeaway.session) == (
        "Begin klein en concreet.",
        "begin-klein-en-concreet",
        1,
        None,
    )
    assert takeaway.explanation == "Een *kleine* stap werkt beter dan een groot plan."
    assert sorted(takeaway.tags.names()) == ["samenwerking", "wijkaanpak"]
    assert list(takeaway.domains.all()) == [wonen]
    assert list(takeaway.people.all()) == [anna]


def test_event_edit_changes_fields_and_inlines(admin_client):
    anna, bram = factories.person(name="Anna"), factories.person(name="Bram")
    event = factories.event(title="Oude titel", slug="webinar-zorg", published=False)
    session = factories.session(event, title="Ochtend")
    participation = factories.participation(event, anna)
    kept = factories.takeaway(event=event, text="Houd dit inzicht.", tags=["oud"])
    kept_slug = kept.slug
    dropped = factories.takeaway(event=event, text="Schrap dit inzicht.")
    data = event_form(
        {"title": "Nieuwe titel", "slug": "webinar-zorg", "start_date": "2024-02-01"},
        sessions=[session_row(1, "Ochtendprogramma", id=session.pk)],
        participations=[
            participation_row(anna, id=participation.pk, role="panellid", session=session.pk),
            participation_row(bram, role="afsluiter", order=2),
        ],
        takeaways=[
            takeaway_row(
                "Houd dit inzicht, herschreven.",
                id=kept.pk,
                session=session.pk,
                tags="oud, nieuw",
                attributed_to=[anna.pk, bram.pk],
            ),
            takeaway_row("Schrap dit inzicht.", id=dropped.pk, DELETE="on"),
        ],
    )

    response = admin_client.post(change_url(event), data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.slug, event.start_date) == (
        "Nieuwe titel",
        "webinar-zorg",
        datetime.date(2024, 2, 1),
    )
    assert list(event.sessions.values_list("title", flat=True)) == ["Ochtendprogramma"]
    assert list(event.participations.values_list("person__name", "role", "session")) == [
        ("Anna", "panellid", session.pk),
        ("Bram", "afsluiter", None),
    ]
    assert list(event.takeaways.values_list("text", "session")) == [
        ("Houd dit inzicht, herschreven.", session.pk)
    ]
    kept.refresh_from_db()
    assert kept.slug == kept_slug  # the address stays when the text changes
    assert sorted(kept.tags.names()) == ["nieuw", "oud"]
    assert sorted(kept.people.values_list("name", flat=True)) == ["Anna", "Bram"]


def test_event_change_page_offers_only_this_events_sessions(admin_client):
    event = factories.event()
    own = factories.session(event, title="Eigen sessie")
    factories.session(factories.event(), title="Sessie elders")

    response = admin_client.get(change_url(event))

    empty_form = next(
        inline.formset.empty_form
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "participations"
    )
    assert list(empty_form.fields["session"].choices) == [
        ("", "---------"),
        (own.pk, "1. Eigen sessie"),
    ]
    assert "Sessie elders" not in response.content.decode()


def test_participation_with_another_events_session_is_refused_and_nothing_changes(admin_client):
    event = factories.event(title="Origineel")
    elsewhere = factories.session(factories.event())
    before = row_counts()
    data = event_form(
        {"title": "Gewijzigd", "slug": event.slug},
        sessions=[session_row(1, "Nieuwe sessie")],
        participations=[participation_row(factories.person(), session=elsewhere.pk)],
        takeaways=[takeaway_row("Een nieuw inzicht.", tags="nieuw")],
    )

    response = admin_client.post(change_url(event), data)

    assert response.status_code == 200
    message = "Deze sessie hoort bij een andere bijeenkomst. Kies een sessie van deze."
    assert inline_errors(response, "participations") == [{"session": [message]}]
    assert message in response.content.decode()
    assert row_counts() == before
    event.refresh_from_db()
    assert event.title == "Origineel"


def test_event_add_with_another_events_session_creates_nothing(admin_client):
    elsewhere = factories.session(factories.event())
    before = row_counts()
    data = event_form(
        {"title": "Nieuw", "slug": "nieuw"},
        takeaways=[takeaway_row("Inzicht uit een vreemde sessie.", session=elsewhere.pk)],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert inline_errors(response, "takeaways") == [
        {"session": ["Deze sessie hoort bij een andere bijeenkomst. Kies een sessie van deze."]}
    ]
    assert row_counts() == before


def test_takeaway_without_text_is_refused_and_nothing_is_saved(admin_client):
    before = row_counts()
    data = event_form(
        {"title": "Nieuw", "slug": "nieuw"},
        sessions=[session_row(1, "Sessie")],
        takeaways=[takeaway_row("", explanation="Een toelichting zonder inzicht.")],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert inline_errors(response, "takeaways") == [{"text": ["Dit veld is verplicht."]}]
    assert row_counts() == before


def test_session_deleted_in_the_same_save_cannot_be_chosen(admin_client):
    event = factories.event()
    session = factories.session(event)
    before = row_counts()
    data = event_form(
        {"title": event.title, "slug": event.slug},
        sessions=[session_row(1, session.title, id=session.pk, DELETE="on")],
        participations=[participation_row(factories.person(), session=session.pk)],
    )

    response = admin_client.post(change_url(event), data)

    assert inline_errors(response, "participations") == [
        {"session": ["Deze sessie wordt verwijderd. Kies een andere sessie of laat het leeg."]}
    ]
    assert row_counts() == before


def test_same_person_twice_in_the_same_role_is_refused(admin_client):
    anna = factories.person()
    data = event_form(
        {"title": "Nieuw", "slug": "nieuw"},
        participations=[participation_row(anna), participation_row(anna, order=1)],
    )

    response = admin_client.post(ADD_URL, data)

    assert inline_errors(response, "participations") == [
        {},
        {"person": ["Deze persoon staat al met deze rol op deze bijeenkomst of sessie."]},
    ]
    assert Event.objects.filter(slug="nieuw").exists() is False


def test_save_is_rolled_back_when_the_database_refuses_an_inline(
    admin_client, monkeypatch, settings
):
    """Without the form check, the trigger refuses the participation after the event was
    inserted: the admin's transaction leaves nothing of the half-done save."""
    monkeypatch.setattr(ParticipationFormSet, "clean", BaseInlineFormSet.clean)
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # the error itself, not the 500 page
    elsewhere = factories.session(factories.event())
    before = row_counts()
    data = event_form(
        {"title": "Half opgeslagen", "slug": "half-opgeslagen"},
        sessions=[session_row(1, "Sessie")],
        participations=[participation_row(factories.person(), session=elsewhere.pk)],
    )

    with pytest.raises(IntegrityError):
        admin_client.post(ADD_URL, data)

    assert row_counts() == before


def test_end_date_before_start_date_is_explained(admin_client):
    data = event_form(
        {"title": "Nieuw", "slug": "nieuw", "start_date": "2024-05-14", "end_date": "2024-05-13"}
    )

    response = admin_client.post(ADD_URL, data)

    assert response.context["adminform"].form.errors == {
        "end_date": ["De einddatum ligt vóór de begindatum."]
    }


def test_publishing_without_a_moment_publishes_now(admin_client):
    data = event_form({"title": "Nieuw", "slug": "nieuw", "status": "published"})

    admin_client.post(ADD_URL, data)

    event = Event.objects.get(slug="nieuw")
    assert event.status == "published"
    assert timezone.now() - event.published_at < datetime.timedelta(minutes=1)


def test_publish_action_publishes_drafts_and_keeps_an_earlier_moment(admin_client):
    earlier = timezone.make_aware(datetime.datetime(2023, 1, 2, 10, 0))
    draft = factories.event(published=False)
    republished = factories.event(published=False, published_at=earlier)
    already = factories.event()
    selected = [draft.pk, republished.pk, already.pk]

    response = admin_client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": selected}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == ["2 van 3 bijeenkomsten gepubliceerd."]
    statuses = dict(Event.objects.filter(pk__in=selected).values_list("pk", "status"))
    assert statuses == {draft.pk: "published", republished.pk: "published", already.pk: "published"}
    republished.refresh_from_db()
    assert republished.published_at == earlier


def test_unpublish_action_returns_items_to_draft(admin_client):
    published = factories.event()
    moment = published.published_at
    draft = factories.event(published=False)

    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "unpublish", "_selected_action": [published.pk, draft.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "1 van 2 bijeenkomsten teruggezet naar concept."
    ]
    published.refresh_from_db()
    assert (published.status, published.published_at) == ("draft", moment)


@pytest.fixture
def listed_events():
    veluwe = factories.region(name="Veluwe")
    return {
        "webinar": factories.event(
            title="Webinar wonen",
            kind="webinar",
            start_date=datetime.date(2023, 3, 1),
            domains=["wonen"],
            regions=[veluwe],
        ),
        "leerkring": factories.event(
            title="Leerkring zorg",
            kind="leerkring",
            start_date=datetime.date(2024, 9, 1),
            domains=["zorg"],
            members_only=True,
        ),
        "undated": factories.event(
            title="Netwerkmoment zonder datum",
            kind="netwerkmoment",
            start_date=None,
            published=False,
        ),
    }


def test_event_changelist_filters(admin_client, listed_events):
    webinar, leerkring = listed_events["webinar"], listed_events["leerkring"]
    all_titles = {"Webinar wonen", "Leerkring zorg", "Netwerkmoment zonder datum"}
    assert listed(admin_client) == all_titles
    assert listed(admin_client, "jaar=2023") == {"Webinar wonen"}
    assert listed(admin_client, "jaar=onbekend") == {"Netwerkmoment zonder datum"}
    assert listed(admin_client, f"kind__id__exact={leerkring.kind_id}") == {"Leerkring zorg"}
    zorg = Domain.objects.get(slug="zorg")
    assert listed(admin_client, f"domains__id__exact={zorg.pk}") == {"Leerkring zorg"}
    region = webinar.regions.get()
    assert listed(admin_client, f"regions__id__exact={region.pk}") == {"Webinar wonen"}
    assert listed(admin_client, "status__exact=draft") == {"Netwerkmoment zonder datum"}
    assert listed(admin_client, "members_only__exact=1") == {"Leerkring zorg"}


def test_event_year_filter_offers_the_years_and_unknown(admin_client, listed_events):
    response = admin_client.get(CHANGELIST_URL)

    year_filter = next(f for f in response.context["cl"].filter_specs if isinstance(f, YearFilter))
    assert year_filter.lookup_choices == [
        ("2024", "2024"),
        ("2023", "2023"),
        ("onbekend", "datum onbekend"),
    ]


@pytest.mark.parametrize("year", ["twintig", "123456", "²⁰²⁴"])
def test_event_year_filter_with_a_bad_value_returns_to_the_list(admin_client, year):
    response = admin_client.get(CHANGELIST_URL, {"jaar": year})

    assert (response.status_code, response["Location"]) == (302, f"{CHANGELIST_URL}?e=1")


def test_event_search_finds_titles_session_titles_and_names(admin_client, listed_events):
    factories.participation(listed_events["webinar"], factories.person(name="Anna de Vries"))
    factories.session(listed_events["leerkring"], title="Terugkomdag")
    EventOrganisation.objects.create(
        event=listed_events["undated"], organisation=factories.organisation(name="Gemeente Ede")
    )

    assert listed(admin_client, "q=leerkring") == {"Leerkring zorg"}
    assert listed(admin_client, "q=vries") == {"Webinar wonen"}
    assert listed(admin_client, "q=terugkomdag") == {"Leerkring zorg"}
    assert listed(admin_client, "q=ede") == {"Netwerkmoment zonder datum"}


def test_event_changelist_queries_do_not_grow_with_the_rows(admin_client):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(CHANGELIST_URL).status_code == 200
        return len(context)

    factories.event(domains=["zorg"])
    one = queries()
    for _ in range(4):
        factories.event(domains=["wonen"], published=False)
    assert queries() == one


def test_person_autocomplete_answers(admin_client):
    anna = factories.person(name="Anna de Vries")
    factories.person(name="Bram Peters")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "events",
            "model_name": "participation",
            "field_name": "person",
            "term": "anna",
        },
    )

    assert response.json() == {
        "results": [{"id": str(anna.pk), "text": "Anna de Vries"}],
        "pagination": {"more": False},
    }


def test_deleting_a_person_with_participations_is_refused_with_an_explanation(admin_client):
    person = factories.person(name="Anna de Vries")
    factories.participation(factories.event(title="Webinar"), person)
    url = reverse("admin:events_person_delete", args=[person.pk])

    page = admin_client.get(url)
    admin_client.post(url, {"post": "yes"})

    assert "persoon kan niet worden verwijderd" in page.content.decode()
    assert page.context["protected"] == [
        "Deelname: Anna de Vries (spreker), bij bijeenkomst ‘Webinar’"
    ]
    assert Person.objects.filter(pk=person.pk).exists()


def test_deleting_an_organisation_on_an_event_is_refused(admin_client):
    organisation = factories.organisation(name="Gemeente Ede")
    factories.event(title="Netwerkmoment", organisers=[organisation])
    url = reverse("admin:events_organisation_delete", args=[organisation.pk])

    page = admin_client.get(url)
    admin_client.post(url, {"post": "yes"})

    assert page.context["protected"] == [
        "Organisatie bij bijeenkomst: Gemeente Ede (organisator), bij bijeenkomst ‘Netwerkmoment’"
    ]
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_delete_page_queries_do_not_grow_with_the_references(admin_client):
    person = factories.person()
    url = reverse("admin:events_person_delete", args=[person.pk])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(url).status_code == 200
        return len(context)

    factories.participation(factories.event(), person)
    one = queries()
    for _ in range(4):
        factories.participation(factories.event(), person)
    assert queries() == one


def test_draft_event_links_to_its_public_page(admin_client):
    event = factories.event(published=False)
    view_on_site = reverse(
        "admin:view_on_site",
        kwargs={
            "content_type_id": ContentType.objects.get_for_model(Event).pk,
            "object_id": event.pk,
        },
    )

    change_page = admin_client.get(change_url(event)).content.decode()
    changelist = admin_client.get(CHANGELIST_URL).content.decode()

    assert f'href="{view_on_site}"' in change_page
    assert f'<a href="{view_on_site}">voorvertoning</a>' in changelist


def test_admin_speaks_dutch_and_explains_markdown(admin_client):
    index = admin_client.get(reverse("admin:index")).content.decode()
    add_page = admin_client.get(ADD_URL).content.decode()

    assert "Dwarsverband — redactie" in index
    assert "Markdown is toegestaan" in add_page


def test_two_sessions_with_the_same_order_are_explained(admin_client):
    data = event_form(
        {"title": "Nieuw", "slug": "nieuw"},
        sessions=[session_row(1, "Ochtend"), session_row(1, "Middag")],
    )

    response = admin_client.post(ADD_URL, data)

    sessions = response.context["inline_admin_formsets"][1].formset
    assert sessions.non_form_errors() == [
        "Een rij met dezelfde volgorde staat er al; verbeter de dubbele rij."
    ]
    assert Event.objects.filter(slug="nieuw").exists() is False


NAMELESS = (
    "Van ‘{}’ kan geen adres voor de themapagina worden gemaakt: de naam heeft geen letter of "
    "cijfer."
)


@pytest.mark.parametrize(
    ("tags", "error"),
    [
        ("wonen, 😀", NAMELESS.format("😀")),
        ("!!!", NAMELESS.format("!!!")),
        ("x" * 101, f"Een thema heeft hoogstens 100 tekens; ‘{'x' * 39}…’ heeft er 101."),
    ],
)
def test_event_with_a_theme_name_that_cannot_be_a_theme_is_refused(admin_client, tags, error):
    data = event_form({"title": "Webinar", "slug": "webinar", "tags": tags})

    response = admin_client.post(ADD_URL, data)

    assert response.context["adminform"].form.errors == {"tags": [error]}
    assert (Event.objects.count(), Tag.objects.count()) == (0, 0)


def test_event_may_have_an_existing_theme_whose_name_makes_no_slug(admin_client):
    Tag.objects.create(name="😀")
    data = event_form({"title": "Webinar", "slug": "webinar", "tags": "😀"})

    assert admin_client.post(ADD_URL, data).status_code == 302
    assert list(Event.objects.get().tags.values_list("name", "slug")) == [("😀", "thema")]


THEME_ADD_URL = reverse("admin:taggit_tag_add")


def theme_form(name, slug=""):
    return admin_form({"name": name, "slug": slug}, taggit_taggeditem_items=[])


def test_theme_page_makes_the_slug_from_the_name(admin_client):
    assert admin_client.post(THEME_ADD_URL, theme_form("Eén loket")).status_code == 302
    assert list(Tag.objects.values_list("name", "slug")) == [("Eén loket", "eén-loket")]


def test_theme_page_asks_for_a_slug_when_the_name_makes_none(admin_client):
    response = admin_client.post(THEME_ADD_URL, theme_form("😀"))

    assert response.context["adminform"].form.errors == {
        "name": [f"{NAMELESS.format('😀')} Vul zelf een slug in."]
    }
    assert admin_client.post(THEME_ADD_URL, theme_form("😀", "blij")).status_code == 302
    assert list(Tag.objects.values_list("name", "slug")) == [("😀", "blij")]


def test_event_with_a_body_over_its_limit_is_refused(admin_client):
    data = event_form({"title": "Webinar", "slug": "webinar", "body": "x" * 300_001})

    response = admin_client.post(ADD_URL, data)

    assert response.context["adminform"].form.errors == {
        "body": ["Zorg dat deze waarde niet meer dan 300000 tekens bevat (het zijn er nu 300001)."]
    }
    assert Event.objects.count() == 0
