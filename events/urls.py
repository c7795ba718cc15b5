from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("bijeenkomsten/", views.EventListView.as_view(), name="event_list"),
    path("bijeenkomsten/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("sprekers/", views.PersonListView.as_view(), name="person_list"),
    path("sprekers/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("organisaties/", views.OrganisationListView.as_view(), name="organisation_list"),
    path(
        "organisaties/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path("regios/", views.RegionListView.as_view(), name="region_list"),
    path("regios/<slug:slug>/", views.RegionDetailView.as_view(), name="region_detail"),
    path("domeinen/", views.DomainListView.as_view(), name="domain_list"),
    path("domeinen/<slug:slug>/", views.DomainDetailView.as_view(), name="domain_detail"),
    path("reeksen/<slug:slug>/", views.SeriesDetailView.as_view(), name="series_detail"),
]
