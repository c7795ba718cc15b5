"""Every theme gets a slug its pages can use, whatever saves it."""

import pytest
from taggit.models import Tag

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["!!!", "😀", " - _ "])
def test_theme_without_letters_or_digits_gets_the_fallback_slug(name):
    assert Tag.objects.create(name=name).slug == "thema"


def test_fallback_slugs_are_unique():
    Tag.objects.create(name="Thema")
    slugs = [Tag.objects.create(name=name).slug for name in ("!!!", "😀", "???")]
    assert slugs == ["thema-2", "thema-3", "thema-4"]


def test_theme_added_through_taggits_manager_gets_a_slug():
    event = factories.event()
    event.tags.add("😀", "één loket")
    assert sorted(event.tags.values_list("name", "slug")) == [
        ("één loket", "één-loket"),
        ("😀", "thema"),
    ]


def test_theme_saved_with_an_empty_slug_gets_one():
    tag = Tag.objects.create(name="vertrouwen")
    tag.slug = ""
    tag.save()
    assert Tag.objects.get().slug == "vertrouwen"


def test_long_theme_slugs_stay_within_their_field_and_unique():
    first = Tag.objects.create(name="a" * 100)
    second = Tag.objects.create(name="A" * 100)
    assert (len(first.slug), len(second.slug)) == (100, 92)
    assert Tag.objects.filter(slug__in=[first.slug, second.slug]).count() == 2


def test_usable_theme_slug_is_kept():
    assert Tag.objects.create(name="Wonen", slug="wonen-en-zorg").slug == "wonen-en-zorg"
