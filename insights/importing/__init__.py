"""Validate and import content in the exchange format of docs/import-format.md.

Three steps, each usable on its own:

- ``read_content(raw)`` (``reading``) turns the bytes of a file into JSON data. A file that is
  empty, not UTF-8 or not JSON raises ``InvalidContent`` with the line and column of the
  problem.
- ``validate(data)`` (``validation``) walks the data with a location path
  (``events[2].sessions[0].date``) and collects every problem. Which keys an object has, and
  how each value is checked, is the table of ``Shape``s in ``schema``, made of the checks in
  ``checks``; after the walk come the checks that need the whole file or the database:
  takeaway slugs, unique names, references, region cycles, takeaway slugs already in use, new
  themes whose name makes no slug.
- ``import_content(data)`` (``writing``) validates, before taking the database's write lock,
  and, only when there are no problems, writes everything in one transaction, in which the
  checks that read the database are done again (``recheck``): objects are matched by slug
  (synonym sets by their first term) and nested lists are replaced. Writes are done in bulk,
  per batch of events or publications, with the helpers in ``bulk``.

``problems`` has what every step reports: ``Problem``, ``InvalidContent``, and the ``INVALID``
a check returns for a value it rejected. Each module only uses those before it in this order:
problems, reading, checks, schema, bulk, validation, writing.

Messages are in English: they are read by the editors and developers who prepare files.
"""

from insights.importing.problems import InvalidContent, Problem
from insights.importing.reading import read_content
from insights.importing.schema import FORMAT, VERSION
from insights.importing.validation import Validated, validate
from insights.importing.writing import ImportResult, import_content

__all__ = [
    "FORMAT",
    "VERSION",
    "ImportResult",
    "InvalidContent",
    "Problem",
    "Validated",
    "import_content",
    "read_content",
    "validate",
]
