"""Two first logins of the same person at once end in one link (no 500), and a
session that logged in through the organisation has no password to change here."""

import threading

from django.contrib.auth.hashers import check_password
from django.db import connection
from django.urls import reverse

import pytest

from organisaties.constants import Rol
from organisaties.models import Medewerker
from sso import oidc, services
from sso.models import SsoIdentiteit
from tests.formulieren import posten, verzenden
from tests.sso.test_inloggen import sso_login

pytestmark = pytest.mark.django_db

CLAIMS = {
    "sub": "gelijk-sub-1",
    "email": "Anna@Gemeente.test",
    "email_verified": True,
    "given_name": "Anna",
    "family_name": "de Vries",
}


def _andere_aanvraag_eerst(monkeypatch, naam, koppeling, claims):
    """Patch `services.<naam>` so that, the first time it is called, another
    request (a thread with its own connection) does the whole first login and
    commits before this one writes: the race, made certain."""
    echt = getattr(services, naam)
    uitkomst = {}
    bezig = threading.local()

    def andere():
        bezig.actief = True
        try:
            uitkomst["ander"] = oidc.SsoBackend(koppeling).medewerker_zoeken(claims)
        finally:
            connection.close()

    def gepatcht(**kwargs):
        if not getattr(bezig, "actief", False) and "ander" not in uitkomst:
            draad = threading.Thread(target=andere)
            draad.start()
            draad.join()
        return echt(**kwargs)

    monkeypatch.setattr(services, naam, gepatcht)
    return uitkomst


@pytest.mark.django_db(transaction=True)
def test_two_first_logins_by_email_link_once(monkeypatch, koppeling, anna):
    uitkomst = _andere_aanvraag_eerst(
        monkeypatch, "identiteit_koppelen", koppeling, CLAIMS
    )

    medewerker = oidc.SsoBackend(koppeling).medewerker_zoeken(dict(CLAIMS))

    assert uitkomst["ander"] == anna
    assert medewerker == anna
    identiteit = SsoIdentiteit.objects.get()
    assert (identiteit.medewerker, identiteit.sub) == (anna, "gelijk-sub-1")


@pytest.mark.django_db(transaction=True)
def test_two_first_logins_that_create_the_account_make_one(monkeypatch, koppeling):
    koppeling.accounts_aanmaken = True
    koppeling.nieuwe_accounts_rol = Rol.CONSULENT
    koppeling.save()
    claims = {**CLAIMS, "email": "nieuw@gemeente.test"}
    voor = Medewerker.objects.count()
    uitkomst = _andere_aanvraag_eerst(
        monkeypatch, "medewerker_uit_claims", koppeling, claims
    )

    medewerker = oidc.SsoBackend(koppeling).medewerker_zoeken(dict(claims))

    assert medewerker == uitkomst["ander"]
    assert Medewerker.objects.count() == voor + 1
    assert Medewerker.objects.get(email="nieuw@gemeente.test") == medewerker
    assert SsoIdentiteit.objects.get().medewerker == medewerker


WACHTWOORD = "Wachtwoord wijzigen"


def test_an_sso_session_has_no_password_change(app, koppeling, anna):
    anna.set_password("oud-wachtwoord-1")
    anna.save()
    thuis = sso_login(app, koppeling, "anna").follow()
    assert WACHTWOORD not in thuis.text
    assert reverse("password_change") not in thuis.text

    pagina = app.get(reverse("password_change"))
    assert "Dat doe je bij je organisatie" in pagina.text
    assert str(koppeling.organisatie) in pagina.text
    assert "old_password" not in pagina.text

    # A forced POST changes nothing either.
    antwoord = posten(
        app,
        reverse("password_change"),
        {
            "old_password": "oud-wachtwoord-1",
            "new_password1": "Nieuw-wachtwoord-99",
            "new_password2": "Nieuw-wachtwoord-99",
        },
        status=200,
    )
    assert "Dat doe je bij je organisatie" in antwoord.text
    anna.refresh_from_db()
    assert check_password("oud-wachtwoord-1", anna.password)


def test_a_password_session_keeps_the_password_change(app, consulent):
    consulent.set_password("oud-wachtwoord-1")
    consulent.save()
    thuis = app.get(reverse("home"), user=consulent)
    assert WACHTWOORD in thuis.text

    pagina = app.get(reverse("password_change"), user=consulent)
    verzenden(
        pagina,
        old_password="oud-wachtwoord-1",
        new_password1="Nieuw-wachtwoord-99",
        new_password2="Nieuw-wachtwoord-99",
        status=302,
    )
    consulent.refresh_from_db()
    assert check_password("Nieuw-wachtwoord-99", consulent.password)
