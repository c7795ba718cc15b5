"""Problems and where they are: what every step reports, and how a location is written.

A problem is a location path such as ``("events", 2, "sessions", 0, "date")`` and a message;
``Validation`` collects them during the walk and ``Problem`` is what callers see, with the path
written as ``events[2].sessions[0].date``. A check that rejects a value reports a problem and
returns ``INVALID`` in its place.
"""

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self):
        return f"{self.location}: {self.message}"


class InvalidContent(Exception):
    """The file has problems; nothing was imported."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class _Invalid:
    def __repr__(self):
        return "INVALID"


INVALID = _Invalid()  # what a check returns for a value it rejected


KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def location(path):
    """``("events", 2, "sessions", 0, "date")`` → ``events[2].sessions[0].date``.

    A key that is not a plain name (an unknown key can be anything) is written as a JSON string
    in brackets, ``events[0]["ti\\u0000tle"]``, so that every location can be printed.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not KEY.fullmatch(part):
            text += f"[{shown(part)}]"
        else:
            text += f".{part}" if text else part
    return text or "top level"


def _path_order(item):
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in item[0]]


def shown(value):
    """A JSON value as it appears in a message: characters that cannot be printed as they are
    (control characters, lone surrogates) are escaped, as in JSON."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and len(value) > 60:
        value = value[:57] + "..."
    return escaped(json.dumps(value, ensure_ascii=False))


def escaped(text):
    """``text`` with every character that is not printable written as ``\\uXXXX``."""
    return "".join(
        character if character.isprintable() else _escape(character) for character in text
    )


def _escape(character):
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


class Validation:
    """Collects problems and references while the data is walked."""

    def __init__(self):
        self.problems = []  # (path, message)
        self.references = []  # (collection, slug, path)
        self.nameless_themes = []  # (name, path): theme names that make no slug

    def problem(self, path, message):
        self.problems.append((path, message))
        return INVALID

    def wrong_type(self, path, expected, value):
        return self.problem(path, f"expected {expected}, got {shown(value)}")

    def sorted_problems(self):
        ordered = sorted(self.problems, key=_path_order)
        return [Problem(location(path), message) for path, message in ordered]
