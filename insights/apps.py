from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Inzichten")

    def ready(self):
        # Writes in events (the admin, publishing) say what changed; the search index follows.
        from events.signals import content_changed
        from insights.search.indexing import follow_content_change

        content_changed.connect(follow_content_change, dispatch_uid="insights.search.indexing")
