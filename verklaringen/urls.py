from django.urls import path

from . import views

app_name = "verklaringen"

urlpatterns = [
    path("begeleiding/", views.BegeleidingListView.as_view(), name="begeleiding"),
    path(
        "gedragsvoorbeelden/nieuw/",
        views.GedragsvoorbeeldCreateView.as_view(),
        name="gedragsvoorbeeld_create",
    ),
    path(
        "gedragsvoorbeelden/<int:pk>/",
        views.GedragsvoorbeeldUpdateView.as_view(),
        name="gedragsvoorbeeld_update",
    ),
    path(
        "werkopdrachten/nieuw/",
        views.WerkopdrachtCreateView.as_view(),
        name="werkopdracht_create",
    ),
    path(
        "werkopdrachten/<int:pk>/",
        views.WerkopdrachtUpdateView.as_view(),
        name="werkopdracht_update",
    ),
    path(
        "traject/<int:pk>/observatie/",
        views.ObservatieView.as_view(),
        name="observatie",
    ),
    path(
        "traject/<int:pk>/voortgang/", views.VoortgangView.as_view(), name="voortgang"
    ),
    path(
        "traject/<int:pk>/ontwikkeldoel/",
        views.OntwikkeldoelCreateView.as_view(),
        name="ontwikkeldoel_create",
    ),
    path(
        "traject/<int:pk>/ontwikkeldoel/<int:doel>/",
        views.OntwikkeldoelUpdateView.as_view(),
        name="ontwikkeldoel_update",
    ),
    path(
        "traject/<int:pk>/eindbeoordeling/",
        views.EindbeoordelingView.as_view(),
        name="eindbeoordeling",
    ),
    path("traject/<int:pk>/indienen/", views.IndienenView.as_view(), name="indienen"),
    path(
        "traject/<int:pk>/goedkeuren/",
        views.GoedkeurenView.as_view(),
        name="goedkeuren",
    ),
    path(
        "traject/<int:pk>/terugsturen/",
        views.TerugsturenView.as_view(),
        name="terugsturen",
    ),
]
