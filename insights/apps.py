from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Inzichten")

    def ready(self):
        # Database triggers keep the search backlog (insights/search/backlog.py): installed after
        # every migrate. Writes through the portal say when they are done; the index follows
        # before they commit.
        from events.signals import content_changed
        from insights.search import backlog

        backlog.connect()
        content_changed.connect(backlog.follow_content_change, dispatch_uid="insights.search")
