from django.urls import path

from . import views

app_name = "meldingen"

urlpatterns = [
    path("", views.MeldingListView.as_view(), name="melding_list"),
    path("<int:pk>/", views.MeldingOpenenView.as_view(), name="openen"),
    path("<int:pk>/gelezen/", views.MeldingGelezenView.as_view(), name="gelezen"),
    path("alles-gelezen/", views.AllesGelezenView.as_view(), name="alles_gelezen"),
    path("groep-gelezen/", views.GroepGelezenView.as_view(), name="groep_gelezen"),
    path("instellingen/", views.VoorkeurenView.as_view(), name="voorkeuren"),
]
