"""Stable, unique slugs for anything with a public URL, themes (django-taggit's tags) included."""

from django.core.validators import slug_unicode_re
from django.utils.text import slugify

#: The slug of a theme whose name has no letter or digit to make one from (``!!!``, ``😀``).
THEME_FALLBACK = "thema"


def unique_slug(instance, text, *, field_name="slug", allow_unicode=False, fallback=None):
    """A slug for ``instance`` made from ``text``, unique within its model.

    Adds ``-2``, ``-3``, … when the plain slug is taken. Used when an editor or an import leaves
    the slug empty; an existing slug is never changed (URLs stay stable). Text without a letter
    or digit gives ``fallback`` (by default the model's name) as the plain slug.
    """
    field = instance._meta.get_field(field_name)
    base = slugify(text, allow_unicode=allow_unicode)[: field.max_length - 8].strip("-")
    base = base or fallback or instance._meta.model_name
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


def makes_theme_slug(name):
    """Whether a theme's address can be made from ``name``: it has a letter or a digit."""
    return bool(slugify(name, allow_unicode=True))


def is_usable_theme_slug(slug, *, max_length=100):
    """Whether the theme pages and filters accept ``slug``: not empty, only letters, digits,
    ``-`` and ``_``, and no longer than a theme's slug may be."""
    return bool(slug) and len(slug) <= max_length and bool(slug_unicode_re.match(slug))


def has_usable_slug(tag):
    """Whether ``tag``'s slug is one the theme pages and filters accept."""
    return is_usable_theme_slug(tag.slug, max_length=tag._meta.get_field("slug").max_length)


def give_theme_a_slug(tag):
    """Replace an unusable slug of ``tag`` with a unique one made from its name.

    django-taggit makes a theme's slug from its name: nothing at all from ``!!!`` or ``😀``
    (whose theme then broke every page linking to it), and more than its 100 characters when it
    adds ``_1`` to a long slug already taken. Such a slug becomes one made as ``unique_slug``
    makes them, with ``thema``, ``thema-2``, … for a name without letters or digits. A usable
    slug is left as it is.
    """
    if not has_usable_slug(tag):
        tag.slug = unique_slug(tag, tag.name, allow_unicode=True, fallback=THEME_FALLBACK)


def give_theme_a_slug_on_save(sender, instance, raw=False, **kwargs):
    """``pre_save`` of taggit's ``Tag``: whatever saves a theme (the admin, the importer,
    taggit's managers, the shell), it is saved with a usable slug. Tag is django-taggit's model,
    whose ``save()`` we cannot extend; this receiver derives a field of the row being saved,
    nothing more. (Writes that bypass ``save()`` meet the database's check instead.)"""
    if not raw:
        give_theme_a_slug(instance)
