"""Template helpers for links: ``{% nav_link url label %}``, a menu link that says when it leads
to the current section, and ``{{ slug|theme_url }}``, the page of a theme."""

from django import template
from django.utils.html import format_html

from portal.links import slug_url

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


@register.filter
def theme_url(slug):
    """The page of the theme with this slug: ``{{ tag.slug|theme_url }}``."""
    return slug_url("insights:theme_detail", slug)
