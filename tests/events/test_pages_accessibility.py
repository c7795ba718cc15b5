"""The structure every public page shares: language, landmarks, headings, labels, metadata.

What can be checked from the HTML alone is checked here for every page type (the browser
checks with axe-core and the HTML validator come with a later issue).
"""

from collections import Counter
from html.parser import HTMLParser

import pytest

from tests.test_query_counts import PAGES, world

pytestmark = pytest.mark.django_db

LANDMARKS = {"header", "nav", "main", "footer"}
CONTROLS = {"input", "select", "textarea"}


class Page(HTMLParser):
    """The parts of a page these checks need."""

    def __init__(self, markup):
        super().__init__()
        self.tags = Counter()
        self.headings = []
        self.ids = Counter()
        self.labels = set()
        self.controls = []
        self.meta = {}
        self.links = {}
        self.attribute_names = set()
        self.in_title = False
        self.title = ""
        self.html_lang = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        self.attribute_names.update(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        if tag == "label" and "for" in attrs:
            self.labels.add(attrs["for"])
        if tag in CONTROLS and attrs.get("type") not in {"hidden", "submit"}:
            self.controls.append(attrs.get("id"))
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs.get("content", "")
        if tag == "link":
            self.links[attrs.get("rel")] = attrs.get("href")
        if tag == "title":
            self.in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


@pytest.fixture
def pages(client):
    subjects = world(1)
    urls = [url for url, _ in PAGES] + [
        subjects["takeaway"].get_absolute_url(),
        "/bijeenkomsten/?jaar=abc",
        "/bijeenkomsten/?pagina=99",
        "/bestaat-niet/",
    ]
    return {url: Page(client.get(url).text) for url in urls}


def test_every_page_is_dutch_with_a_skip_link_and_landmarks(pages):
    for url, page in pages.items():
        assert page.html_lang == "nl", url
        assert page.ids["inhoud"] == 1, url
        assert set(page.tags) >= LANDMARKS, url
        assert page.tags["main"] == 1, url


def test_every_page_has_one_h1_and_headings_in_order(pages):
    for url, page in pages.items():
        assert page.headings.count(1) == 1, url
        assert page.headings[0] == 1, url
        jumps = [
            (a, b) for a, b in zip(page.headings, page.headings[1:], strict=False) if b > a + 1
        ]
        assert jumps == [], url


def test_every_form_control_has_a_label_and_every_id_is_unique(pages):
    for url, page in pages.items():
        assert all(control and control in page.labels for control in page.controls), url
        assert [name for name, count in page.ids.items() if count > 1] == [], url


def test_no_inline_script_or_style_anywhere(pages):
    for url, page in pages.items():
        assert page.tags["script"] == 0, url
        assert page.tags["style"] == 0, url
        assert "style" not in page.attribute_names, url


def test_every_page_has_its_own_title_and_description(pages):
    titles = [page.title for page in pages.values()]
    for url, page in pages.items():
        assert page.title.endswith(" · Dwarsverband"), url
        assert page.meta["description"].strip(), url
    listed = [title for url, title in zip(pages, titles, strict=True) if "?" not in url]
    assert len(set(listed)) == len(listed)


def test_canonical_links_point_at_the_page_without_its_query(pages, settings):
    for url, page in pages.items():
        if url == "/bestaat-niet/" or "pagina=99" in url:
            assert "canonical" not in page.links, url
        else:
            assert page.links["canonical"] == settings.SITE_URL + url.split("?")[0], url
