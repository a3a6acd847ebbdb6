import re
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from tests.factories.organisaties import MedewerkerFactory
from tests.formulieren import LOGOUT, verzenden

pytestmark = pytest.mark.django_db

FOUT = "De gebruikersnaam of het wachtwoord klopt niet"

# Production: every request reaches the portal from the TLS proxy, which appends the
# client's address to X-Forwarded-For (CLIENT_IP_HEADER in settings/production.py).
PROXY = "10.0.0.1"
AANVALLER = "203.0.113.66"
ANNA_THUIS = "198.51.100.7"


@pytest.fixture(autouse=True)
def _lege_cache():
    # The password reset limit counts in the cache; every test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def achter_proxy(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"


def via_proxy(app, client_adres):
    """Next requests come from `client_adres` through the proxy; the client forged a
    first entry of its own, the proxy appended the real address last."""
    app.extra_environ.update(
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {client_adres}"
    )


def inloggen(app, username, password, status=None):
    """Fill the rendered login form, as a person at the login page does."""
    pagina = app.get(reverse("login"))
    return verzenden(pagina, username=username, password=password, status=status)


def ingelogd(app) -> bool:
    return "_auth_user_id" in app.session


@pytest.mark.parametrize(
    "url",
    ["/", "/organisaties/", "/organisaties/medewerkers/", "/wachtwoord/wijzigen/"],
)
def test_pages_need_a_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")


@pytest.mark.parametrize("url", ["/inloggen/", "/wachtwoord/vergeten/", "/health/"])
def test_public_pages_need_no_login(client, url):
    assert client.get(url).status_code == 200


def test_login_page_is_dutch(client):
    html = client.get("/inloggen/").content.decode()
    assert '<html lang="nl">' in html
    assert "Gebruikersnaam" in html
    assert "Wachtwoord vergeten?" in html


def test_wrong_password_and_unknown_user_get_the_same_dutch_error(app):
    MedewerkerFactory(username="anna")
    fout_wachtwoord = inloggen(app, "anna", "verkeerd", status=200)
    onbekend = inloggen(app, "niemand", "verkeerd", status=200)

    for response in (fout_wachtwoord, onbekend):
        assert FOUT in response.text
        assert not ingelogd(app)
    app.get("/", status=302)


def test_correct_login_reaches_home(app):
    MedewerkerFactory(username="anna", first_name="Anna")
    response = inloggen(app, "anna", "geheim-wachtwoord-123", status=302)
    assert response.follow().text.count("Welkom, Anna") == 1


