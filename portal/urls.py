from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("beheer/", admin.site.urls),
    path("zoeken/", include("insights.search.urls")),
    path("", include("insights.urls")),
    path("", include("events.urls")),
]

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
