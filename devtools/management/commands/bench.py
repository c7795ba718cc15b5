"""``manage.py bench``: speed figures of the pages at the current scale (devtools/benchmark.py)."""

import json
import warnings
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from devtools import benchmark
from events.models import Event

COLUMNS = [
    # (header, width, the figure as text)
    (gettext_lazy("mediaan"), 9, lambda m: _ms(m.median_ms)),
    (gettext_lazy("p95"), 9, lambda m: _ms(m.p95_ms)),
    (gettext_lazy("koud"), 9, lambda m: _ms(m.cold_ms)),
    (gettext_lazy("queries"), 9, lambda m: _queries(m)),
    (gettext_lazy("SQL"), 8, lambda m: _ms(m.sql_ms)),
]


def _ms(value):
    return "–" if value is None else f"{value:.1f}"


def _queries(measurement):
    if measurement.queries is None:
        return "–"
    if measurement.cold_queries is None or measurement.cold_queries == measurement.queries:
        return str(measurement.queries)
    return f"{measurement.queries}/{measurement.cold_queries}"


def _verdict(measurement):
    return {None: "", True: _("ok"), False: _("TE TRAAG")}[measurement.meets_target]


def _ratio(ratio):
    """The ratio, and below 1 how many times faster ours is: "0.0139 (72× sneller)", "2.04"."""
    value = ratio.value
    if value >= 1:
        return f"{value:.3g}"
    return f"{value:.3g} ({_('%(times).0f× sneller') % {'times': 1 / value}})"


class Command(BaseCommand):
    help = _(
        "Meet hoe snel de pagina's zijn (mediaan, p95 en koud, in ms, met het aantal queries) "
        "op de huidige database. Leegt de cache: nooit gebruiken op een productiecache."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repeat",
            type=int,
            default=30,
            help=_("Aantal gemeten verzoeken per pagina (standaard 30)."),
        )
        parser.add_argument(
            "--json",
            dest="json_path",
            type=Path,
            help=_("Schrijf de cijfers ook naar dit bestand."),
        )
        parser.add_argument(
            "--only",
            choices=[measure.__name__ for measure in benchmark.SECTIONS],
            action="append",
            help=_("Meet alleen deze onderdelen (mag vaker)."),
        )
        parser.add_argument(
            "--state",
            action="store_true",
            help=_(
                "Meet niets: toon alleen het aantal bijeenkomsten en de staat van de zoekindex "
                "(voor scripts/bench)."
            ),
        )

    def handle(self, *args, repeat, json_path, state, only, **options):
        if state:
            self.stdout.write(
                f"events={Event.objects.count()} search_index={benchmark.search_index_state()}"
            )
            return
        if repeat < 1:
            raise CommandError(_("--repeat moet minstens 1 zijn."))
        events = Event.objects.count()
        if events < benchmark.SMALL_DATABASE:
            self.stderr.write(
                self.style.WARNING(
                    _(
                        "Let op: maar %(events)d bijeenkomsten; deze cijfers zeggen niets over "
                        "de snelheid op schaal (genereer een corpus met generate_corpus)."
                    )
                    % {"events": events}
                )
            )
        index = benchmark.search_index_state()
        if index != "current":
            self.stderr.write(
                self.style.WARNING(
                    _(
                        "Let op: de zoekindex is %(state)s; zoeken wordt alleen gemeten als "
                        "hij niet leeg is (bouw hem met rebuild_search_index)."
                    )
                    % {"state": index}
                )
            )
        sections = []
        with benchmark.benchmark_settings(), warnings.catch_warnings():
            # WhiteNoise warns that static files were not collected: pages do not need them.
            warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
            bench = benchmark.Bench(repeat=repeat)
            for measure in benchmark.SECTIONS:
                if only and measure.__name__ not in only:
                    continue
                try:
                    measured = measure(bench)
                except benchmark.BenchError as error:
                    raise CommandError(str(error)) from error
                for section in measured if isinstance(measured, list) else [measured]:
                    self.print_section(section)
                    sections.append(section)
        self.stdout.write(
            _(
                "Tijden in ms, serverzijde met rendering: mediaan en p95 over %(repeat)d "
                "verzoeken; koud = eerste verzoek na het legen van de caches; queries = "
                "warm/koud; SQL = databasetijd van een warm verzoek."
            )
            % {"repeat": repeat}
        )
        if json_path:
            figures = benchmark.report(sections, repeat=repeat)
            json_path.write_text(_dumps(figures), encoding="utf-8")
            self.stdout.write(_("Cijfers geschreven naar %(path)s.") % {"path": json_path})

    def print_section(self, section):
        names = [m.name for m in section.measurements] + [r.name for r in section.ratios]
        width = max([len(name) for name in names] + [10]) + 2
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(section.title))
        if section.measurements:
            header = "".join(str(title).rjust(size) for title, size, _figure in COLUMNS)
            self.stdout.write(f"{'':<{width}}{header}")
        for measurement in section.measurements:
            figures = "".join(figure(measurement).rjust(size) for _t, size, figure in COLUMNS)
            verdict = _verdict(measurement)
            line = f"{measurement.name:<{width}}{figures}  {verdict:<9}{measurement.detail}"
            style = self.style.ERROR if measurement.meets_target is False else str
            self.stdout.write(style(line.rstrip()))
        for ratio in section.ratios:
            verdict = _verdict(ratio)
            line = f"{ratio.name:<{width}}{ratio.what:<26}{_ratio(ratio):<24}{verdict}"
            style = self.style.ERROR if ratio.meets_target is False else str
            self.stdout.write(style(line.rstrip()))
        for note in section.notes:
            self.stdout.write(f"  {note}")


def _dumps(figures):
    return json.dumps(figures, indent=2, ensure_ascii=False) + "\n"
