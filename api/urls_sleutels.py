"""/api/sleutels/: the portal page where a medewerker picks up their API key."""

from django.urls import path

from . import sleutels

app_name = "api_sleutels"

urlpatterns = [path("", sleutels.sleutels, name="sleutels")]
