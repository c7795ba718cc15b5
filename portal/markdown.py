"""Editors write Markdown; readers get sanitised HTML.

Markdown (Python-Markdown) turns text into HTML, then nh3 keeps only a small set of tags and
attributes: nothing an editor types (a <script>, an onclick, a javascript: link) reaches a page.
"""

from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=2048)
def _render(text):
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text):
    """Safe HTML for a Markdown ``text`` (empty string for empty input)."""
    if not text:
        return mark_safe("")  # noqa: S308
    return mark_safe(_render(str(text)))  # noqa: S308 - sanitised by nh3 above


def plain_text(text):
    """The words of a Markdown ``text`` without any markup (for meta descriptions, snippets)."""
    if not text:
        return ""
    return " ".join(nh3.clean(_render(str(text)), tags=set()).split())
