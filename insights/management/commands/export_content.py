"""``python manage.py export_content FILE``: write all content in the import format.

The output is sorted and stable (see insights/exporting.py), so that two exports can be compared
and an export imported into an empty database exports to the same bytes. ``-`` writes to stdout.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from insights.exporting import as_json, content_document


class Command(BaseCommand):
    help = "Export all content to a JSON file in the format of docs/import-format.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help='the file to write, or "-" for standard output')

    def handle(self, *, file, verbosity, **options):
        document = content_document()
        text = as_json(document)
        if file == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {file}: {error.strerror}") from None
        if verbosity > 0:
            counts = ", ".join(
                f"{len(document[key])} {key}" for key in ("events", "publications", "people")
            )
            self.stdout.write(f"Exported {counts} to {file}.")
