from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Bijeenkomsten")

    def ready(self):
        # Themes are django-taggit's tags: each is saved with a slug its pages can use.
        from django.db.models.signals import pre_save
        from taggit.models import Tag

        from events.slugs import give_theme_a_slug_on_save

        pre_save.connect(give_theme_a_slug_on_save, sender=Tag, dispatch_uid="events.slugs.theme")
