"""``{% canonical_url %}``: the one address search engines should keep for this page."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context, path=None):
    """``SITE_URL`` plus the path of this page (or ``path``), without the query string."""
    request = context.get("request")
    if path is None:
        path = request.path if request is not None else "/"
    return f"{settings.SITE_URL}{path}"
