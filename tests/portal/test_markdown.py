import pytest

from portal.markdown import plain_text, render_markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
        '<p style="color:red" onmouseover="x()">tekst</p>',
        "<iframe src='https://example.org'></iframe>",
        '<svg onload="alert(1)"></svg>',
    ],
)
def test_nothing_executable_an_editor_types_reaches_the_page(hostile):
    html = render_markdown(hostile).lower()
    for forbidden in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "onmouseover",
        "javascript:",
        "<iframe",
        "<svg",
        "style=",
    ):
        assert forbidden not in html


def test_markdown_becomes_html():
    assert render_markdown("Vertrouwen **kost** tijd.\n\n- een\n- twee") == (
        "<p>Vertrouwen <strong>kost</strong> tijd.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"
    )


def test_links_are_kept_and_marked_external():
    html = render_markdown("[Platform31](https://www.platform31.nl)")
    assert 'href="https://www.platform31.nl"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_plain_text_drops_markup_and_empty_input_gives_nothing():
    assert plain_text("Een *gedeelde* taal\n\nhelpt.") == "Een gedeelde taal helpt."
    assert render_markdown("") == ""
    assert plain_text(None) == ""
