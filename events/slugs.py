"""Stable, unique slugs for anything with a public URL."""

from django.utils.text import slugify


def unique_slug(instance, text, *, field_name="slug"):
    """A slug for ``instance`` made from ``text``, unique within its model.

    Adds ``-2``, ``-3``, … when the plain slug is taken. Used when an editor or an import leaves
    the slug empty; an existing slug is never changed (URLs stay stable).
    """
    field = instance._meta.get_field(field_name)
    base = slugify(text)[: field.max_length - 8].strip("-") or instance._meta.model_name
    queryset = type(instance)._default_manager.exclude(pk=instance.pk)
    taken = set(
        queryset.filter(**{f"{field_name}__startswith": base}).values_list(field_name, flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class SluggedMixin:
    """Fill an empty ``slug`` from ``slug_source`` on save."""

    slug_source = "name"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)
