"""/api/v1/: lowercase plural resource names, no trailing slashes (NL API Design
Rules); the OpenAPI document at /api/v1/openapi.json (also /schema) and its
documentation page at /api/v1/docs."""

from django.urls import path, re_path

from . import views
from .basis import NietGevondenView
from .docs import DocsView, SchemaView

app_name = "api"

schema = SchemaView.as_view()

urlpatterns = [
    path("openapi.json", schema, {"format": "json"}, name="openapi"),
    re_path(r"^schema/?$", schema, name="schema"),
    path("docs", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("kwalificaties", views.KwalificatieLijst.as_view(), name="kwalificaties"),
    path(
        "kwalificaties/<int:pk>",
        views.KwalificatieDetail.as_view(),
        name="kwalificatie",
    ),
    path("leerbedrijven", views.LeerbedrijfLijst.as_view(), name="leerbedrijven"),
    path(
        "leerbedrijven/<int:pk>",
        views.LeerbedrijfDetail.as_view(),
        name="leerbedrijf",
    ),
    path("kandidaten", views.KandidaatLijst.as_view(), name="kandidaten"),
    path("kandidaten/<int:pk>", views.KandidaatDetail.as_view(), name="kandidaat"),
    path(
        "kandidaten/<int:pk>/contactmomenten",
        views.ContactmomentLijst.as_view(),
        name="contactmomenten",
    ),
    path("trajecten", views.TrajectLijst.as_view(), name="trajecten"),
    path("trajecten/<int:pk>", views.TrajectDetail.as_view(), name="traject"),
    path("verklaringen", views.VerklaringLijst.as_view(), name="verklaringen"),
    path(
        "verklaringen/<int:pk>",
        views.VerklaringDetail.as_view(),
        name="verklaring",
    ),
    path("dashboard", views.DashboardCijfers.as_view(), name="dashboard"),
    re_path(r"^.*$", NietGevondenView.as_view(), name="niet_gevonden"),
]
