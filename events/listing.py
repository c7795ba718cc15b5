"""What every public list shares: pages, filtered list views and cached figures.

- ``paginate`` renders one page of a queryset, or a 404 that links to the last page;
- ``FilteredListView`` is a list whose filters, order and page come from the query string
  (validated by the forms in events/forms.py), with how many results each filter option gives;
- ``figure`` keeps a figure (a count, the counts per option, a selection) that reads many rows
  in the cache under the content generation (events/generation.py), which the database renews
  with every write of content and with every scheduled publication moment that passes: a
  figure is never served for content that has changed since, in any process;
- ``measured`` counts rows exactly up to ``EXACT_UP_TO`` and estimates beyond that from a
  sample (``Total``, shown as "ca. …"), as search does: counting a million rows under the
  visibility rule costs a second, a sample a few dozen milliseconds, so that no page costs
  much more right after a content change, when nothing is kept yet; ``counted_by_theme``
  does the same per theme.
"""

from dataclasses import dataclass
from hashlib import sha256
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import BigIntegerField, Case, ExpressionWrapper, F, Value, When
from django.db.models import BooleanField as Boolean
from django.db.models.functions import Cast, Mod
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import View
from taggit.models import Tag

from events import generation
from portal.access import is_member

#: Items per page on every paginated list.
PAGE_SIZE = 20
#: Items shown in a section of a detail page before "see all".
SECTION_SIZE = 10
#: Figures worked out over more rows than this are cached; smaller ones are cheap and fresh.
FIGURES_CACHED_ABOVE = 1000
#: How long a cached figure or fragment is kept, in seconds. Never for freshness (the content
#: generation sees to that), only so that the figures of past generations leave the cache.
FIGURES_TIMEOUT = 3600
#: Rows counted exactly; beyond this a count is estimated from a sample of SAMPLE_SHARE.
EXACT_UP_TO = 10_000
#: One in this many rows is in the sample (picked by a hash of the id, with no period in it:
#: the high bits of the low 32 of the id times HASH, a power of two of them zero).
SAMPLE_SHARE = 64
HASH = 2654435761


class Total(int):
    """A number of rows that says whether it is an estimate (shown as "ca. 54000")."""

    estimate = False

    def __new__(cls, number, *, estimate=False):
        total = super().__new__(cls, number)
        total.estimate = estimate
        return total

    def __reduce__(self):
        return (_total, (int(self), self.estimate))

    def __str__(self):
        return f"ca. {int(self)}" if self.estimate else super().__str__()


def _total(number, estimate):
    return Total(number, estimate=estimate)


def rounded(number):
    """``number`` rounded to two significant digits: an estimate should not look exact."""
    number = round(number)
    if number < 100:
        return number
    return round(number, -(len(str(number)) - 2))


#: Rows of a sample that counts per option (facets, domains) are taken over, at most.
SAMPLE_AT_MOST = 2000


@dataclass(frozen=True)
class Measured:
    """How many rows a queryset has (``total``), and when that is an estimate, the rows of the
    sample it was made from, for counting per option the same way: their ids (``sample``,
    at most ``SAMPLE_AT_MOST``) and which of them are teasers (``teasers``)."""

    total: Total
    sample: tuple = ()
    teasers: tuple = ()

    def rows(self, queryset):
        """``queryset`` (the one measured), or its sample when the total is an estimate: the
        same rows then (their visibility decided when they were sampled), looked up by id."""
        if not self.total.estimate:
            return queryset
        is_teaser = Case(
            When(pk__in=self.teasers, then=Value(True)),
            default=Value(False),
            output_field=Boolean(),
        )
        return queryset.model.objects.filter(pk__in=self.sample).annotate(is_teaser=is_teaser)

    def scaled(self, number):
        """A number counted in ``rows()``, as a number of all rows."""
        if not self.total.estimate:
            return number
        return Total(rounded(number * self.total / max(len(self.sample), 1)), estimate=True)


