from django.urls import path

from . import views

app_name = "bewaartermijnen"

urlpatterns = [
    path("", views.BewaartermijnenView.as_view(), name="overzicht"),
    path(
        "kandidaten/<int:pk>/anonimiseren/",
        views.AnonimiserenView.as_view(),
        name="anonimiseren",
    ),
]