def test_repeated_failures_lock_the_login_even_with_the_right_password(app, settings):
    MedewerkerFactory(username="anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(app, "anna", "verkeerd", status="*")  # the last one is refused

    response = inloggen(app, "anna", "geheim-wachtwoord-123", status=429)

    assert "Inloggen is even geblokkeerd" in response.text
    # In plain Dutch, not axes' ISO duration ("PT15M").
    assert "Probeer het over 15 minuten opnieuw." in " ".join(response.text.split())
    assert not ingelogd(app)


def test_failures_behind_the_proxy_lock_the_attacker_not_the_account(
    app, settings, achter_proxy
):
    MedewerkerFactory(username="anna")
    via_proxy(app, AANVALLER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(app, "anna", "verkeerd", status="*")
    geweigerd = inloggen(app, "anna", "geheim-wachtwoord-123", status=429)
    assert "Inloggen is even geblokkeerd" in geweigerd.text
    assert not ingelogd(app)
    # The failures were counted for the attacker's address, not for the proxy's.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        AANVALLER
    }

    # Anna, from her own address behind the same proxy, still gets in.
    via_proxy(app, ANNA_THUIS)
    inloggen(app, "anna", "geheim-wachtwoord-123", status=302)
    assert ingelogd(app)


def test_session_ends_after_inactivity(app):
    MedewerkerFactory(username="anna")
    inloggen(app, "anna", "geheim-wachtwoord-123", status=302)
    app.get("/", status=200)

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    app.get("/", status=302)


def test_session_is_renewed_on_every_request(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def vergeten_pagina(app):
    """The reset page, reached from the login page's link."""
    return app.get(reverse("login")).click(href=reverse("password_reset"))


def test_password_reset_mails_a_dutch_link_after_commit(
    app, django_capture_on_commit_callbacks
):
    MedewerkerFactory(username="anna", email="anna@example.org")
    pagina = vergeten_pagina(app)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = verzenden(pagina, email="anna@example.org", status=302)

    assert response["Location"] == reverse("password_reset_done")
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Nieuw wachtwoord voor het PLPV-portaal"
    assert "/wachtwoord/herstellen/" in mail.outbox[0].body


def test_password_reset_for_unknown_address_looks_the_same_and_sends_nothing(app):
    pagina = vergeten_pagina(app)
    response = verzenden(pagina, email="onbekend@example.org", status=302)
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


TE_VAAK = "Er is de laatste tijd al vaak een link aangevraagd"


def reset_aanvragen(app, email, django_capture_on_commit_callbacks):
    """Ask for a reset link on the page; the answer is always 'look in your e-mail'."""
    with django_capture_on_commit_callbacks(execute=True):
        response = verzenden(vergeten_pagina(app), email=email, status=302)
    assert response["Location"] == reverse("password_reset_done")
    return response.follow()


def test_password_reset_mails_one_account_at_most_three_times_an_hour(
    app, settings, achter_proxy, django_capture_on_commit_callbacks
):
    settings.WACHTWOORD_RESET_LIMIET = (3, 3600)
    MedewerkerFactory(username="anna", email="anna@example.org")
    antwoorden = []
    for i in range(5):  # from five different addresses, in any spelling
        via_proxy(app, f"203.0.113.{i}")
        email = "Anna@Example.org" if i % 2 else "anna@example.org"
        antwoorden.append(
            reset_aanvragen(app, email, django_capture_on_commit_callbacks)
        )

    assert len(mail.outbox) == 3
    assert [TE_VAAK in a.text for a in antwoorden] == [False] * 3 + [True] * 2
    assert "Kijk in je e-mail" in antwoorden[-1].text


def test_password_reset_mails_from_one_client_at_most_three_times_an_hour(
    app, settings, achter_proxy, django_capture_on_commit_callbacks
):
    settings.WACHTWOORD_RESET_LIMIET = (3, 3600)
    for i in range(4):
        MedewerkerFactory(username=f"m{i}", email=f"m{i}@example.org")
    via_proxy(app, AANVALLER)
    # Unknown addresses count too: the limit tells nothing about which ones exist.
    reset_aanvragen(app, "onbekend1@example.org", django_capture_on_commit_callbacks)
    for i in range(4):
        laatste = reset_aanvragen(
            app, f"m{i}@example.org", django_capture_on_commit_callbacks
        )

    assert sorted(m.to[0] for m in mail.outbox) == ["m0@example.org", "m1@example.org"]
    assert TE_VAAK in laatste.text
    # Another client behind the same proxy is not limited.
    via_proxy(app, ANNA_THUIS)
    reset_aanvragen(app, "m3@example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3


def test_the_limit_message_is_the_same_for_known_and_unknown_addresses(
    app, settings, django_capture_on_commit_callbacks
):
    settings.WACHTWOORD_RESET_LIMIET = (0, 3600)
    MedewerkerFactory(username="anna", email="anna@example.org")
    bekend = reset_aanvragen(
        app, "anna@example.org", django_capture_on_commit_callbacks
    )
    onbekend = reset_aanvragen(
        app, "niemand@example.org", django_capture_on_commit_callbacks
    )
    assert TE_VAAK in bekend.text
    zonder_token = re.compile(r'CSRFToken": "[^"]+"')
    assert zonder_token.sub("", bekend.text) == zonder_token.sub("", onbekend.text)
    assert mail.outbox == []


def test_admin_is_for_functioneel_beheerders_only(client, beheerder, consulent):
    assert client.get("/beheer/").status_code == 302  # anonymous: to the login page

    client.force_login(consulent)
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    assert "Je hebt geen toegang tot deze pagina" in response.content.decode()

    client.force_login(beheerder)
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/organisaties/organisatie/").status_code == 200


def test_logout_is_post_only_and_ends_the_session(app, consulent):
    pagina = app.get("/", user=consulent)
    app.get(LOGOUT, status=405)
    uitloggen = next(
        f for k, f in pagina.forms.items() if isinstance(k, int) and f.action == LOGOUT
    )
    uitloggen.submit(status=302)
    app.get("/", status=302)
