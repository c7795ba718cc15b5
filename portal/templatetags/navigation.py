"""``{% nav_link url label %}``: a menu link that says when it leads to the current section."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url, label):
    """A link marked ``aria-current`` on its own page ("page") and below it ("true")."""
    request = context.get("request")
    path = request.path if request is not None else ""
    if path == url:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    if url != "/" and path.startswith(url):
        return format_html('<a href="{}" aria-current="true">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)
