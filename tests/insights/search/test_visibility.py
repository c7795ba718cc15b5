"""Drafts never, members-only only to members: in results, counts, facets, snippets, suggestions."""

import datetime

import pytest
from django.utils import timezone

from events import services
from events.models import Event
from insights.search.engine import popular_themes, search
from insights.search.indexing import index_events, rebuild_index
from tests import factories

pytestmark = pytest.mark.django_db

SECRET_WORDS = ["kwartiermakers", "geheim", "ledenbijeenkomst", "vertrouwelingen"]


def found_text(results):
    return " ".join(f"{hit.title} {hit.context} {hit.snippet}" for hit in results.hits).lower()


def facet_values(results):
    return {(group.facet, option.value) for group in results.facets for option in group.options}


@pytest.mark.parametrize("word", SECRET_WORDS)
def test_anonymous_finds_no_draft_or_members_only_item(corpus, anonymous, word):
    results = search(word, user=anonymous)

    assert (results.hits, results.total, results.facets) == ([], 0, [])


def test_anonymous_counts_and_facets_leave_them_out(corpus, anonymous):
    results = search("samenwerking", user=anonymous)

    assert results.total == 6
    assert not {word for word in SECRET_WORDS if word in found_text(results)}
    assert ("thema", "geheimhouding") not in facet_values(results)
    assert ("thema", "ledenthema") not in facet_values(results)
    assert sum(option.count for option in results.facets[0].options) == 6  # by type


def test_member_finds_members_only_but_no_drafts(corpus, member):
    results = search("samenwerking", user=member)

    assert corpus["members"].get_absolute_url() in [hit.url for hit in results.hits]
    assert results.total == 7
    assert ("thema", "ledenthema") in facet_values(results)
    assert "kwartiermakers" not in found_text(results)
    assert search("vertrouwelingen", user=member).total == 2


def test_staff_do_not_find_drafts_either(corpus, staff):
    assert search("kwartiermakers", user=staff).total == 0


def test_popular_themes_are_public_ones(corpus, anonymous, member):
    public = {option.value for option in popular_themes(user=anonymous)}

    assert public == {"wonen-en-zorg", "eerste-lijn", "eenzaamheid", "regionale-samenwerking"}
    assert "ledenthema" in {option.value for option in popular_themes(user=member)}


def test_popular_themes_follow_publishing_at_once(
    corpus, anonymous, django_capture_on_commit_callbacks
):
    def popular():
        return {option.value for option in popular_themes(user=anonymous)}

    assert "geheimhouding" not in popular()
    draft = Event.objects.get(pk=corpus["draft"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(items=[draft])
    assert "geheimhouding" in popular()
    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(items=[draft])
    assert "geheimhouding" not in popular()


def test_word_of_a_draft_is_never_suggested(corpus, anonymous):
    assert search("kwartiermakrs", user=anonymous).suggestions == {}


def test_suggestion_is_checked_against_what_the_user_may_see(corpus, anonymous):
    """The vocabulary can lag behind (it is recounted by a rebuild); suggestions cannot."""
    event = Event.objects.get(pk=corpus["webinar"].pk)
    assert search("woonzrogvisie", user=anonymous).suggestions == {"woonzrogvisie": "woonzorgvisie"}

    event.unpublish()
    event.save()
    index_events(ids=[event.pk])

    assert search("woonzrogvisie", user=anonymous).suggestions == {}


def test_unpublished_event_leaves_search_with_its_takeaways(corpus, anonymous):
    event = Event.objects.get(pk=corpus["title_event"].pk)
    assert search("wijkteam", user=anonymous).total == 3

    event.unpublish()
    event.save()
    index_events(ids=[event.pk])

    assert search("wijkteam", user=anonymous).total == 0


def test_scheduled_item_is_hidden_until_its_moment(db, anonymous):
    factories.event(
        title="Toekomstverkenning", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    rebuild_index()

    assert search("toekomstverkenning", user=anonymous).total == 0
