"""``python manage.py import_content FILE``: check a content file, then import all of it or nothing.

The format is described in docs/import-format.md. Every problem is listed on stderr with its
location, and the command exits with status 1 without touching the database.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from insights.importing import InvalidContent, import_content, read_content

# The kinds the summary reports on, in this order.
SUMMARY = [
    ("domains", "domains"),
    ("event_kinds", "event kinds"),
    ("regions", "regions"),
    ("organisations", "organisations"),
    ("people", "people"),
    ("series", "series"),
    ("events", "events"),
    ("sessions", "sessions"),
    ("publications", "publications"),
    ("takeaways", "takeaways"),
    ("synonyms", "synonym sets"),
]


class BarOutput:
    """A command's stderr as tqdm wants it: no added newline, no error colour."""

    def __init__(self, output):
        self.output = output

    def write(self, text):
        self.output.write(text, style_func=str, ending="")

    def flush(self):
        self.output.flush()


class Command(BaseCommand):
    help = "Import events, publications and what they refer to from a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="a file in the format of docs/import-format.md")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="show a progress bar also when stderr is not a terminal (never with -v0)",
        )

    def handle(self, *, file, progress, verbosity, **options):
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None
        show_bar = verbosity > 0 and (progress or self.stderr.isatty())

        def bar(total):
            return tqdm(total=total, file=BarOutput(self.stderr), disable=not show_bar, unit="item")

        started = time.monotonic()
        try:
            result = import_content(read_content(raw), progress=bar)
        except InvalidContent as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            count = len(error.problems)
            raise CommandError(
                f"{file}: {count} problem{'s' if count != 1 else ''}; nothing was imported."
            ) from None
        if verbosity > 0:
            self.stdout.write(f"Imported {file} in {time.monotonic() - started:.1f} s.")
            for key, label in SUMMARY:
                counts = result.counts.get(key)
                if counts and any(counts.values()):
                    line = f"  {label}: {counts['created']} created, {counts['updated']} updated"
                    for extra in ("unchanged", "removed"):
                        if counts[extra]:
                            line += f", {counts[extra]} {extra}"
                    self.stdout.write(line)
