from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories.organisaties import MedewerkerFactory

pytestmark = pytest.mark.django_db

FOUT = "De gebruikersnaam of het wachtwoord klopt niet"


def inloggen(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


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


def test_wrong_password_and_unknown_user_get_the_same_dutch_error(client):
    MedewerkerFactory(username="anna")
    fout_wachtwoord = inloggen(client, "anna", "verkeerd")
    onbekend = inloggen(client, "niemand", "verkeerd")

    for response in (fout_wachtwoord, onbekend):
        assert response.status_code == 200
        assert FOUT in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_correct_login_reaches_home(client):
    MedewerkerFactory(username="anna", first_name="Anna")
    response = inloggen(client, "anna", "geheim-wachtwoord-123")
    assert response.status_code == 302
    assert client.get("/").content.decode().count("Welkom, Anna") == 1


def test_repeated_failures_lock_the_login_even_with_the_right_password(
    client, settings
):
    MedewerkerFactory(username="anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, "anna", "verkeerd")

    response = inloggen(client, "anna", "geheim-wachtwoord-123")

    assert response.status_code == 429
    assert "Inloggen is even geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_session_ends_after_inactivity(client):
    MedewerkerFactory(username="anna")
    inloggen(client, "anna", "geheim-wachtwoord-123")
    assert client.get("/").status_code == 200

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    assert client.get("/").status_code == 302


def test_session_is_renewed_on_every_request(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_password_reset_mails_a_dutch_link_after_commit(
    client, django_capture_on_commit_callbacks
):
    MedewerkerFactory(username="anna", email="anna@example.org")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("password_reset"), {"email": "anna@example.org"})

    assert response.status_code == 302
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Nieuw wachtwoord voor het PLPV-portaal"
    assert "/wachtwoord/herstellen/" in mail.outbox[0].body


def test_password_reset_for_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
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


def test_logout_is_post_only_and_ends_the_session(client, consulent):
    client.force_login(consulent)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get("/").status_code == 302
