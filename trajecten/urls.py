from django.urls import path

from . import views

app_name = "trajecten"

urlpatterns = [
    path(
        "kandidaat/<int:pk>/advies/",
        views.AdviesCreateView.as_view(),
        name="advies_create",
    ),
    path("advies/<int:pk>/", views.AdviesDetailView.as_view(), name="advies_detail"),
    path("kandidaat/<int:pk>/matching/", views.MatchingView.as_view(), name="matching"),
]
