"""Logging in through the organisation's own provider: a real OpenID Connect
provider process (conftest), the portal driven with webtest, the provider's side
with requests, as a browser goes back and forth between the two."""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

import pytest
import requests
from axes.models import AccessAttempt, AccessLog

from organisaties.constants import Rol
from organisaties.models import Medewerker
from sso.models import SsoIdentiteit
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.formulieren import LOGOUT, verzenden

pytestmark = pytest.mark.django_db

GEWEIGERD = "Inloggen is niet gelukt"
GEEN_ACCOUNT = "we vinden in het portaal geen account"
NIET_GECONTROLEERD = "We konden niet controleren dat dit inloggen echt van jou"


def naar_provider(app, koppeling):
    """From the login page to the organisation's link: the redirect to the provider."""
    pagina = app.get(reverse("login"))
    kiezen = pagina.click(href=reverse("sso:kiezen"))
    link = kiezen.html.find("a", string=str(koppeling.organisatie))["href"]
    return app.get(link, status=302)


def bij_provider_inloggen(start, account, browser=None):
    """What the person does at the provider: log in as `account`. Returns the
    portal address (path and query) the provider sends the browser back to."""
    browser = browser or requests.Session()
    antwoord = browser.get(start.location, allow_redirects=False)
    while True:
        adres = urljoin(antwoord.url, antwoord.headers["location"])
        if adres.startswith("http://testserver/"):
            return adres.removeprefix("http://testserver")
        if re.search(r"/interaction/[^/]+$", adres):
            uid = adres.rsplit("/", 1)[1]
            antwoord = browser.post(
                f"{adres.split('/interaction/')[0]}/interaction/{uid}/login",
                data={"login": account},
                allow_redirects=False,
            )
        else:
            antwoord = browser.get(adres, allow_redirects=False)
        assert antwoord.status_code in (302, 303), antwoord.text


def sso_login(app, koppeling, account, browser=None, status=302):
    terug = bij_provider_inloggen(naar_provider(app, koppeling), account, browser)
    return app.get(terug, status=status)


def ingelogd_als(app):
    return app.session.get("_auth_user_id")


def niets_veranderd(app, medewerkers_voor):
    assert ingelogd_als(app) is None
    assert not SsoIdentiteit.objects.exists()
    assert Medewerker.objects.count() == medewerkers_voor


def test_login_through_the_provider_lands_on_the_home_page(app, koppeling, anna):
    response = sso_login(app, koppeling, "anna")

    assert response.location == reverse("home")
    thuis = response.follow()
    assert "Anna" in thuis.text
    assert ingelogd_als(app) == str(anna.pk)
    # A strong login: two-factor authentication can skip it.
    assert app.session["sso"] is True
    assert app.session["sso_koppeling"] == koppeling.pk
    identiteit = SsoIdentiteit.objects.get()
    assert (identiteit.medewerker, identiteit.sub) == (anna, "anna-sub-0001")
    assert identiteit.issuer == koppeling.issuer
    # The login audit (django-axes) has it, as for a password login.
    assert AccessLog.objects.filter(username="anna").exists()


def test_the_next_login_finds_the_medewerker_by_sub(app, koppeling, anna):
    sso_login(app, koppeling, "anna")
    app.post(LOGOUT, {"csrfmiddlewaretoken": app.cookies["csrftoken"]})
    # Her portal address changed; the provider's sub still names her.
    Medewerker.objects.filter(pk=anna.pk).update(email="anna.nieuw@gemeente.test")

    response = sso_login(app, koppeling, "anna")

    assert response.location == reverse("home")
    assert ingelogd_als(app) == str(anna.pk)
    assert SsoIdentiteit.objects.count() == 1


def test_next_survives_the_round_trip(app, koppeling, anna):
    pagina = app.get(reverse("login") + "?next=/kandidaten/")
    kiezen = pagina.click(href=reverse("sso:kiezen"))
    link = kiezen.html.find("a", string=str(koppeling.organisatie))["href"]
    assert link == f"/inloggen/sso/{koppeling.slug}/?next=/kandidaten/"
    start = app.get(link, status=302)
    response = app.get(bij_provider_inloggen(start, "anna"))
    assert response.location == "/kandidaten/"


def test_a_forged_id_token_is_refused(app, koppeling, anna):
    # The provider's token endpoint, but its id_token is signed with another key
    # (same kid): only the signature check can tell.
    koppeling.token_endpoint = f"{koppeling.issuer}/test/vervalst/token"
    koppeling.save()
    voor = Medewerker.objects.count()

    response = sso_login(app, koppeling, "anna", status=403)

    assert GEWEIGERD in response.text
    assert NIET_GECONTROLEERD in response.text
    niets_veranderd(app, voor)
    assert AccessAttempt.objects.filter(username=f"sso:{koppeling.slug}").exists()


