"""``{% event_date event %}`` and ``{% publication_date publication %}``: dates as readers see them.

Tags rather than includes because cards show them in long loops; a date is formatted once per
language (``date_format`` looks up the locale's formats and month names every time).
"""

from functools import lru_cache

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

register = template.Library()


def _time(value):
    return _formatted(value, get_language())


@lru_cache(maxsize=4096)
def _formatted(value, language):
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "j F Y")
    )


@register.simple_tag
def event_date(event):
    """One day, a range of days, or "datum onbekend"."""
    if event.start_date and event.end_date and event.end_date != event.start_date:
        return format_html("{} – {}", _time(event.start_date), _time(event.end_date))
    if event.date:
        return _time(event.date)
    return gettext("datum onbekend")


@register.simple_tag
def publication_date(publication):
    """The date it appeared, "vastgelegd op" a date when that is only when it was captured."""
    if publication.published_on is None:
        return gettext("datum onbekend")
    if publication.source_date_is_capture:
        return format_html("{} {}", gettext("vastgelegd op"), _time(publication.published_on))
    return _time(publication.published_on)
