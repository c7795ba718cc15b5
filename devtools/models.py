"""What the development tools keep in the database: the mark of a generated corpus."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CorpusMark(models.Model):
    """A corpus ``generate_corpus`` wrote, recorded in the same transaction as its rows.

    ``last_ids`` holds, for every table a wipe empties, the highest id it had once the corpus
    was written (``None`` for an empty table), by model label. The newest mark speaks for the
    database; ``--append`` adds one, ``--wipe`` starts again with one. See
    ``devtools.corpus.marking``.
    """

    seed = models.BigIntegerField(_("seed"))
    events = models.PositiveIntegerField(_("aantal bijeenkomsten"))
    last_ids = models.JSONField(_("hoogste nummer per tabel"))
    generated_at = models.DateTimeField(_("gegenereerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("corpusmerk")
        verbose_name_plural = _("corpusmerken")
        constraints = [
            models.CheckConstraint(
                condition=Q(events__gte=1), name="devtools_corpusmark_events_positive"
            ),
        ]

    def __str__(self):
        generated_at = timezone.localtime(self.generated_at)
        return f"seed {self.seed}, {self.events} bijeenkomsten, {generated_at:%Y-%m-%d %H:%M}"