def test_a_wrong_state_is_refused(app, koppeling, anna):
    terug = bij_provider_inloggen(naar_provider(app, koppeling), "anna")
    state = parse_qs(urlsplit(terug).query)["state"][0]
    voor = Medewerker.objects.count()

    response = app.get(terug.replace(state, "een-andere-state"), status=403)

    assert NIET_GECONTROLEERD in response.text
    niets_veranderd(app, voor)


def test_a_replayed_answer_is_refused(app, koppeling, anna):
    terug = bij_provider_inloggen(naar_provider(app, koppeling), "anna")
    app.get(terug, status=302)
    app.post(LOGOUT, {"csrfmiddlewaretoken": app.cookies["csrftoken"]})
    assert ingelogd_als(app) is None

    response = app.get(terug, status=403)

    assert NIET_GECONTROLEERD in response.text
    assert ingelogd_als(app) is None


def test_a_wrong_nonce_is_refused(app, koppeling, anna):
    terug = bij_provider_inloggen(naar_provider(app, koppeling), "anna")
    state = parse_qs(urlsplit(terug).query)["state"][0]
    sessie = SessionStore(app.cookies["sessionid"])
    sessie["oidc_states"][state]["nonce"] = "een-andere-nonce"
    sessie.save()
    voor = Medewerker.objects.count()

    response = app.get(terug, status=403)

    assert NIET_GECONTROLEERD in response.text
    niets_veranderd(app, voor)


def test_an_unknown_email_is_refused(app, koppeling, anna):
    voor = Medewerker.objects.count()

    response = sso_login(app, koppeling, "onbekend", status=403)

    assert GEEN_ACCOUNT in response.text
    assert "Gemeente Testdorp" in response.text
    niets_veranderd(app, voor)


def test_an_unverified_email_is_refused(app, koppeling, anna):
    # The provider's account "ongeverifieerd" claims Anna's address, unverified.
    voor = Medewerker.objects.count()
    response = sso_login(app, koppeling, "ongeverifieerd", status=403)
    assert GEEN_ACCOUNT in response.text
    niets_veranderd(app, voor)


def test_a_medewerker_of_another_organisation_is_refused(app, koppeling, anna):
    # Bert's address is known, but at UWV: the gemeente's provider does not log him in.
    bert = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(), email="bert@uwv.test"
    )
    voor = Medewerker.objects.count()

    response = sso_login(app, koppeling, "bert", status=403)

    assert GEEN_ACCOUNT in response.text
    niets_veranderd(app, voor)
    bert.refresh_from_db()
    assert bert.last_login is None


def test_a_linked_medewerker_who_moved_organisation_is_refused(app, koppeling, anna):
    sso_login(app, koppeling, "anna")
    app.post(LOGOUT, {"csrfmiddlewaretoken": app.cookies["csrftoken"]})
    Medewerker.objects.filter(pk=anna.pk).update(organisatie=OrganisatieFactory())

    response = sso_login(app, koppeling, "anna", status=403)

    assert GEEN_ACCOUNT in response.text
    assert ingelogd_als(app) is None
    assert AccessAttempt.objects.filter(username="anna").exists()


def test_a_new_account_only_when_the_beheerder_allows_it(app, koppeling):
    koppeling.accounts_aanmaken = True
    koppeling.nieuwe_accounts_rol = Rol.CONSULENT
    koppeling.save()

    response = sso_login(app, koppeling, "onbekend")

    assert response.location == reverse("home")
    nieuw = Medewerker.objects.get(email="niemand@gemeente.test")
    assert nieuw.organisatie == koppeling.organisatie
    assert nieuw.rollen == {Rol.CONSULENT}
    assert not nieuw.has_usable_password()
    assert (nieuw.first_name, nieuw.last_name) == ("Niemand", "Bekend")
    assert ingelogd_als(app) == str(nieuw.pk)


def test_a_switched_off_koppeling_or_unknown_slug_has_no_login(app, koppeling):
    app.get("/inloggen/sso/bestaat-niet/", status=404)
    koppeling.actief = False
    koppeling.save()
    app.get(koppeling.get_absolute_url(), status=404)
    assert "Gemeente Testdorp" not in app.get(reverse("sso:kiezen")).text


def test_cancelling_at_the_provider_is_refused_plainly(app, koppeling):
    start = naar_provider(app, koppeling)
    state = parse_qs(urlsplit(start.location).query)["state"][0]
    response = app.get(
        f"{reverse('sso:terug')}?error=access_denied&state={state}", status=403
    )
    assert "is afgebroken" in response.text


