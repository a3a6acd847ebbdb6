"""The second login step (TOTP with recovery codes), as a person goes through it:
password on the login form, then the set-up page or the code page, then the page
they asked for. The test settings start with the requirement off for every role
(TWEEDE_STAP_STANDAARD_VERPLICHT = False); these tests switch it on per role."""

import re
from base64 import b32decode

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.formulieren import LOGOUT, verzenden
from tweestaps.models import Soort, TweedeStapGebeurtenis, TweedeStapRegel
from tweestaps.services import regels_aanvullen

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-123"
CONTROLEREN = reverse("tweestaps:controleren")
INSTELLEN = reverse("tweestaps:instellen")
HERSTELCODES = reverse("tweestaps:herstelcodes")
FOUT = "Deze code klopt niet."


@pytest.fixture(autouse=True)
def _lege_cache():
    # The lockout counts in the cache; every test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def verplicht(db):
    """The production default: the second step on for the consulent's role."""
    TweedeStapRegel.objects.filter(rol=Rol.CONSULENT).update(verplicht=True)


@pytest.fixture
def kandidaat(consulent):
    return KandidaatFactory(consulent=consulent)


def kandidaat_url(kandidaat) -> str:
    return reverse("kandidaten:kandidaat_detail", args=[kandidaat.pk])


def inloggen(app, user, volgende=None):
    """The password step on the login form; returns the redirect it answers with."""
    url = reverse("login") + (f"?next={volgende}" if volgende else "")
    return verzenden(
        app.get(url), username=user.username, password=WACHTWOORD, status=302
    )