def sampled(queryset):
    """One in ``SAMPLE_SHARE`` of the rows of ``queryset``, always the same ones for an id."""
    # An equality the planner takes for rare (it is): it then looks the few rows up rather
    # than hashing every row they join.
    hashed = ExpressionWrapper(
        Cast(Mod(F("pk") * HASH, 2**32), BigIntegerField()) / (2**32 // SAMPLE_SHARE),
        output_field=BigIntegerField(),
    )
    return queryset.alias(_sample=hashed).filter(_sample=0)


#: A theme found this often in a sample has its count estimated from it (within about a third
#: of the truth then, and labelled an estimate); a theme found less often is counted exactly.
ESTIMATED_FROM_HITS = 8


def counted_by_theme(queryset):
    """``queryset.count_by_theme()``, with the counts of the themes that have many rows
    estimated (``Total``) from ``sampled`` rows, as ``measured`` does for a total.

    Counting every theme's rows under the visibility rule reads all the tags of all the rows
    (a second for a million takeaways); the sample and the few rows of the other themes cost a
    fraction of that. A small portal has no theme that often in a sample: its counts are exact.
    """
    estimated = {
        row["slug"]: {**row, "n": Total(rounded(row["n"] * SAMPLE_SHARE), estimate=True)}
        for row in sampled(queryset).count_by_theme()
        if row["n"] >= ESTIMATED_FROM_HITS
    }
    rest = set(Tag.objects.values_list("slug", flat=True)) - estimated.keys()
    rows = queryset.count_by_theme(among=rest) if rest else []
    return sorted(rows + list(estimated.values()), key=lambda row: (-row["n"], row["name"]))


def measured(queryset):
    """How many rows ``queryset`` has: exact up to ``EXACT_UP_TO`` (counting stops there),
    else estimated from one in ``SAMPLE_SHARE`` of its rows. Two queries at most."""
    exact = queryset.order_by()[: EXACT_UP_TO + 1].count()
    if exact <= EXACT_UP_TO:
        return Measured(Total(exact))
    rows = list(sampled(queryset).order_by("pk").values_list("pk", "is_teaser"))
    kept = rows[:: max(1, -(-len(rows) // SAMPLE_AT_MOST))]  # every n-th, at most SAMPLE_AT_MOST
    return Measured(
        Total(rounded(len(rows) * SAMPLE_SHARE), estimate=True),
        tuple(pk for pk, _ in kept),
        tuple(pk for pk, teaser in kept if teaser),
    )


def figure(key, compute, *, size=None, user=None):
    """``compute()``, kept in the cache when it sums up many rows.

    ``size(result)`` says how many rows the figure sums up (a total, the sum of counts): only
    figures over ``FIGURES_CACHED_ABOVE`` are kept; without ``size``, the figure is always kept
    (it is costly however few rows it yields). With ``user``, the key tells members from
    other visitors, for figures in which members-only content counts differently; without it,
    the figure must be the same for everyone. Figures only ever come from ``visible_to``, so
    the cache never holds anything a visitor may not see.
    """
    if user is not None:
        key = f"{key}:{'member' if is_member(user) else 'public'}"
    key = f"figure:{generation.current()}:{sha256(key.encode()).hexdigest()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    result = compute()
    if size is None or size(result) > FIGURES_CACHED_ABOVE:
        cache.set(key, result, FIGURES_TIMEOUT)
    return result


def without_empty_parameters(request):
    """A redirect to this page without the empty parameters a submitted filter form leaves.

    Keeps bookmarked and shared addresses short; None when there is nothing to drop.
    """
    pairs = [(name, value) for name, values in request.GET.lists() for value in values]
    kept = [(name, value) for name, value in pairs if value != ""]
    if len(kept) == len(pairs):
        return None
    return redirect(f"{request.path}?{urlencode(kept)}" if kept else request.path)


def list_url(url_name, **filters):
    """A list filtered on one value, e.g. all events of an organisation."""
    return f"{reverse(url_name)}?{urlencode(filters)}"


def paginate(request, form, items, template_name, context, *, total=None):
    """Render page ``form.page_number`` of ``items``, or a 404 that links to the last page.

    ``total`` is the number of items when already known; ``context`` may be a function of
    the page.
    """
    paginator = Paginator(items, PAGE_SIZE)
    if total is not None:
        paginator.count = total  # A cached_property: the count query is not run again.
    if form.page_number > paginator.num_pages:
        return render(
            request,
            "portal/page_out_of_range.html",
            {
                "number": form.page_number,
                "last": paginator.num_pages,
                "last_url": form.page_url(paginator.num_pages),
            },
            status=404,
        )
    page = paginator.page(form.page_number)
    context = {
        "form": form,
        "page": page,
        "pagination": form.pagination(page),
        **(context(page) if callable(context) else context),
    }
    return render(request, template_name, context)


class FilteredListView(View):
    """A list whose filters, order and page come from the query string.

    Subclasses give ``model``, ``form_class``, ``template_name`` and ``title`` (for the
    breadcrumbs). ``visible()`` is what the visitor may see before filtering (members-only
    items as teasers). The facet counts are taken within the filtered results, so they obey
    the same rule as the list; the total and the facets are figures (see ``figure``), and
    estimates beyond ``EXACT_UP_TO`` results (``measured``).
    """

    model = None
    form_class = None
    template_name = None
    title = ""

    def visible(self):
        return self.model.objects.visible_to(self.request.user, teasers=True)

    def get(self, request, *args, **kwargs):
        if response := without_empty_parameters(request):
            return response
        form = self.form_class(request.GET, path=request.path, user=request.user)
        results = form.filter(self.visible())
        key, user = form.url(form.params()), request.user
        counted = figure(
            f"{key}:total", lambda: measured(results), size=lambda m: m.total, user=user
        )
        total = counted.total

        def context(page):
            def facets():
                form.scale = counted.scaled
                return form.facets(counted.rows(results), total=total)

            return {
                "facets": figure(f"{key}:facets", facets, size=lambda _: total, user=user),
                "active_filters": form.active_filters(),
                "breadcrumbs": [(self.title, "")],
            }

        return paginate(
            request, form, self.ordered(form, results), self.template_name, context, total=total
        )

    def ordered(self, form, results):
        """``results`` in the order asked for, ready for the cards (and sliced by page)."""
        return form.sort(results).for_listing()
