from django.urls import path

from . import views

app_name = "dossier"

urlpatterns = [
    path(
        "trajecten/<int:pk>/maken/",
        views.DossierAanvragenView.as_view(),
        name="aanvragen",
    ),
    path("<int:pk>/status/", views.DossierStatusView.as_view(), name="status"),
    path("<int:pk>/download/", views.DossierDownloadView.as_view(), name="download"),
]
