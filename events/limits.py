"""How much text a free text field may hold, and that no text holds a NUL character.

Summaries, bodies, explanations, bios and descriptions are Markdown that Django would take at
any length: one body of 52 MB made every search take 5 seconds. The limits here are generous
for what editors write (the longest body of the demo content has some 2,500 characters) and
finite. Each limited field gets ``limited(…)``: a ``max_length``, which the admin's form and the
importer check (insights/importing/checks.py, ``text``), and a ``MaxLengthValidator``, which the
model's own validation checks.

In the database, ``text_check`` is one check constraint per model over its text fields: each
limited one at most its limit, and none holding the NUL character. PostgreSQL cannot store a
NUL in text at all; SQLite stores what it is given, so there the check does the work.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import BooleanField, Func, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

#: Summaries: a paragraph or two.
SUMMARY = 3_000
#: Descriptions, bios, explanations: a page or so.
DESCRIPTION = 10_000
#: Bodies of events and publications: a long report.
BODY = 300_000
#: The terms of a synonym set, one per line.
SYNONYMS = 2_000


def limited(limit):
    """The keyword arguments of a text field that holds at most ``limit`` characters."""
    return {"max_length": limit, "validators": [MaxLengthValidator(limit)]}


class HoldsNoNul(Func):
    """True when the text holds no NUL character (``\\x00``).

    Always true on PostgreSQL, where text cannot hold one (its driver refuses to send it).
    """

    arity = 1
    output_field = BooleanField()
    template = "instr(%(expressions)s, char(0)) = 0"

    def as_postgresql(self, compiler, connection, **extra_context):
        return "TRUE", []


def text_check(table, *names, limits):
    """The check constraint ``<table>_text_valid``: the text fields ``names`` hold no NUL
    character, and each field in ``limits`` (``{name: limit}``) is at most that long."""
    condition = Q(
        *(HoldsNoNul(name) for name in names),
        *(LessThanOrEqual(Length(name), limit) for name, limit in limits.items()),
    )
    return models.CheckConstraint(
        condition=condition,
        name=f"{table}_text_valid",
        violation_error_message=_("Een tekst is te lang of bevat een NUL-teken."),
    )
