from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("", views.SsoKiezenView.as_view(), name="kiezen"),
    path("terug/", views.SsoTerugView.as_view(), name="terug"),
    path("<slug:slug>/", views.SsoStartView.as_view(), name="start"),
]
