"""Our query syntax, parsed into one structure that both databases turn into their own query.

The syntax people know from web search:

- plain words: all must match (``samenwerking wonen``); the last one also matches as a prefix
  while it is being typed (``meerpartij`` finds "meerpartijensamenwerking"), unless it is a
  word the portal knows (see ``ParsedQuery.completed``);
- ``"exacte zin"``: the words in this order;
- ``-woord`` or ``-"zin"``: leave out what contains it;
- ``OR`` / ``OF`` (upper case) between two terms: either will do.

Anything else is a plain word: punctuation separates words, unknown operators are ignored and
no input is an error. Stop words are left out of a query that has other words ("zonder subsidie"
searches for "subsidie"); a query of only stop words ("niet meer") searches for them.
"""

import re
from dataclasses import dataclass, replace

from insights.search import text

MAX_TERMS = 16
MIN_PREFIX_LENGTH = 3
_OR = {"OR", "OF"}
_OR_MARK = object()
# A quoted phrase (also unclosed), a word-like chunk, or a lone quote.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Word:
    """One folded word; ``prefix`` when it also matches longer words."""

    word: str
    prefix: bool = False

    @property
    def stem(self):
        return text.stem(self.word)

    @property
    def is_stop_word(self):
        return text.is_stop_word(self.word)

    def __str__(self):
        return self.word


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other."""

    words: tuple

    def __str__(self):
        return '"' + " ".join(word.word for word in self.words) + '"'


@dataclass(frozen=True)
class AnyOf:
    """Alternatives (``OR``/``OF``, or a set of synonyms): one of them must match."""

    options: tuple

    def __str__(self):
        return "(" + " OF ".join(str(option) for option in self.options) + ")"


@dataclass(frozen=True)
class Synonyms:
    """Where a synonym set widened the query: what was typed, and what it also searched for."""

    typed: str
    alternatives: tuple


@dataclass(frozen=True)
class ParsedQuery:
    """All of ``required`` must match and none of ``excluded``.

    ``required`` holds ``Word``, ``Phrase`` and ``AnyOf``; ``excluded`` holds ``Word`` and
    ``Phrase``. The rest says what happened to the query, for the page to explain.
    """

    required: tuple = ()
    excluded: tuple = ()
    ignored_stop_words: tuple = ()
    synonyms: tuple = ()
    cut: bool = False

    @property
    def is_empty(self):
        return not self.required

    @property
    def title_key(self):
        """The title key (see ``text.title_key``) when the query is only plain words."""
        if not all(isinstance(item, Word) for item in self.required):
            return ""
        return text.title_key([item.word for item in self.required])

    def completed(self, known_words):
        """This query with the last word as typed, not as a prefix, if it is in ``known_words``.

        A whole word needs no prefix search: it would only add the longer words that start with
        it, and make the search slower.
        """
        if not self.required:
            return self
        last = self.required[-1]
        if not (isinstance(last, Word) and last.prefix and last.word in known_words):
            return self
        return replace(self, required=(*self.required[:-1], replace(last, prefix=False)))

    def plain_words(self):
        """The folded words the query asks for (for spelling suggestions)."""
        found = []
        for item in self.required:
            for option in item.options if isinstance(item, AnyOf) else (item,):
                found.extend(option.words if isinstance(option, Phrase) else (option,))
        return tuple(dict.fromkeys(word.word for word in found))

    def __str__(self):
        parts = [str(item) for item in self.required]
        parts += [f"-{item}" for item in self.excluded]
        return " ".join(parts)


def parse(query_string, *, synonyms=None):
    """Parse ``query_string`` (any text at all) into a ``ParsedQuery``.

    ``synonyms`` (a ``synonyms.SynonymTable``) widens terms that have synonyms.
    """
    tokens, cut = _tokens(query_string or "")
    required, excluded = _with_alternatives(tokens)
    used = ()
    if synonyms is not None:
        required, used = synonyms.expand(required)
    required, ignored = _without_stop_words(required)
    return ParsedQuery(
        required=tuple(required),
        excluded=tuple(excluded),
        ignored_stop_words=ignored,
        synonyms=tuple(used),
        cut=cut,
    )


def _tokens(query_string):
    """(negated, item or ``OR``) pairs, at most ``MAX_TERMS`` terms, and whether some were cut."""
    tokens, terms, cut = [], 0, False
    for match in _TOKEN.finditer(query_string):
        phrase_minus, phrase, word_minus, chunk = match.groups()
        if chunk in _OR:
            tokens.append((False, _OR_MARK))
            continue
        found = text.words(phrase if phrase is not None else chunk)
        if not found:
            continue
        if terms == MAX_TERMS:
            cut = True
            break
        terms += 1
        if phrase is None and len(found) == 1:
            item = Word(found[0])
        else:  # a quoted phrase, or a chunk such as "zorg-welzijn" that holds several words
            item = Phrase(tuple(Word(word) for word in found))
        tokens.append((bool(phrase_minus or word_minus), item))
    return tokens, cut


def _with_alternatives(tokens):
    """Required and excluded terms; required terms on both sides of ``OR`` become ``AnyOf``.

    An ``OR`` that does not stand between two required terms is ignored.
    """
    required, excluded = [], []
    previous_required, join_next = False, False
    for negated, item in tokens:
        if item is _OR_MARK:
            join_next = previous_required
            continue
        if negated:
            excluded.append(item)
        elif join_next:
            previous = required.pop()
            options = previous.options if isinstance(previous, AnyOf) else (previous,)
            required.append(AnyOf((*options, item)))
        else:
            required.append(item)
        previous_required, join_next = not negated, False
    return required, excluded


def _without_stop_words(required):
    """Leave out plain stop words unless nothing else is left; the last plain word is a prefix."""
    stop = [item for item in required if isinstance(item, Word) and item.is_stop_word]
    if len(stop) == len(required):
        return required, ()
    required = [item for item in required if item not in stop]
    last = required[-1]
    if isinstance(last, Word) and len(last.word) >= MIN_PREFIX_LENGTH:
        required[-1] = replace(last, prefix=True)
    return required, tuple(dict.fromkeys(item.word for item in stop))
