import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from portal.links import slug_url


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("events:event_detail", "webinar-wat-werkt"),
        ("events:person_detail", "klaar-de-smaele"),
        ("insights:theme_detail", "samenwerking"),
        ("insights:theme_detail", "ggz_2"),
    ],
)
def test_slug_url_is_what_reverse_gives(name, slug):
    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


def test_a_slug_beyond_plain_characters_goes_through_reverse():
    assert slug_url("insights:theme_detail", "crèche") == "/themas/cr%C3%A8che/"


def test_a_slug_a_pattern_refuses_is_refused_as_by_reverse():
    with pytest.raises(NoReverseMatch):
        slug_url("events:event_detail", "crèche")


def test_the_script_prefix_is_respected():
    try:
        set_script_prefix("/portaal/")
        assert slug_url("events:event_detail", "webinar") == "/portaal/bijeenkomsten/webinar/"
    finally:
        set_script_prefix("/")
