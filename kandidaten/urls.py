from django.urls import path

from . import views

app_name = "kandidaten"

urlpatterns = [
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
