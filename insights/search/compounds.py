"""Splitting Dutch compounds into words the portal already knows.

Dutch glues words together ("netwerksamenwerking") and stemmers don't take them apart. At
indexing time each long word is split into parts from the portal's own vocabulary, optionally
joined by the linking -s- or -en- ("samenwerking-s-verband", "partij-en-overleg"). The index
adds the parts with a lower weight than the whole word, so "samenwerking" finds
"netwerksamenwerking" while an item that says "samenwerking" itself ranks above it.

A word is split only when its parts are, on average, more common than the word itself (the
geometric mean of their frequencies, after Koehn and Knight, 2003): "samenwerking" is common
and stays whole; "netwerksamenwerking" is rare and splits into "netwerk" and "samenwerking".
"""

import math

MIN_PART = 4
MAX_PARTS = 4
LINKS = ("", "s", "en")


class Splitter:
    """Splits folded words using ``vocabulary``, a mapping of folded word → frequency."""

    # Shorter words have no two parts.
    shortest = 2 * MIN_PART

    def __init__(self, vocabulary):
        self.vocabulary = vocabulary
        self._cache = {}

    def parts(self, word):
        """The known words inside ``word`` (its parts and known runs of parts), or ()."""
        if word not in self._cache:
            self._cache[word] = self._parts(word)
        return self._cache[word]

    def _parts(self, word):
        if len(word) < self.shortest:
            return ()
        best, best_score = None, math.log(self.vocabulary.get(word, 0) or 1) - 1e-9
        for spans in self._splits(word, 0, {}):
            if len(spans) < 2:
                continue
            frequencies = [self.vocabulary[word[start:end]] for start, end in spans]
            score = sum(math.log(frequency) for frequency in frequencies) / len(spans)
            if score > best_score or (score == best_score and len(spans) < len(best)):
                best, best_score = spans, score
        if best is None:
            return ()
        return tuple(dict.fromkeys(self._known_runs(word, best)))

    def _splits(self, word, start, memo):
        """Every way to write ``word[start:]`` as known parts with linking letters between.

        Each way is a tuple of (start, end) spans of the parts.
        """
        if start in memo:
            return memo[start]
        found = []
        for end in range(start + MIN_PART, len(word) + 1):
            if not self.vocabulary.get(word[start:end]):
                continue
            if end == len(word):
                found.append(((start, end),))
                continue
            for link in LINKS:
                if word.startswith(link, end):
                    found.extend(
                        ((start, end), *rest)
                        for rest in self._splits(word, end + len(link), memo)
                        if len(rest) < MAX_PARTS
                    )
        memo[start] = found
        return found

    def _known_runs(self, word, spans):
        """The parts, and every run of adjacent parts that is itself a known word.

        For "netwerksamenwerkingsverband": netwerk, samenwerking, verband and, when known,
        samenwerkingsverband.
        """
        runs = []
        for first in range(len(spans)):
            for last in range(first, len(spans)):
                run = word[spans[first][0] : spans[last][1]]
                if run != word and (first == last or self.vocabulary.get(run)):
                    runs.append(run)
        return runs
