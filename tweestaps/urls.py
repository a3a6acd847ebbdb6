from django.urls import path

from . import views

app_name = "tweestaps"

urlpatterns = [
    path("", views.controleren, name="controleren"),
    path("instellen/", views.instellen, name="instellen"),
    path("herstelcodes/", views.herstelcodes, name="herstelcodes"),
]
