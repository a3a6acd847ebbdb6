from django.urls import path

from . import views, views_verklaring

app_name = "verklaringen"

urlpatterns = [
    path("", views_verklaring.VerklaringListView.as_view(), name="verklaring_list"),
    path(
        "<int:pk>/",
        views_verklaring.VerklaringDetailView.as_view(),
        name="verklaring_detail",
    ),
    path(
        "<int:pk>/pdf/",
        views_verklaring.VerklaringPdfView.as_view(),
        name="verklaring_pdf",
    ),
    path(
        "<int:pk>/credential.<str:vorm>",
        views_verklaring.VerklaringCredentialView.as_view(),
        name="verklaring_credential",
    ),
    path(
        "<int:pk>/pdf-opnieuw/",
        views_verklaring.VerklaringPdfOpnieuwView.as_view(),
        name="verklaring_pdf_opnieuw",
    ),
    path(
        "<int:pk>/intrekken/",
        views_verklaring.IntrekkenView.as_view(),
        name="verklaring_intrekken",
    ),
    path(
        "traject/<int:pk>/uitreiken/",
        views_verklaring.UitreikenView.as_view(),
        name="uitreiken",
    ),
    path(
        "traject/<int:pk>/bewijs/",
        views.BewijsCreateView.as_view(),
        name="bewijs_create",
    ),
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
