"""The structure every public page shares: language, landmarks, headings, labels, metadata.

What can be checked from the HTML alone is checked here for every page type (the browser
checks with axe-core and the HTML validator come with a later issue).
"""

from collections import Counter

import pytest

from tests.html import links, meta, page, select, texts
from tests.test_query_counts import PAGES, world

pytestmark = pytest.mark.django_db

LANDMARKS = ["header", "nav", "main", "footer"]
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


@pytest.fixture
def pages(client):
    subjects = world(1)
    urls = [url for url, _ in PAGES] + [
        subjects["takeaway"].get_absolute_url(),
        "/bijeenkomsten/?jaar=abc",
        "/bijeenkomsten/?pagina=99",
        "/bestaat-niet/",
    ]
    return {url: client.get(url) for url in urls}


def test_every_page_is_dutch_with_a_skip_link_and_landmarks(pages):
    for url, response in pages.items():
        assert page(response).get("lang") == "nl", url
        assert links(response, "a.skip-link") == ["#inhoud"], url
        assert [element.tag for element in select(response, "#inhoud")] == ["main"], url
        assert all(select(response, landmark) for landmark in LANDMARKS), url
        assert len(select(response, "main")) == 1, url


def test_every_page_has_one_h1_and_headings_in_order(pages):
    for url, response in pages.items():
        headings = [int(heading.tag[1]) for heading in page(response).iter(*HEADINGS)]
        assert headings.count(1) == 1, url
        assert headings[0] == 1, url
        jumps = [(a, b) for a, b in zip(headings, headings[1:], strict=False) if b > a + 1]
        assert jumps == [], url


def test_every_form_control_has_a_label_and_every_id_is_unique(pages):
    for url, response in pages.items():
        labels = set(page(response).xpath("//label/@for"))
        controls = [
            control.get("id")
            for control in select(response, "input, select, textarea")
            if control.get("type") not in {"hidden", "submit"}
        ]
        assert all(control and control in labels for control in controls), url
        ids = Counter(page(response).xpath("//@id"))
        assert [name for name, count in ids.items() if count > 1] == [], url


def test_no_inline_script_or_style_anywhere(pages):
    for url, response in pages.items():
        assert select(response, "script, style, [style]") == [], url


def test_every_page_has_its_own_title_and_description(pages):
    titles = {}
    for url, response in pages.items():
        [title] = texts(response, "title")
        assert title.endswith(" · Dwarsverband"), url
        assert meta(response, "description").strip(), url
        titles[url] = title
    listed = [title for url, title in titles.items() if "?" not in url]
    assert len(set(listed)) == len(listed)


def test_canonical_links_point_at_the_page_without_its_query(pages, settings):
    for url, response in pages.items():
        canonical = links(response, 'link[rel="canonical"]')
        if url == "/bestaat-niet/" or "pagina=99" in url:
            assert canonical == [], url
        else:
            assert canonical == [settings.SITE_URL + url.split("?")[0]], url
