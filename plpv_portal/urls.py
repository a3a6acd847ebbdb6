from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.openbaar import security_txt, vaste_pagina
from organisaties.forms import InlogForm, WachtwoordVergetenForm
from plpv_portal import inzage
from plpv_portal import views as views
from sso import views as sso_views
from verklaringen.verificatie import controleren, jwks, statuslijst, verificatie

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("health/", views.health, name="health"),
    path(
        "toegankelijkheid/",
        vaste_pagina,
        {"soort": "toegankelijkheid"},
        name="toegankelijkheid",
    ),
    path("privacy/", vaste_pagina, {"soort": "privacy"}, name="privacy"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path(".well-known/jwks.json", jwks, name="jwks"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=InlogForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("inloggen/sso/", include("sso.urls")),
    path("inloggen/tweede-stap/", include("tweestaps.urls")),
    # Also ends the session at the organisation's provider after an SSO login.
    path("uitloggen/", sso_views.UitloggenView.as_view(), name="logout"),
    path(
        "wachtwoord/wijzigen/",
        # Not after a login through the organisation: its password is there.
        sso_views.WachtwoordWijzigenView.as_view(),
        name="password_change",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "wachtwoord/vergeten/",
        auth_views.PasswordResetView.as_view(form_class=WachtwoordVergetenForm),
        name="password_reset",
    ),
    path(
        "wachtwoord/vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/hersteld/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("organisaties/", include("organisaties.urls")),
    path("leerbedrijven/", include("leerbedrijven.urls")),
    path(
        "kandidaten/<int:pk>/inzageverslag/",
        inzage.inzageverslag,
        name="inzageverslag",
    ),
    path("kandidaten/<int:pk>/toegang/", include("mijn.urls_toegang")),
    path("kandidaten/", include("kandidaten.urls")),
    path("trajecten/", include("trajecten.urls")),
    path("verklaringen/", include("verklaringen.urls")),
    path("verificatie/controleren/", controleren, name="verificatie_controleren"),
    path("verificatie/statuslijst/<int:pk>/", statuslijst, name="statuslijst"),
    path("verificatie/<str:code>/", verificatie, name="verificatie"),
    path("kennisbank/", include("kennisbank.urls")),
    path("samenwerking/", include("samenwerking.urls")),
    path("uitkomsten/", include("uitkomsten.urls")),
    path("bewaartermijnen/", include("bewaartermijnen.urls")),
    path("voortgang/", include("voortgang.urls")),
    path("dossier/", include("dossier.urls")),
    # The candidate's own pages: no staff login, a session of its own (mijn/sessie.py).
    path("mijn/", include("mijn.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("meldingen/", include("meldingen.urls")),
    path("beheer/", admin.site.urls),
    path("api/sleutels/", include("api.urls_sleutels")),
    path("api/v1/", include("api.urls")),
]

# Media (agreements, signed uploads) is never served directly: views check the scope.
