"""``manage.py rebuild_search_index``: index all content from scratch (see insights.search)."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from insights.search.indexing import rebuild_index


class Command(BaseCommand):
    help = _(
        "Bouwt de zoekindex opnieuw op uit alle inhoud: bijeenkomsten, sessies, inzichten, "
        "publicaties, personen en organisaties. Zoeken wacht zolang dit duurt."
    )

    def handle(self, *args, **options):
        show = self.stderr.isatty()

        def progress(total):
            return tqdm(
                total=total, disable=not show, desc=_("Indexeren"), unit=" items", file=self.stderr
            )

        started = time.monotonic()
        number = rebuild_index(progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(
            _("%(number)s items geïndexeerd in %(seconds).1f s (%(rate)s per seconde).")
            % {
                "number": number,
                "seconds": seconds,
                "rate": round(number / seconds) if seconds else number,
            }
        )
