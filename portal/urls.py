from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("zoeken/", include("insights.search.urls")),
    path("", include("insights.urls")),
    path("", include("events.urls")),
]