def app_koppelen(user) -> TOTPDevice:
    """A user who set up the app before (with ten recovery codes)."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    herstel = StaticDevice.objects.create(user=user, name="codes", confirmed=True)
    for i in range(10):
        StaticToken.objects.create(device=herstel, token=f"herstel{i:02d}")
    return device


def code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def ingelogd_verder(app, user, kandidaat):
    """Log in with the password, asking for the candidate page; follow to the step."""
    return inloggen(app, user, volgende=kandidaat_url(kandidaat)).follow().follow()


def test_production_default_requires_the_roles_that_open_a_candidate():
    TweedeStapRegel.objects.all().delete()
    with override_settings(TWEEDE_STAP_STANDAARD_VERPLICHT=True):
        regels_aanvullen()
    verplicht = dict(TweedeStapRegel.objects.values_list("rol", "verplicht"))
    assert verplicht == {
        Rol.CONSULENT: True,
        Rol.JOBCOACH: True,
        Rol.PRAKTIJKOPLEIDER: True,
        Rol.MBO_MEDEWERKER: True,
        Rol.REGIOCOORDINATOR: True,
        Rol.FUNCTIONEEL_BEHEERDER: False,
    }


def test_a_changed_setting_survives_the_next_migrate():
    TweedeStapRegel.objects.filter(rol=Rol.CONSULENT).update(verplicht=True)
    with override_settings(TWEEDE_STAP_STANDAARD_VERPLICHT=False):
        regels_aanvullen()
    assert TweedeStapRegel.objects.get(rol=Rol.CONSULENT).verplicht


def test_without_an_app_the_setup_comes_before_any_page(
    app, consulent, kandidaat, verplicht
):
    pagina = ingelogd_verder(app, consulent, kandidaat)
    assert pagina.request.path == INSTELLEN
    # Every other page sends the user back here; logging out and the statements do not.
    weg = app.get(kandidaat_url(kandidaat), status=302)
    assert weg.location.startswith(INSTELLEN + "?next=")
    app.get(reverse("home"), status=302)
    app.get(reverse("privacy"), status=200)

    # The QR code is inline SVG, from this page alone; the key is there to type.
    assert "<svg" in pagina.text
    # Nothing is saved until a code confirms the app; reloading keeps the same key.
    assert not TOTPDevice.objects.filter(user=consulent).exists()
    sleutel = pagina.html.find(id="sleutel").text
    assert app.get(INSTELLEN).html.find(id="sleutel").text == sleutel
    device = TOTPDevice(key=b32decode(sleutel.replace(" ", "")).hex())

    fout = verzenden(pagina, code="000000", status=200)
    assert "code" in fout.context["form"].errors
    assert "Deze code klopt niet" in fout.text
    assert not TOTPDevice.objects.filter(user=consulent, confirmed=True).exists()

    klaar = verzenden(fout, code=code(device), status=302)
    assert TOTPDevice.objects.get(user=consulent).confirmed
    codes_pagina = klaar.follow()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_pagina.text)
    assert len(set(codes)) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=consulent).values_list(
            "token", flat=True
        )
    )
    # Shown once: the page opened again names none of them.
    opnieuw = app.get(HERSTELCODES)
    assert not any(c in opnieuw.text for c in codes)
    assert "nog 10 herstelcodes" in opnieuw.text
    # "Verder" goes to the page that was asked for, which now opens.
    assert codes_pagina.html.find("a", string=re.compile("verder")).get("href") == (
        kandidaat_url(kandidaat)
    )
    assert kandidaat.voornaam in app.get(kandidaat_url(kandidaat), status=200).text
    assert TweedeStapGebeurtenis.objects.filter(
        gebruiker=consulent, soort=Soort.INGESTELD
    ).exists()


def test_with_an_app_the_candidate_opens_only_after_a_valid_code(
    app, consulent, kandidaat, verplicht
):
    device = app_koppelen(consulent)
    pagina = ingelogd_verder(app, consulent, kandidaat)
    assert pagina.request.path == CONTROLEREN
    weg = app.get(kandidaat_url(kandidaat), status=302)
    assert weg.location.startswith(CONTROLEREN + "?next=")

    fout = verzenden(pagina, code="123456", status=200)
    assert fout.context["form"].errors["code"] == [
        "Deze code klopt niet. Kijk of je de nieuwste code uit de app hebt "
        "overgenomen, of gebruik een herstelcode."
    ]
    app.get(kandidaat_url(kandidaat), status=302)

    verder = verzenden(fout, code=code(device), status=302)
    assert verder.location == kandidaat_url(kandidaat)
    assert kandidaat.voornaam in verder.follow(status=200).text


def test_the_sixth_attempt_is_throttled_even_with_the_right_code(
    app, consulent, kandidaat, verplicht, settings
):
    device = app_koppelen(consulent)
    pagina = ingelogd_verder(app, consulent, kandidaat)
    for _ in range(settings.TWEEDE_STAP_MAX_FOUTEN):
        pagina = verzenden(pagina, code="999999", status=200)
        assert FOUT in pagina.text
    assert (
        TweedeStapGebeurtenis.objects.filter(
            gebruiker=consulent, soort=Soort.GEBLOKKEERD
        ).count()
        == 1
    )

    geweigerd = verzenden(pagina, code=code(device), status=429)
    assert "Probeer het over 15 minuten opnieuw." in " ".join(geweigerd.text.split())
    app.get(kandidaat_url(kandidaat), status=302)
    app.get(CONTROLEREN, status=429)


def test_a_code_from_the_app_works_once(app, consulent, kandidaat, verplicht):
    device = app_koppelen(consulent)
    eerste = code(device)
    verzenden(ingelogd_verder(app, consulent, kandidaat), code=eerste, status=302)

    app.post(LOGOUT, {"csrfmiddlewaretoken": app.cookies["csrftoken"]})
    nog_eens = verzenden(
        ingelogd_verder(app, consulent, kandidaat), code=eerste, status=200
    )
    assert FOUT in nog_eens.text
    app.get(kandidaat_url(kandidaat), status=302)


def test_the_code_that_set_up_the_app_does_not_log_in_again(app, consulent, verplicht):
    pagina = inloggen(app, consulent).follow().follow()
    sleutel = pagina.html.find(id="sleutel").text.replace(" ", "")
    eerste = code(TOTPDevice(key=b32decode(sleutel).hex()))
    verzenden(pagina, code=eerste, status=302)

    app.post(LOGOUT, {"csrfmiddlewaretoken": app.cookies["csrftoken"]})
    nog_eens = verzenden(inloggen(app, consulent).follow().follow(), code=eerste)
    assert FOUT in nog_eens.text


def test_a_recovery_code_works_once(app, consulent, kandidaat, verplicht):
    app_koppelen(consulent)
    verder = verzenden(
        ingelogd_verder(app, consulent, kandidaat), code=" HERSTEL03 ", status=302
    )
    assert verder.follow(status=200)
    assert StaticToken.objects.filter(device__user=consulent).count() == 9
    assert TweedeStapGebeurtenis.objects.filter(
        gebruiker=consulent, soort=Soort.HERSTELCODE_GEBRUIKT
    ).exists()

    app.post(LOGOUT, {"csrfmiddlewaretoken": app.cookies["csrftoken"]})
    nog_eens = verzenden(
        ingelogd_verder(app, consulent, kandidaat), code="herstel03", status=200
    )
    assert FOUT in nog_eens.text


def test_new_recovery_codes_replace_the_old_ones(app, consulent, verplicht):
    device = app_koppelen(consulent)
    pagina = inloggen(app, consulent).follow().follow()
    verzenden(pagina, code=code(device), status=302)

    nieuw = verzenden(app.get(HERSTELCODES), status=302).follow()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", nieuw.text)
    assert len(codes) == 10
    assert not StaticToken.objects.filter(token="herstel00").exists()
    assert TweedeStapGebeurtenis.objects.filter(
        gebruiker=consulent, soort=Soort.HERSTELCODES_VERNIEUWD
    ).exists()


def test_setting_off_means_one_step(app, consulent, kandidaat):
    assert not TweedeStapRegel.objects.get(rol=Rol.CONSULENT).verplicht
    verder = inloggen(app, consulent, volgende=kandidaat_url(kandidaat))
    assert verder.location == kandidaat_url(kandidaat)
    assert kandidaat.voornaam in verder.follow(status=200).text


def test_someone_who_set_up_the_app_of_their_own_accord_is_asked_for_it(
    app, consulent, kandidaat
):
    app_koppelen(consulent)
    pagina = ingelogd_verder(app, consulent, kandidaat)
    assert pagina.request.path == CONTROLEREN


def test_an_sso_session_counts_as_strong(client, consulent, kandidaat, verplicht):
    client.force_login(consulent)
    assert client.get(kandidaat_url(kandidaat)).status_code == 302
    sessie = client.session
    sessie["sso"] = True
    sessie.save()
    assert client.get(kandidaat_url(kandidaat)).status_code == 200


def test_the_beheerder_resets_a_lost_phone(app, beheerder, gemeente, verplicht):
    from tests.factories.organisaties import medewerker_met_rol

    collega = medewerker_met_rol(
        Rol.CONSULENT,
        organisatie=gemeente,
        username="anna",
    )
    app_koppelen(collega)
    lijst = app.get(
        reverse("admin:tweestaps_tweedestapaccount_changelist"), user=beheerder
    )
    assert "anna" in lijst.text
    form = lijst.forms["changelist-form"]
    form["action"] = "opnieuw_instellen"
    for vakje in form.fields["_selected_action"]:
        vakje.checked = vakje._value == str(collega.pk)
    form.submit(status=302)

    assert not TOTPDevice.objects.filter(user=collega).exists()
    assert not StaticDevice.objects.filter(user=collega).exists()
    gebeurtenis = TweedeStapGebeurtenis.objects.get(gebruiker=collega)
    assert (gebeurtenis.soort, gebeurtenis.door) == (Soort.OPNIEUW_INSTELLEN, beheerder)
