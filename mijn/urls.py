from django.urls import path

from . import views

app_name = "mijn"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("gesprekken/<int:pk>/tekenen/", views.gesprek_tekenen, name="gesprek_tekenen"),
    path("wat-ik-kan/", views.wat_ik_kan, name="wat_ik_kan"),
    path("verklaringen/", views.verklaringen, name="verklaringen"),
    # One view per download for both kinds; `soort` picks the kind (views.py).
    path(
        "verklaringen/<int:pk>/pdf/",
        views.verklaring_pdf,
        {"soort": "praktijkverklaring"},
        name="verklaring_pdf",
    ),
    path(
        "verklaringen/<int:pk>/credential.<str:vorm>",
        views.verklaring_credential,
        {"soort": "praktijkverklaring"},
        name="verklaring_credential",
    ),
    path(
        "mbo-verklaringen/<int:pk>/pdf/",
        views.verklaring_pdf,
        {"soort": "mbo-verklaring"},
        name="mbo_verklaring_pdf",
    ),
    path(
        "mbo-verklaringen/<int:pk>/credential.<str:vorm>",
        views.verklaring_credential,
        {"soort": "mbo-verklaring"},
        name="mbo_verklaring_credential",
    ),
    path("privacy/", views.privacy, name="privacy"),
    # The way in.
    path("link/<str:sleutel>/", views.link, name="link"),
    path("bevestigen/", views.bevestigen, name="bevestigen"),
    path("code/", views.code, name="code"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("uitgelogd/", views.uitgelogd, name="uitgelogd"),
]
