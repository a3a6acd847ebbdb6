from django.urls import path

from . import views, views_import

app_name = "kandidaten"

urlpatterns = [
    path(
        "importeren/", views_import.KandidaatImportView.as_view(), name="import_upload"
    ),
    path(
        "importeren/voorbeeld/",
        views_import.KandidaatImportVoorbeeldView.as_view(),
        name="import_voorbeeld",
    ),
    path(
        "importeren/bevestigen/",
        views_import.KandidaatImportBevestigenView.as_view(),
        name="import_bevestigen",
    ),
    path(
        "importeren/sjabloon/",
        views_import.KandidaatSjabloonView.as_view(),
        name="import_sjabloon",
    ),
    path("", views.KandidaatListView.as_view(), name="kandidaat_list"),
    path("nieuw/", views.KandidaatCreateView.as_view(), name="kandidaat_create"),
    path("team/", views.TeamView.as_view(), name="team"),
    path("<int:pk>/", views.KandidaatDetailView.as_view(), name="kandidaat_detail"),
    path(
        "<int:pk>/wijzigen/",
        views.KandidaatUpdateView.as_view(),
        name="kandidaat_update",
    ),
    path(
        "<int:pk>/contactmoment/",
        views.ContactmomentCreateView.as_view(),
        name="contactmoment_create",
    ),
]
