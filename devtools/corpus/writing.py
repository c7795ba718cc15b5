"""Dutch-looking text for the synthetic corpus, written from the vocabulary.

A ``Writer`` fills templates such as ``"Samenwerking tussen {party} en {other_party} vraagt om
{ingredient}."``: each ``{slot}`` is drawn from the vocabulary with the writer's own
``random.Random``, so the same seed writes the same text. A slot used twice in one template gets
the same value; ``{other_x}`` is an ``{x}`` that differs from the one already chosen.
"""

import re

from devtools.corpus import vocabulary as words
from devtools.corpus.sampling import between, pick

_SLOT = re.compile(r"\{(\w+)\}")
_OTHER = "other_"
_PLACE_SLOTS = ("city", "region", "province")


def infinitive(action):
    """``"oude werkwijzen los|laten"`` -> ``"oude werkwijzen loslaten"``."""
    return action.replace("|", "")


def with_te(action):
    """``"los|laten"`` -> ``"los te laten"``; ``"data delen"`` -> ``"data te delen"``."""
    if "|" in action:
        return " ".join(action.replace("|", " te ").split())
    head, _, verb = action.rpartition(" ")
    return f"{head} te {verb}" if head else f"te {verb}"


def capitalise(text):
    return text[:1].upper() + text[1:]


# Which place an organisation's name pattern names, if any ("Welzijn {city}": "city").
_PLACE_NAMED = {
    pattern: next((slot for slot in _SLOT.findall(pattern) if slot in _PLACE_SLOTS), None)
    for patterns in words.ORGANISATION_PATTERNS.values()
    for pattern in patterns
}
_ACTIONS = tuple((infinitive(action), with_te(action)) for action in words.ACTIONS)
_COMPOUNDS = tuple(f"{article} {word}" for article, word in words.COMPOUNDS)

_SURNAMES = words.SURNAMES_NL + words.SURNAMES_BE

# The words each slot is drawn from (besides "city" and "region", which the corpus provides).
_SLOT_WORDS = {
    "party": words.PARTIES,
    "group": words.GROUPS,
    "residents": words.RESIDENTS,
    "topic": words.TOPICS,
    "ingredient": words.INGREDIENTS,
    "obstacle": words.OBSTACLES,
    "goal": words.GOALS,
    "place": words.PLACES,
    "result": words.RESULTS,
    "rare": words.RARE_WORDS,
    "the_compound": _COMPOUNDS,
    "subject": words.TITLE_SUBJECTS,
    "slogan": words.SLOGANS,
    "audience": words.TITLE_AUDIENCES,
    "count": tuple(str(number) for number in range(12, 251)),
}

# A takeaway may hold at most 500 characters (Takeaway.text).
MAX_TAKEAWAY_LENGTH = 500


