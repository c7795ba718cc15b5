"""The mark a generated corpus leaves in its database, and what ``--wipe`` checks against it.

``generate_corpus`` writes a ``CorpusMark`` in the same transaction as the corpus: its seed, its
size and the highest id of every table a wipe empties (``wiping.wiped_models``). The database
hands out ids in rising order and never twice (PostgreSQL's sequences, SQLite's AUTOINCREMENT),
so a row with a higher id than the mark was written after the corpus, by something else: one
index lookup per table tells, however large the corpus. A wipe is refused without a mark, and
when any table holds a row above it.
"""

from django.db import connection
from django.db.models import Max
from django.utils.translation import gettext as _

from devtools.corpus import CorpusError
from devtools.corpus.wiping import wiped_models
from devtools.models import CorpusMark

_ELSEWHERE = _(
    "Genereer in een lege database (een ander SQLITE_PATH of DATABASE_URL), zonder --wipe."
)


def latest_mark():
    """The newest mark, or None; ``CorpusError`` when its table is missing (not migrated)."""
    if CorpusMark._meta.db_table not in connection.introspection.table_names():
        raise CorpusError(
            _("De tabel %(table)s ontbreekt: draai eerst migrate (met DEVTOOLS aan).")
            % {"table": CorpusMark._meta.db_table}
        )
    return CorpusMark.objects.order_by("-pk").first()


def unmarked_models(mark):
    """The models with rows ``mark`` does not cover: rows above its highest id, or, without a
    mark or an id for the model, any row at all."""
    covered = mark.last_ids if mark else {}
    unmarked = []
    for model in wiped_models():
        rows = model._base_manager.all()
        if (last := covered.get(model._meta.label)) is not None:
            rows = rows.filter(pk__gt=last)
        if rows.exists():
            unmarked.append(model)
    return unmarked


def check_wipe():
    """Raise ``CorpusError`` unless the database holds a generated corpus and nothing else."""
    mark = latest_mark()
    if mark is None:
        raise CorpusError(
            _(
                "Geweigerd: deze database heeft geen corpusmerk. generate_corpus heeft haar "
                "inhoud niet gemaakt, dus --wipe wist haar niet. %(elsewhere)s"
            )
            % {"elsewhere": _ELSEWHERE}
        )
    if unmarked := unmarked_models(mark):
        raise CorpusError(
            _(
                "Geweigerd: deze database bevat inhoud die generate_corpus niet gemaakt heeft "
                "(rijen van na het corpusmerk [%(mark)s] in %(tables)s), en --wipe zou die "
                "wissen. %(elsewhere)s"
            )
            % {
                "mark": mark,
                "tables": ", ".join(model._meta.label for model in unmarked),
                "elsewhere": _ELSEWHERE,
            }
        )


def mark_corpus(*, seed, events):
    """Mark the content as generated, with ``seed`` and ``events``: call it in the transaction
    that wrote the corpus, once it is written."""
    last_ids = {
        model._meta.label: model._base_manager.aggregate(last=Max("pk"))["last"]
        for model in wiped_models()
    }
    return CorpusMark.objects.create(seed=seed, events=events, last_ids=last_ids)
