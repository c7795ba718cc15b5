"""Checks: the building blocks the schema is made of.

A check takes (value, path, validation) and returns the cleaned value, or ``INVALID`` after
reporting a problem at ``path``. Here are the checks for single values (strings as long as a
model field allows, slugs, dates, choices, references to a top-level collection), lists with what
may not occur twice in them (``Unique``), and ``Shape``: an object with a table of ``Key``s.
References are only collected here; whether they exist is checked by ``validation``.
"""

import difflib
import json
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from events.models import Domain, Event, EventKind, Organisation, Person, Region, Series
from events.slugs import makes_theme_slug
from insights.importing.problems import INVALID, escaped, location, shown

# Checks for single values ----------------------------------------------------------------------
# A check takes (value, path, validation) and returns the cleaned value, or INVALID after
# reporting a problem.


@dataclass(frozen=True)
class Collection:
    model: type
    label: str


# The top-level lists other objects refer to by slug.
COLLECTIONS = {
    "domains": Collection(Domain, "domain"),
    "event_kinds": Collection(EventKind, "event kind"),
    "regions": Collection(Region, "region"),
    "organisations": Collection(Organisation, "organisation"),
    "people": Collection(Person, "person"),
    "series": Collection(Series, "series"),
    "events": Collection(Event, "event"),
}

SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what Django's SlugField accepts
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")
SURROGATE = re.compile("[\ud800-\udfff]")  # what JSON's "\\ud800" gives: not a character


def string(*, max_length=None, required=False):
    def check(value, path, v):
        if not isinstance(value, str):
            return v.wrong_type(path, "a string", value)
        if "\x00" in value:
            return v.problem(path, "holds a NUL character (\\u0000), which no text may hold")
        if surrogate := SURROGATE.search(value):
            return v.problem(
                path,
                f"holds a lone surrogate ({escaped(surrogate[0])}), which is not a character",
            )
        if required and not value.strip():
            return v.problem(path, "must not be empty")
        if max_length is not None and len(value) > max_length:
            return v.problem(path, f"is {len(value)} characters long, at most {max_length} allowed")
        return value

    return check


def text(model, name):
    """A string as long and as required as the model field ``name``."""
    model_field = model._meta.get_field(name)
    return string(max_length=model_field.max_length, required=not model_field.blank)


def url(model, name):
    check_string = string(max_length=model._meta.get_field(name).max_length)
    validate_url = URLValidator()

    def check(value, path, v):
        value = check_string(value, path, v)
        if value in (INVALID, ""):
            return value
        try:
            validate_url(value)
        except ValidationError:
            return v.problem(path, f"{shown(value)} is not a URL")
        return value

    return check


def whole(minimum, maximum):
    def check(value, path, v):
        if type(value) is not int:
            return v.wrong_type(path, "a whole number", value)
        if value < minimum:
            return v.problem(path, f"{value} is less than {minimum}")
        if value > maximum:
            return v.problem(path, f"{value} is more than {maximum}")
        return value

    return check


def boolean(value, path, v):
    if not isinstance(value, bool):
        return v.wrong_type(path, "true or false", value)
    return value


def a_date(value, path, v):
    if not isinstance(value, str):
        return v.wrong_type(path, 'a date ("YYYY-MM-DD")', value)
    if DATE.fullmatch(value):
        with suppress(ValueError):
            return date.fromisoformat(value)
    return v.problem(path, f"{shown(value)} is not a date")


def a_moment(value, path, v):
    if not isinstance(value, str):
        return v.wrong_type(path, 'a date and time ("YYYY-MM-DDTHH:MM:SS+00:00")', value)
    moment = None
    if MOMENT.fullmatch(value):
        with suppress(ValueError):
            moment = datetime.fromisoformat(value)
    if moment is None:
        return v.problem(path, f"{shown(value)} is not a date and time")
    if moment.tzinfo is None:
        return v.problem(path, f"{shown(value)} has no UTC offset (such as +00:00)")
    try:
        moment.astimezone(UTC)  # as it is stored
    except OverflowError:
        return v.problem(path, f"{shown(value)} is out of range: it cannot be expressed in UTC")
    return moment


def one_of(choices):
    values = list(choices.values)
    allowed = ", ".join(json.dumps(value) for value in values)

    def check(value, path, v):
        if not isinstance(value, str):
            return v.wrong_type(path, "a string", value)
        if value not in values:
            return v.problem(path, f"{shown(value)} is not one of {allowed}")
        return value

    return check