class Writer:
    """Writes titles, takeaways, summaries and names, drawing every choice from ``rng``.

    ``cities`` and ``regions`` are the names of municipalities and of regions across
    municipalities that the corpus has, for phrases such as "De casus uit Zwolle".
    """

    def __init__(self, rng, *, cities, regions):
        self.rng = rng
        self._words = {**_SLOT_WORDS, "city": tuple(cities), "region": tuple(regions)}

    # Filling templates ---------------------------------------------------------------------

    def fill(self, template, **given):
        """``template`` with the ``given`` slot values and the other slots drawn, capitalised."""
        return capitalise(template.format_map(_Slots(self, given)))

    def draw(self, name, chosen):
        """Draw slot ``name`` (and the slots that go with it) into the dict ``chosen``."""
        if name in ("action", "action_te"):
            chosen["action"], chosen["action_te"] = pick(self.rng, _ACTIONS)
        elif name in ("change_from", "change_to"):
            chosen["change_from"], chosen["change_to"] = pick(self.rng, words.CHANGES)
        elif name.startswith(_OTHER):
            base = name[len(_OTHER) :]
            if base not in chosen:
                self.draw(base, chosen)
            value = pick(self.rng, self._words[base])
            while value == chosen[base]:
                value = pick(self.rng, self._words[base])
            chosen[name] = value
        else:
            chosen[name] = pick(self.rng, self._words[name])

    # Content -------------------------------------------------------------------------------

    def takeaway(self):
        """One or two sentences, at most ``MAX_TAKEAWAY_LENGTH`` characters."""
        text = self.fill(pick(self.rng, words.TAKEAWAY_TEMPLATES))
        if self.rng.random() < 0.5:
            text = f"{text} {self.fill(pick(self.rng, words.FOLLOW_UPS))}"
        return text[:MAX_TAKEAWAY_LENGTH]

    def sentences(self, count):
        return " ".join(self.fill(pick(self.rng, words.TAKEAWAY_TEMPLATES)) for _ in range(count))

    def summary(self, *, reference):
        return self.fill(pick(self.rng, words.SUMMARY_TEMPLATES), reference=reference)

    def body(self):
        """Two to four paragraphs of Markdown."""
        paragraphs = [f"{self.fill(pick(self.rng, words.BODY_OPENINGS))} {self.sentences(2)}"]
        for _ in range(between(self.rng, 1, 3)):
            paragraphs.append(self.sentences(between(self.rng, 2, 4)))
        return "\n\n".join(paragraphs)

    def event_title(self, *, kind_slug, kind_name, year, subject):
        templates = words.TITLE_TEMPLATES.get(kind_slug, words.GENERIC_TITLE_TEMPLATES)
        return self.fill(pick(self.rng, templates), kind=kind_name, year=str(year), subject=subject)

    def subject(self):
        return pick(self.rng, words.TITLE_SUBJECTS)

    def session_title(self, *, subject):
        return self.fill(pick(self.rng, words.SESSION_TITLES), subject=subject)

    def series_name(self, *, subject):
        return self.fill(pick(self.rng, words.SERIES_TEMPLATES), subject=subject)

    def publication_title(self, *, kind, person):
        return self.fill(pick(self.rng, words.PUBLICATION_TITLES[kind]), person=person)

    def organisation_name(self, *, kind, city, region, province):
        """The name, and which of ``"city"``, ``"region"`` or ``"province"`` it names (or None)."""
        pattern = pick(self.rng, words.ORGANISATION_PATTERNS[kind])
        name = self.fill(
            pattern,
            city=city,
            region=region,
            province=province,
            house=pick(self.rng, words.HOUSE_NAMES),
            surname=capitalise(pick(self.rng, _SURNAMES)),
            subject=pick(self.rng, words.ORGANISATION_SUBJECTS),
        )
        return name, _PLACE_NAMED[pattern]

    def organisation_description(self, name):
        return self.fill(pick(self.rng, words.ORGANISATION_DESCRIPTIONS), name=name)

    def person_bio(self, *, name, function):
        return self.fill(pick(self.rng, words.PERSON_BIOS), name=name, function=function)

    def series_description(self, *, subject):
        return self.fill(pick(self.rng, words.SERIES_DESCRIPTIONS), subject=subject)

    def person_name(self, country):
        if country == "BE":
            first, last = words.FIRST_NAMES_BE, words.SURNAMES_BE
        else:
            first, last = words.FIRST_NAMES_NL, words.SURNAMES_NL
        return f"{pick(self.rng, first)} {pick(self.rng, last)}"

    def function(self):
        return pick(self.rng, words.FUNCTIONS)

    def location(self, city):
        return f"{pick(self.rng, words.VENUES)}, {city}"

    def audience(self):
        return pick(self.rng, words.AUDIENCES)


class _Slots(dict):
    """Slot values for ``str.format_map``: given ones, and the rest drawn when first used."""

    def __init__(self, writer, given):
        super().__init__(given)
        self.writer = writer

    def __missing__(self, name):
        self.writer.draw(name, self)
        return self[name]
