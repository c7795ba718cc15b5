"""People, organisations, themes and regions are public only through content a visitor may see.

A person saved for a draft event is not public; a theme that labels only members-only takeaways
is not shown to visitors; a region where only drafts happen is an unknown slug. Each of them is
*seen through* content: the ways it can be (a person takes part in an event, an organisation
publishes a publication, …) are registered here by the app that owns that content — events
registers its own in events/models.py, insights registers publications and takeaways in
insights/models.py, since events never imports insights — and ``seen_by(model, user)`` joins
them into one condition. The content side of each way is ``visibility_q``
(events/publishing.py) and only what the visitor may see *in full* counts: a teaser never
reveals who took part or what it is about.

The QuerySets' ``visible_to`` methods (``Person``, ``Organisation``, ``Theme``, ``Region``) are
the only users of ``seen_by``.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

# model → [function(user) → a queryset of rows that show the thing, with ``field`` pointing at it]
_ways = defaultdict(list)


def seen_through(model, field, rows):
    """Register a way in which rows of ``model`` are seen: ``rows(user)`` is a queryset of
    whatever shows them to ``user`` (only what ``user`` may see in full), and its ``field``
    points at the row of ``model``. Called once per way, when the apps are loaded."""
    _ways[model].append((field, rows))


def seen_by(model, user):
    """A condition on ``model``: some content ``user`` may see in full shows the row."""
    conditions = [
        Exists(rows(user).filter(**{field: OuterRef("pk")})) for field, rows in _ways[model]
    ]
    return reduce(or_, (Q(condition) for condition in conditions), Q(pk__in=[]))
