"""``manage.py update_search_index``: index everything the search backlog holds, now."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from insights.search.backlog import catch_up
from insights.search.models import SearchBacklog

STEP = 500


class Command(BaseCommand):
    help = _(
        "Indexeert wat sinds de laatste keer is gewijzigd (de wachtrij van de zoekindex), "
        "helemaal: na een grote hernoeming of een datamigratie. Zoeken en schrijven doen dit "
        "anders zelf, een stukje per keer."
    )

    def handle(self, *args, **options):
        rows = 0
        while taken := catch_up(limit=STEP, everything=True):
            rows += taken
        self.stdout.write(
            _("%(rows)d wijzigingen geïndexeerd; nog in de wachtrij: %(left)d.")
            % {"rows": rows, "left": SearchBacklog.objects.count()}
        )
