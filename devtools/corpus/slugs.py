"""Unique slugs for many new rows at once, without a query per row."""

from django.utils.text import slugify


class SlugBook:
    """Hands out slugs for one model the way ``events.slugs.unique_slug`` does (``-2``, ``-3``,
    … when taken), keeping the slugs in memory: those already in the database and those given."""

    def __init__(self, model, field_name="slug"):
        field = model._meta.get_field(field_name)
        self._max_length = field.max_length - 8
        self._fallback = model._meta.model_name
        self._taken = set(model._default_manager.values_list(field_name, flat=True))
        self._last_number = {}

    def claim(self, text):
        base = slugify(text)[: self._max_length].strip("-") or self._fallback
        number = self._last_number.get(base, 1)
        slug = base if number == 1 else f"{base}-{number}"
        while slug in self._taken:
            number += 1
            slug = f"{base}-{number}"
        self._last_number[base] = number
        self._taken.add(slug)
        return slug
