"""The functioneel beheerder sets up an organisation's provider in the admin."""

from django.urls import reverse

import pytest

from organisaties.constants import Rol
from sso.models import SsoKoppeling
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.sso import SsoKoppelingFactory
from tests.formulieren import formulier, invullen

from .conftest import CLIENT_ID, CLIENT_SECRET

pytestmark = pytest.mark.django_db

TOEVOEGEN = reverse("admin:sso_ssokoppeling_add")


@pytest.fixture
def beheerder(gemeente):
    return medewerker_met_rol(Rol.FUNCTIONEEL_BEHEERDER, organisatie=gemeente)


def _toevoegen(app, beheerder, **waarden):
    pagina = app.get(TOEVOEGEN, user=beheerder)
    form = invullen(formulier(pagina, actie=""), **waarden)
    return form.submit()


def test_beheerder_sets_up_a_provider(
    app, beheerder, gemeente, oidc_provider, sso_instellingen
):
    response = _toevoegen(
        app,
        beheerder,
        organisatie=str(gemeente.pk),
        issuer=f"{oidc_provider}/.well-known/openid-configuration",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )

    assert response.status_code == 302
    koppeling = SsoKoppeling.objects.get()
    assert koppeling.slug == "gemeente-testdorp"
    assert koppeling.issuer == oidc_provider
    assert koppeling.token_endpoint == f"{oidc_provider}/token"
    assert koppeling.end_session_endpoint == f"{oidc_provider}/session/end"
    # Encrypted at rest; the property decrypts it.
    assert CLIENT_SECRET.encode() not in bytes(koppeling.client_secret_versleuteld)
    assert koppeling.client_secret == CLIENT_SECRET
    assert not koppeling.wachtwoord_toegestaan
    assert not koppeling.accounts_aanmaken

    # Changing it without a new secret keeps the stored one; the page never shows it.
    pagina = app.get(
        reverse("admin:sso_ssokoppeling_change", args=[koppeling.pk]), user=beheerder
    )
    assert CLIENT_SECRET not in pagina.text
    assert "http://testserver/inloggen/sso/terug/" in pagina.text
    form = invullen(formulier(pagina, actie=""), wachtwoord_toegestaan=True)
    form.submit(status=302)
    koppeling.refresh_from_db()
    assert koppeling.wachtwoord_toegestaan
    assert koppeling.client_secret == CLIENT_SECRET


def test_an_address_without_a_provider_is_refused(
    app, beheerder, gemeente, sso_instellingen
):
    response = _toevoegen(
        app,
        beheerder,
        organisatie=str(gemeente.pk),
        issuer="http://127.0.0.1:9/",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    assert response.status_code == 200
    assert "Op dit adres vinden we geen OpenID Connect-provider" in response.text
    assert not SsoKoppeling.objects.exists()


def test_http_is_refused_outside_the_tests(app, beheerder, gemeente, sso_instellingen):
    sso_instellingen.SSO_ALLEEN_HTTPS = True
    response = _toevoegen(
        app,
        beheerder,
        organisatie=str(gemeente.pk),
        issuer="http://login.example.org",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    assert "moet met https:// beginnen" in response.text
    assert not SsoKoppeling.objects.exists()


def test_without_an_encryption_key_nothing_is_saved(
    app, beheerder, gemeente, oidc_provider, settings
):
    settings.SSO_SLEUTEL = ""
    settings.SSO_ALLEEN_HTTPS = False
    response = _toevoegen(
        app,
        beheerder,
        organisatie=str(gemeente.pk),
        issuer=oidc_provider,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    assert "SSO_SLEUTEL" in response.text
    assert not SsoKoppeling.objects.exists()


def test_a_new_koppeling_needs_a_secret(app, beheerder, gemeente, sso_instellingen):
    response = _toevoegen(
        app,
        beheerder,
        organisatie=str(gemeente.pk),
        issuer="https://login.example.org",
        client_id=CLIENT_ID,
    )
    assert "Vul het client secret in." in response.text
    assert not SsoKoppeling.objects.exists()


def test_only_organisations_of_the_own_regions(app, beheerder, sso_instellingen):
    elders = OrganisatieFactory(regios=[regio("AM01")])
    pagina = app.get(TOEVOEGEN, user=beheerder)
    aangeboden = {w for w, *_ in formulier(pagina, actie="")["organisatie"].options}
    assert str(beheerder.organisatie_id) in aangeboden
    assert str(elders.pk) not in aangeboden


def test_other_roles_have_no_access(app, consulent):
    SsoKoppelingFactory(organisatie=consulent.organisatie)
    app.get(TOEVOEGEN, user=consulent, status=302)  # to the login page: no admin


def test_key_rotation_re_encrypts_the_secrets(sso_instellingen):
    from io import StringIO

    from django.core.management import call_command

    from cryptography.fernet import Fernet

    oud = sso_instellingen.SSO_SLEUTEL
    koppeling = SsoKoppelingFactory()
    koppeling.client_secret = "het-geheim"
    koppeling.save()

    nieuw = Fernet.generate_key().decode()
    sso_instellingen.SSO_SLEUTEL = f"{nieuw},{oud}"
    call_command("sso_herversleutelen", stdout=StringIO())
    sso_instellingen.SSO_SLEUTEL = nieuw

    koppeling.refresh_from_db()
    assert koppeling.client_secret == "het-geheim"
