"""What every template may use: ``content_version``, the generation of the content.

It changes whenever content the public sees changes (``events.listing.forget_figures``), so a
fragment cached under it (``{% cache %}`` with ``content_version`` among its keys) is never
older than the content. Read from the cache once per request, and only when a template asks.
"""

from django.utils.functional import SimpleLazyObject

from events.listing import FIGURES_TIMEOUT, figures_version


def content_version(request):
    return {
        "content_version": SimpleLazyObject(figures_version),
        "fragment_timeout": FIGURES_TIMEOUT,
    }
