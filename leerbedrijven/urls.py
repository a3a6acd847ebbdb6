from django.urls import path

from . import views

app_name = "leerbedrijven"

urlpatterns = [
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
