"""What every public list shares: pages, filtered list views and cached figures.

- ``paginate`` renders one page of a queryset, or a 404 that links to the last page;
- ``FilteredListView`` is a list whose filters, order and page come from the query string
  (validated by the forms in events/forms.py), with how many results each filter option gives;
- ``figure`` keeps a figure (a count, the counts per option, a selection) that reads many rows
  in the cache under the content generation (events/generation.py), which the database renews
  with every write of content and with every scheduled publication moment that passes: a
  figure is never served for content that has changed since, in any process.
"""

from hashlib import sha256
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import View

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
    the same rule as the list; the total and the facets are figures (see ``figure``).
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
        total = figure(f"{key}:total", results.count, size=lambda total: total, user=user)

        def context(page):
            def facets():
                return form.facets(results, total=total)

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
