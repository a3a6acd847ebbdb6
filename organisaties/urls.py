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
]
