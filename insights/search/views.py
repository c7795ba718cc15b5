"""The search page, ``/zoeken/?q=…``."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from events.listing import without_empty_parameters
from insights.search.engine import MAX_RESULTS, PER_PAGE, popular_themes, search
from insights.search.forms import SearchForm


def search_page(request):
    if response := without_empty_parameters(request):
        return response
    form = SearchForm(request.GET, path=request.path, user=request.user)
    filters = form.search_filters()
    results = search(form.query, user=request.user, filters=filters, page=form.page_number)
    if results.page_out_of_range:
        return render(
            request,
            "portal/page_out_of_range.html",
            {
                "number": results.page,
                "last": results.pages,
                "last_url": form.page_url(results.pages),
            },
            status=404,
        )
    # The results are not a list of objects; a Paginator over their numbers gives the
    # pagination partial what it needs.
    page = Paginator(range(min(results.total, MAX_RESULTS)), PER_PAGE).get_page(results.page)
    searched = not results.query.is_empty or bool(filters)
    context = {
        "form": form,
        "results": results,
        "searched": searched,
        "page": page,
        "pagination": form.pagination(page),
        "facets": form.facet_links(results.facets),
        "active_filters": form.active_filters(),
        "clear_filters_url": form.url({"q": [form.query]}),
        "corrected_url": form.url({**form.params(), "q": [results.corrected_query]}),
        "popular_themes": [] if searched else popular_themes(user=request.user),
        "breadcrumbs": [(_("Zoeken"), "")],
    }
    return render(request, "search/search.html", context)
