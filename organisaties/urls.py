from django.urls import path

from . import views

app_name = "organisaties"

urlpatterns = [
    path("", views.OrganisatieListView.as_view(), name="organisatie_list"),
    path("<int:pk>/", views.OrganisatieDetailView.as_view(), name="organisatie_detail"),
    path("medewerkers/", views.MedewerkerListView.as_view(), name="medewerker_list"),
    path(
        "medewerkers/<int:pk>/",
        views.MedewerkerDetailView.as_view(),
        name="medewerker_detail",
    ),
    path("audittrail/", views.AuditTrailView.as_view(), name="audittrail"),
    path("netwerk/", views.NetwerkListView.as_view(), name="netwerk"),
    path(
        "netwerk/nieuw/",
        views.NetwerkcontactCreateView.as_view(),
        name="netwerk_create",
    ),
    path(
        "netwerk/<int:pk>/wijzigen/",
        views.NetwerkcontactUpdateView.as_view(),
        name="netwerk_update",
    ),
    path(
        "netwerk/<int:pk>/gecontroleerd/",
        views.NetwerkcontactControleView.as_view(),
        name="netwerk_gecontroleerd",
    ),
]