def exactly(expected):
    def check(value, path, v):
        if type(value) is not type(expected) or value != expected:
            return v.wrong_type(path, json.dumps(expected), value)
        return value

    return check


def slug_of(model):
    max_length = model._meta.get_field("slug").max_length

    def check(value, path, v):
        if not isinstance(value, str):
            return v.wrong_type(path, "a slug", value)
        if not SLUG.fullmatch(value):
            return v.problem(
                path, f"{shown(value)} is not a slug (only letters, digits, - and _ are allowed)"
            )
        if len(value) > max_length:
            return v.problem(path, f"is {len(value)} characters long, at most {max_length} allowed")
        return value

    return check


def reference(collection):
    """The slug of an object in ``collection``; whether it exists is checked after the walk."""
    check_slug = slug_of(COLLECTIONS[collection].model)

    def check(value, path, v):
        value = check_slug(value, path, v)
        if value is not INVALID:
            v.references.append((collection, value, path))
        return value

    return check


def optional(check):
    """``check``, or null."""

    def check_optional(value, path, v):
        return None if value is None else check(value, path, v)

    return check_optional


@dataclass(frozen=True)
class Unique:
    """What may not occur twice in a list: ``key`` of an item, reported at ``at`` in the item."""

    key: Callable
    label: Callable = shown
    at: tuple = ()


def list_of(check, *, unique=None):
    def check_list(value, path, v):
        if not isinstance(value, list):
            return v.wrong_type(path, "a list", value)
        items = [check(item, (*path, index), v) for index, item in enumerate(value)]
        if unique:
            _report_duplicates(items, path, unique, v)
        return items

    return check_list


def _report_duplicates(items, path, unique, v):
    first = {}
    for index, item in enumerate(items):
        key = INVALID if item is INVALID else unique.key(item)
        if key is INVALID or (isinstance(key, tuple) and INVALID in key):
            continue
        here = (*path, index, *unique.at)
        if key in first:
            v.problem(here, f"duplicate {unique.label(item)} (first at {location(first[key])})")
        else:
            first[key] = here


NON_EMPTY = string(required=True)


def theme(check_name):
    """A theme name checked by ``check_name``; one without a letter or digit makes no address
    for a new theme's page, so it must name a theme in the database (checked after the walk)."""

    def check(value, path, v):
        value = check_name(value, path, v)
        if value is not INVALID and not makes_theme_slug(value):
            v.nameless_themes.append((value, path))
        return value

    return check


def term(value, path, v):
    value = NON_EMPTY(value, path, v)
    if value is INVALID:
        return value
    if value.splitlines() != [value]:
        return v.problem(path, f"{shown(value)} contains a line break")
    if value != value.strip():
        return v.problem(path, f"{shown(value)} has spaces at the start or end")
    return value


def terms(model, name):
    """At least two terms, stored one per line in the text field ``name``, as long as it allows."""
    max_length = model._meta.get_field(name).max_length

    def check(value, path, v):
        items = list_of(term)(value, path, v)
        if items is INVALID:
            return items
        if len(items) < 2:
            return v.problem(path, "needs at least two terms")
        length = len("\n".join(item for item in items if item is not INVALID))
        if length > max_length:
            return v.problem(
                path,
                f"are {length} characters long, one per line, at most {max_length} allowed",
            )
        return items

    return check


# Objects: the table of keys --------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    name: str
    check: Callable
    required: bool = False
    default: object = None


class Shape:
    """An object with these keys; ``checks`` look at several keys of the cleaned object."""

    def __init__(self, *keys, checks=()):
        self.keys = {key.name: key for key in keys}
        self.checks = checks

    def __call__(self, value, path, v):
        if not isinstance(value, dict):
            return v.wrong_type(path, "an object", value)
        for name in getattr(value, "repeated", ()):
            v.problem((*path, name), "appears more than once in this object")
        for name in value:
            if name not in self.keys:
                v.problem((*path, name), self._unknown(name))
        cleaned = {}
        for name, key in self.keys.items():
            if name in value:
                cleaned[name] = key.check(value[name], (*path, name), v)
            elif key.required:
                cleaned[name] = v.problem((*path, name), "required key is missing")
            else:
                cleaned[name] = key.default
        for check in self.checks:
            check(cleaned, path, v)
        return cleaned

    def _unknown(self, name):
        close = difflib.get_close_matches(name, self.keys, n=1, cutoff=0.75)
        return f'unknown key (did you mean "{close[0]}"?)' if close else "unknown key"
