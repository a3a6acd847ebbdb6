from django.urls import path

from . import views

app_name = "trajecten"

urlpatterns = [
    path("", views.TrajectListView.as_view(), name="traject_list"),
    path("<int:pk>/", views.TrajectDetailView.as_view(), name="traject_detail"),
    path(
        "<int:pk>/corrigeren/",
        views.TrajectCorrigerenView.as_view(),
        name="traject_corrigeren",
    ),
    path("<int:pk>/status/", views.TrajectStatusView.as_view(), name="traject_status"),
    path(
        "<int:pk>/overeenkomsten/",
        views.OvereenkomstenPaneelView.as_view(),
        name="overeenkomsten_paneel",
    ),
    path(
        "<int:pk>/overeenkomsten/maken/",
        views.OvereenkomstenGenererenView.as_view(),
        name="overeenkomsten_genereren",
    ),
    path(
        "<int:pk>/plaatsing/",
        views.PlaatsingToevoegenView.as_view(),
        name="plaatsing_create",
    ),
    path(
        "<int:pk>/financiering/",
        views.FinancieringToevoegenView.as_view(),
        name="financiering_create",
    ),
    path(
        "versie/<int:pk>/pdf/",
        views.OvereenkomstPdfView.as_view(),
        name="overeenkomst_pdf",
    ),
    path(
        "handtekening/<int:pk>/pdf/",
        views.OndertekeningBestandView.as_view(),
        name="ondertekening_bestand",
    ),
    path(
        "versie/<int:pk>/tekenen/",
        views.OndertekeningView.as_view(),
        name="ondertekenen",
    ),
    path(
        "kandidaat/<int:pk>/traject/",
        views.TrajectStartView.as_view(),
        name="traject_start",
    ),
    path(
        "kandidaat/<int:pk>/advies/",
        views.AdviesCreateView.as_view(),
        name="advies_create",
    ),
    path("advies/<int:pk>/", views.AdviesDetailView.as_view(), name="advies_detail"),
    path("kandidaat/<int:pk>/matching/", views.MatchingView.as_view(), name="matching"),
]
