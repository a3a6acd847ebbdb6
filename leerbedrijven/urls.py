from django.urls import path

from . import views, views_import

app_name = "leerbedrijven"

urlpatterns = [
    path(
        "importeren/",
        views_import.LeerbedrijfImportView.as_view(),
        name="import_upload",
    ),
    path(
        "importeren/voorbeeld/",
        views_import.LeerbedrijfImportVoorbeeldView.as_view(),
        name="import_voorbeeld",
    ),
    path(
        "importeren/bevestigen/",
        views_import.LeerbedrijfImportBevestigenView.as_view(),
        name="import_bevestigen",
    ),
    path(
        "importeren/sjabloon/",
        views_import.LeerbedrijfSjabloonView.as_view(),
        name="import_sjabloon",
    ),
    path("", views.LeerbedrijfListView.as_view(), name="leerbedrijf_list"),
    path("nieuw/", views.LeerbedrijfCreateView.as_view(), name="leerbedrijf_create"),
    path("<int:pk>/", views.LeerbedrijfDetailView.as_view(), name="leerbedrijf_detail"),
    path(
        "<int:pk>/wijzigen/",
        views.LeerbedrijfUpdateView.as_view(),
        name="leerbedrijf_update",
    ),
    path("<int:pk>/status/", views.LeerbedrijfStatusView.as_view(), name="status"),
    path(
        "<int:pk>/contactmomenten/nieuw/",
        views.ContactmomentToevoegenView.as_view(),
        name="contactmoment_create",
    ),
]

# Add and edit pages for the other child rows: <pk>/<deel>/nieuw/ and <pk>/<deel>/<n>/.
for deel, view, naam in [
    ("erkenningen", views.ErkenningView, "erkenning"),
    ("leerbanen", views.LeerbaanView, "leerbaan"),
    ("contactpersonen", views.ContactpersoonView, "contactpersoon"),
    ("vestigingen", views.VestigingView, "vestiging"),
]:
    urlpatterns += [
        path(f"<int:pk>/{deel}/nieuw/", view.as_view(), name=f"{naam}_create"),
        path(
            f"<int:pk>/{deel}/<int:onderdeel_pk>/",
            view.as_view(),
            name=f"{naam}_update",
        ),
    ]
