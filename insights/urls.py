from django.urls import path, register_converter

from insights import views


class ThemeSlugConverter:
    """Theme slugs come from django-taggit and may hold letters such as ë, not just [-a-z0-9_]."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ThemeSlugConverter, "theme")

app_name = "insights"

urlpatterns = [
    path("inzichten/", views.TakeawayListView.as_view(), name="takeaway_list"),
    path("inzichten/<slug:slug>/", views.TakeawayDetailView.as_view(), name="takeaway_detail"),
    path("themas/", views.ThemeListView.as_view(), name="theme_list"),
    path("themas/<theme:slug>/", views.ThemeDetailView.as_view(), name="theme_detail"),
    path("publicaties/", views.PublicationListView.as_view(), name="publication_list"),
    path(
        "publicaties/<slug:slug>/",
        views.PublicationDetailView.as_view(),
        name="publication_detail",
    ),
]