def test_logout_ends_the_providers_session_too(app, koppeling, anna):
    browser = requests.Session()
    thuis = sso_login(app, koppeling, "anna", browser=browser).follow()
    id_token = app.session["sso_id_token"]

    uitloggen = next(f for f in thuis.forms.values() if f.action == LOGOUT)
    pagina = uitloggen.submit(status=200)

    assert ingelogd_als(app) is None
    verder = pagina.html.find("meta", attrs={"http-equiv": "refresh"})["content"]
    provider_url = verder.split("url=", 1)[1]
    assert provider_url.startswith(f"{koppeling.issuer}/session/end?")
    parameters = parse_qs(urlsplit(provider_url).query)
    assert parameters["id_token_hint"] == [id_token]
    assert parameters["post_logout_redirect_uri"] == ["http://testserver/inloggen/"]
    knop = pagina.html.find("a", string="Ook uitloggen bij je organisatie")
    assert knop["href"] == provider_url

    # At the provider: confirm, and the browser comes back to the portal's login page.
    bevestigen = browser.get(provider_url)
    formulier = re.search(r'<form[^>]*action="([^"]+)"', bevestigen.text).group(1)
    velden = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', bevestigen.text))
    terug = browser.post(
        urljoin(bevestigen.url, formulier),
        data={**velden, "logout": "yes"},
        allow_redirects=False,
    )
    while not terug.headers["location"].startswith("http://testserver"):
        terug = browser.get(
            urljoin(terug.url, terug.headers["location"]), allow_redirects=False
        )
    assert terug.headers["location"] == "http://testserver/inloggen/"
    # The provider's session is gone: the next login asks who you are again.
    opnieuw = browser.get(naar_provider(app, koppeling).location, allow_redirects=False)
    assert "/interaction/" in opnieuw.headers["location"]


def test_logout_after_a_password_login_stays_in_the_portal(app, consulent):
    thuis = app.get(reverse("home"), user=consulent)
    uitloggen = next(f for f in thuis.forms.values() if f.action == LOGOUT)
    assert uitloggen.submit().location == reverse("login")


def test_the_login_page_offers_the_organisations(app, koppeling):
    pagina = app.get(reverse("login"))
    assert "Inloggen met je organisatie" in pagina.text
    kiezen = pagina.click(href=reverse("sso:kiezen"))
    assert kiezen.html.find("a", string="Gemeente Testdorp")["href"] == (
        f"/inloggen/sso/{koppeling.slug}/"
    )


def _wachtwoord_inloggen(app, username, status):
    pagina = app.get(reverse("login"))
    return verzenden(
        pagina, username=username, password="geheim-wachtwoord-1", status=status
    )


def test_password_login_is_off_for_an_sso_organisation(app, koppeling, anna):
    anna.set_password("geheim-wachtwoord-1")
    anna.save()

    response = _wachtwoord_inloggen(app, "anna", status=200)

    assert "niet met een wachtwoord" in response.text
    assert f"/inloggen/sso/{koppeling.slug}/" in response.text
    assert ingelogd_als(app) is None


def test_a_wrong_password_does_not_tell_about_sso(app, koppeling, anna):
    response = _wachtwoord_inloggen(app, "anna", status=200)
    assert "niet met een wachtwoord" not in response.text
    assert "klopt niet" in response.text


def test_password_login_stays_when_the_beheerder_allows_it(app, koppeling, anna):
    koppeling.wachtwoord_toegestaan = True
    koppeling.save()
    anna.set_password("geheim-wachtwoord-1")
    anna.save()
    assert _wachtwoord_inloggen(app, "anna", status=302).location == reverse("home")


def test_a_beheerder_keeps_the_password(app, koppeling):
    beheerder = medewerker_met_rol(
        Rol.FUNCTIONEEL_BEHEERDER, organisatie=koppeling.organisatie, username="ruud"
    )
    beheerder.set_password("geheim-wachtwoord-1")
    beheerder.save()
    assert _wachtwoord_inloggen(app, "ruud", status=302).location == reverse("home")


def test_an_unreadable_client_secret_is_a_plain_refusal(app, koppeling, anna, settings):
    from cryptography.fernet import Fernet

    start = naar_provider(app, koppeling)
    terug = bij_provider_inloggen(start, "anna")
    settings.SSO_SLEUTEL = Fernet.generate_key().decode()  # the key was lost

    response = app.get(terug, status=403)

    assert NIET_GECONTROLEERD in response.text
    assert ingelogd_als(app) is None
