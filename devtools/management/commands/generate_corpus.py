"""``manage.py generate_corpus --events N --seed S``: a synthetic portal for the benchmark.

See ``devtools.corpus.generate`` for what is written and how.
"""

import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from devtools.corpus import CorpusError
from devtools.corpus.generate import generate_corpus
from devtools.corpus.marking import check_wipe
from devtools.corpus.wiping import content_counts, has_content

SEARCH_INDEX_COMMAND = "rebuild_search_index"


def positive_int(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = _(
        "Vult de database met een synthetisch portaal: bijeenkomsten met ongeveer tien inzichten "
        "elk, sessies, sprekers, organisaties, regio's, thema's en publicaties. Dezelfde seed "
        "geeft dezelfde inhoud."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--events", type=positive_int, required=True, help=_("Aantal bijeenkomsten.")
        )
        parser.add_argument("--seed", type=int, default=1, help=_("Seed (standaard 1)."))
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--append",
            action="store_true",
            help=_("Toevoegen aan de inhoud die er al is."),
        )
        mode.add_argument(
            "--wipe",
            action="store_true",
            help=_(
                "Eerst het corpus wissen dat er is. Geweigerd in een database met inhoud die "
                "generate_corpus niet zelf gemaakt heeft."
            ),
        )
        parser.add_argument(
            "--yes", action="store_true", help=_("Wissen zonder om bevestiging te vragen.")
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help=_("De zoekindex niet opnieuw opbouwen na het laden."),
        )
        parser.add_argument(
            "--keep-indexes",
            action="store_true",
            help=_(
                "Databaseindexen laten staan tijdens het laden (trager op PostgreSQL; om het "
                "verschil te meten)."
            ),
        )

    def handle(self, *args, events, seed, append, wipe, yes, no_index, keep_indexes, **options):
        if not no_index and SEARCH_INDEX_COMMAND not in get_commands():
            raise CommandError(
                _(
                    "Het commando %(command)s bestaat niet, dus de zoekindex kan na het laden "
                    "niet worden opgebouwd. Gebruik --no-index om zonder zoekindex te laden."
                )
                % {"command": SEARCH_INDEX_COMMAND}
            )
        if has_content() and not (append or wipe):
            raise CommandError(
                _(
                    "De database bevat al bijeenkomsten of publicaties. Kies --append om toe te "
                    "voegen of --wipe om een gegenereerd corpus eerst te wissen; gegenereerde "
                    "inhoud wordt nooit ongemerkt met echte inhoud vermengd."
                )
            )
        if wipe:
            self.allow_wipe(ask=not yes)

        started = time.perf_counter()
        try:
            report = generate_corpus(
                events=events,
                seed=seed,
                wipe=wipe,
                progress=options["verbosity"] > 0,
                defer_indexes=not keep_indexes,
            )
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            seconds = time.perf_counter() - started
            self.report(report, seconds, verbose=options["verbosity"] > 1)

        if not no_index:
            call_command(SEARCH_INDEX_COMMAND, verbosity=options["verbosity"])

    def allow_wipe(self, *, ask):
        """Refuse a database with content the generator did not make (``generate_corpus``
        checks again as it wipes), then ask for confirmation when ``ask``."""
        try:
            check_wipe()
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if not ask:
            return
        counts = ", ".join(f"{number} {name}" for name, number in content_counts().items())
        self.stdout.write(_("Dit wist het corpus: %(counts)s.") % {"counts": counts})
        try:
            answer = input(_("Typ 'ja' om door te gaan: "))
        except EOFError:
            answer = ""
        if answer.strip().lower() != "ja":
            raise CommandError(_("Niets gewist en niets geladen."))

    def report(self, report, seconds, *, verbose):
        rows = report.total_rows
        self.stdout.write(
            _("%(rows)s rijen geschreven in %(seconds).1f s (%(rate)s rijen per seconde).")
            % {"rows": f"{rows:,}", "seconds": seconds, "rate": f"{rows / seconds:,.0f}"}
        )
        if verbose:
            for label, number in report.rows.items():
                self.stdout.write(f"  {label:<40} {number:>12,}")
            for stage, stage_seconds in report.seconds.items():
                self.stdout.write(f"  {stage:<40} {stage_seconds:>11.1f}s")
