"""Synonyms and abbreviations, kept by editors (``SynonymSet``) and applied at query time.

A query term that matches one of a set's terms (also several words: "Integraal Zorgakkoord")
becomes an alternative of all the set's terms, so IZA finds Integraal Zorgakkoord and the other
way round. Terms are compared by their stems, so "integrale zorgakkoorden" matches too.

The table is read from the cache, kept under the content generation (events/generation.py):
a search does not pay a query for it, and any change to the synonym sets, however it is made,
applies to the very next search in every process.
"""

from django.core.cache import cache

from events import generation
from insights.models import SynonymSet
from insights.search import text
from insights.search.query import AnyOf, Phrase, Synonyms, Word

CACHE_KEY = "search:synonyms:{generation}"
CACHE_SECONDS = 3600


class SynonymTable:
    """Synonym sets, each a tuple of terms, each term a tuple of folded words."""

    def __init__(self, sets):
        self.sets = [tuple(term for term in terms if term) for terms in sets]
        self._by_stems = {}
        for index, terms in enumerate(self.sets):
            for term in terms:
                self._by_stems.setdefault(_stems(term), index)
        self._longest = max((len(key) for key in self._by_stems), default=0)

    def expand(self, required):
        """``required`` query items with synonym alternatives, and the ``Synonyms`` used."""
        result, used, position = [], [], 0
        while position < len(required):
            found, typed = self._match(required, position)
            if found is None:
                result.append(required[position])
                position += 1
                continue
            terms = self.sets[found]
            result.append(AnyOf(tuple(_item(term) for term in terms)))
            others = [term for term in terms if _stems(term) != _stems(typed)]
            used.append(Synonyms(" ".join(typed), tuple(" ".join(term) for term in others)))
            position += 1 if isinstance(required[position], Phrase) else len(typed)
        return result, used

    def _match(self, required, position):
        """The set matching at ``position`` (a phrase, or the longest run of plain words)."""
        item = required[position]
        if isinstance(item, Phrase):
            typed = tuple(word.word for word in item.words)
            return self._by_stems.get(_stems(typed)), typed
        run = []
        for item in required[position : position + self._longest]:
            if not isinstance(item, Word):
                break
            run.append(item.word)
        for length in range(len(run), 0, -1):
            found = self._by_stems.get(_stems(run[:length]))
            if found is not None:
                return found, tuple(run[:length])
        return None, ()


def _stems(words):
    return tuple(text.stem(word) for word in words)


def _item(term):
    words = tuple(Word(word) for word in term)
    return words[0] if len(words) == 1 else Phrase(words)


def table():
    """The current ``SynonymTable`` (cached; see the module's docstring)."""
    key = CACHE_KEY.format(generation=generation.current())
    sets = cache.get(key)
    if sets is None:
        sets = [
            [tuple(text.words(term)) for term in synonym_set.term_list()]
            for synonym_set in SynonymSet.objects.all()
        ]
        cache.set(key, sets, CACHE_SECONDS)
    return SynonymTable(sets)
