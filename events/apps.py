from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Bijeenkomsten")

    def ready(self):
        # Every content table renews the content generation (events/generation.py); after
        # every migrate, so that a table rebuilt by a migration or a new model gets them too.
        from events.generation import install_triggers

        post_migrate.connect(install_triggers, sender=self, dispatch_uid="events.generation")

        # Themes are django-taggit's tags: each is saved with a slug its pages can use.
        from django.db.models.signals import pre_save
        from taggit.models import Tag

        from events.slugs import give_theme_a_slug_on_save

        pre_save.connect(give_theme_a_slug_on_save, sender=Tag, dispatch_uid="events.slugs.theme")
