"""The home page and the error pages."""

from django.db.models import OuterRef, Subquery
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template.loader import render_to_string

from events.listing import figure
from events.models import Domain, Event
from insights.models import Publication, Takeaway

#: Seconds after which a visitor who met a busy database may try again.
RETRY_AFTER = 30

#: Themes on the home page are counted over this many of the newest events: a current picture
#: at a bounded cost, however many events there are.
THEMES_OVER = 500


def home(request):
    user = request.user
    events = Event.objects.visible_to(user, teasers=True)
    context = {
        "domains": Domain.objects.with_event_counts(user),
        "events": events.newest_first().for_listing()[:5],
        "publications": Publication.objects.visible_to(user, teasers=True)
        .newest_first()
        .for_listing()[:4],
        "takeaways": recent_takeaways(user),
        "themes": figure(
            "home:themes",
            lambda: events.among_newest(THEMES_OVER).count_by_theme(),
            size=lambda themes: sum(theme["n"] for theme in themes),
        )[:15],
    }
    return render(request, "portal/home.html", context)


def recent_takeaways(user, *, number=6):
    """The first takeaway of each of the ``number`` newest events that have any."""
    first = Takeaway.objects.filter(event=OuterRef("pk")).order_by("order", "pk").values("pk")
    firsts = (
        Event.objects.visible_to(user)
        .newest_first()
        .annotate(first=Subquery(first[:1]))
        .exclude(first=None)
        .values("first")[:number]
    )
    return Takeaway.objects.visible_to(user).filter(pk__in=firsts).for_listing().newest_first()


def bad_request(request, exception):
    return HttpResponseBadRequest(render_to_string("400.html", request=request))


def page_not_found(request, exception):
    return HttpResponseNotFound(render_to_string("404.html", request=request))


def server_error(request):
    """Rendered without the request: nothing here may depend on the database or the session."""
    return HttpResponseServerError(render_to_string("500.html"))


def service_unavailable(request):
    """The database was busy with other writes (see portal/middleware.py): try again shortly.

    Rendered without the request, as the 500 page: nothing here may depend on the database.
    """
    return HttpResponse(
        render_to_string("503.html", {"retry_after": RETRY_AFTER}),
        status=503,
        headers={"Retry-After": str(RETRY_AFTER)},
    )
