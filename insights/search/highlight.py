"""Snippets with the matching words marked, safe to put on a page.

The text is escaped first and marked afterwards, so nothing from the content is ever HTML.
PostgreSQL marks words with ``ts_headline`` using private-use characters as markers (which
``text.clean`` removes from indexed text, so content cannot forge them); ``marked_html`` turns
them into ``<mark>``. On SQLite the index holds stems, not the text, so ``mark_words`` finds the
words in Python, with the same folding and stemming.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from insights.search import text
from insights.search.query import AnyOf, Phrase

MARK_START, MARK_END = "\ue000", "\ue001"
SNIPPET_WORDS = 35
MIN_COMPOUND_REST = 3
CONTEXT_WORDS = 3


def marked_html(marked):
    """Safe HTML for ``marked`` text, whose matches sit between ``MARK_START`` and ``MARK_END``."""
    html = escape(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own <mark> tags added


def plain_snippet(content, *, words=SNIPPET_WORDS):
    """The beginning of ``content``, escaped (for results without a query to mark)."""
    return marked_html(Truncator(content).words(words, truncate=" …"))


def mark_words(content, query, *, words=SNIPPET_WORDS):
    """The part of ``content`` with the most matches of ``query``, matches marked."""
    stems, prefixes = _terms(query)
    tokens = list(text.WORD.finditer(content))
    if not tokens:
        return marked_html("")
    hits = [_matches(text.fold(token.group()), stems, prefixes) for token in tokens]
    start = _best_window(hits, words)
    window = tokens[start : start + words]
    pieces, position = [], window[0].start() if start else 0
    for token, hit in zip(window, hits[start : start + words], strict=True):
        pieces.append(content[position : token.start()])
        pieces.append(f"{MARK_START}{token.group()}{MARK_END}" if hit else token.group())
        position = token.end()
    if start + words < len(tokens):
        pieces.append(" …")
    else:
        pieces.append(content[position:])
    snippet = "".join(pieces)
    return marked_html(f"… {snippet}" if start > 0 else snippet)


def _terms(query):
    """The stems to mark and the stems to mark as prefixes (the query's positive words)."""
    stems, prefixes = set(), set()
    items = list(query.required)
    while items:
        item = items.pop()
        if isinstance(item, AnyOf):
            items.extend(item.options)
        elif isinstance(item, Phrase):
            items.extend(item.words)
        else:
            (prefixes if item.prefix else stems).add(item.stem)
    return stems, prefixes


def _matches(word, stems, prefixes):
    stem = text.stem(word)
    if stem in stems or any(stem.startswith(prefix) for prefix in prefixes):
        return True
    # A compound with a matching part ("netwerksamenwerking" for "samenwerking").
    return any(
        len(word) >= len(part) + MIN_COMPOUND_REST and part in word for part in stems | prefixes
    )


def _best_window(hits, size):
    """Where to start a ``size``-token window: a few tokens before the first match of the
    window with the most matches (the start of the text when nothing matches)."""
    best_start, best, current = 0, sum(hits[:size]), sum(hits[:size])
    for start in range(1, max(len(hits) - size + 1, 1)):
        current += hits[start + size - 1] - hits[start - 1]
        if current > best:
            best_start, best = start, current
    if not best:
        return 0
    first_match = hits.index(True, best_start)
    return max(0, first_match - CONTEXT_WORDS)
