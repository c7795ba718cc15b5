"""What every template may use: ``content_version``, the generation of the content.

It changes with every write of content and every scheduled publication that passes
(events/generation.py), so a fragment cached under it (``{% cache %}`` with ``content_version``
among its keys) is never older than the content, in any process. Read from the database once
per request, and only when a template asks.
"""

from django.utils.functional import SimpleLazyObject

from events import generation
from events.listing import FIGURES_TIMEOUT


def content_version(request):
    return {
        "content_version": SimpleLazyObject(generation.current),
        "fragment_timeout": FIGURES_TIMEOUT,
    }
