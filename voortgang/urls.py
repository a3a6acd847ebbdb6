from django.urls import path

from . import views

app_name = "voortgang"

urlpatterns = [
    path("uren/", views.UrenView.as_view(), name="uren"),
    path("plaatsingen/<int:pk>/", views.PlaatsingWekenView.as_view(), name="plaatsing"),
    path(
        "plaatsingen/<int:pk>/week/<str:week>/",
        views.WeekView.as_view(),
        name="week",
    ),
    path(
        "trajecten/<int:pk>/gesprek/",
        views.GesprekNieuwView.as_view(),
        name="gesprek_nieuw",
    ),
    path("trajecten/<int:pk>/ritme/", views.RitmeView.as_view(), name="ritme"),
    path("gesprekken/<int:pk>/", views.GesprekView.as_view(), name="gesprek"),
    path(
        "gesprekken/<int:pk>/tekenen/",
        views.OndertekenenView.as_view(),
        name="ondertekenen",
    ),
    path(
        "gesprekken/<int:pk>/op-papier/",
        views.OpPapierView.as_view(),
        name="op_papier",
    ),
    path(
        "acties/<int:pk>/afronden/",
        views.ActieAfrondenView.as_view(),
        name="actie_afronden",
    ),
]
