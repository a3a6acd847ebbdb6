"""A medewerker hears that an API key waits for them, and finds the page to pick it up:
a notification when a beheerder makes a client for them, and "API-sleutels" in the
user menu for whoever has a client that is not revoked."""

import pytest

from api.models import ApiClient, token_hash
from api.services import apiclient_aanmaken, apiclient_intrekken
from meldingen.models import Melding
from tests.formulieren import verzenden
from tests.queries import queries, zelfde_aantal

pytestmark = pytest.mark.django_db

ADD = "/beheer/api/apiclient/add/"
SLEUTELS = "/api/sleutels/"
TITEL = "Er staat een API-sleutel voor je klaar"
MENULINK = f'href="{SLEUTELS}"'


def _maken_via_formulier(app, beheerder, medewerker, naam="Suite4 Testdorp"):
    pagina = app.get(ADD, user=beheerder)
    response = verzenden(
        pagina, naam=naam, medewerker=str(medewerker.pk), status=302
    ).follow()
    assert "een melding in het portaal" in response.text
    return ApiClient.objects.get(naam=naam)


def _intrekken_via_formulier(app, beheerder, api_client):
    lijst = app.get("/beheer/api/apiclient/", user=beheerder)
    formulier = lijst.forms["changelist-form"]
    formulier["action"] = "intrekken"
    formulier["_selected_action"] = [str(api_client.pk)]
    formulier.submit().follow()
    api_client.refresh_from_db()
    assert api_client.ingetrokken_op is not None


def test_the_medewerker_is_notified_and_the_notification_leads_to_the_pick_up(
    app, client, beheerder, consulent, jobcoach
):
    api_client = _maken_via_formulier(app, beheerder, consulent)

    melding = Melding.objects.get()
    assert melding.ontvanger == consulent
    assert melding.actor == beheerder
    assert melding.titel == TITEL
    assert melding.url == SLEUTELS
    assert "Suite4 Testdorp" in melding.tekst
    assert melding.gelezen_op is None
    # Nobody else: not the beheerder who made it, not a colleague.
    for ander in (beheerder, jobcoach):
        lijst = app.get("/meldingen/", user=ander)
        assert TITEL not in lijst.text
        assert 'aria-label="Meldingen, geen ongelezen"' in lijst.text

    lijst = app.get("/meldingen/", user=consulent)
    assert 'aria-label="Meldingen, 1 ongelezen"' in lijst.text
    assert TITEL in lijst.text
    sleutels = lijst.click(href=rf"^/meldingen/{melding.pk}/$").follow()

    assert sleutels.request.path == SLEUTELS
    assert "Sleutel ophalen voor Suite4 Testdorp" in sleutels.text
    melding.refresh_from_db()
    assert melding.gelezen_op is not None
    opgehaald = verzenden(sleutels, status=200)
    token = opgehaald.text[opgehaald.text.index("plpv_") :].split("<")[0]
    api_client.refresh_from_db()
    assert api_client.token_hash == token_hash(token)
    assert client.get(
        "/api/v1/trajecten", HTTP_AUTHORIZATION=f"Bearer {token}"
    ).status_code == (200)
    assert Melding.objects.count() == 1


def test_picking_the_key_up_marks_its_notification_read(app, beheerder, consulent):
    api_client, _t = apiclient_aanmaken(naam="BI", medewerker=consulent, door=beheerder)
    andere = Melding.objects.create(ontvanger=consulent, oorzaak="iets:1", titel="X")
    sleutelmelding = Melding.objects.get(oorzaak=f"api_sleutel_klaar:{api_client.pk}")
    assert sleutelmelding.gelezen_op is None

    # Through the user menu, without opening the notification.
    thuis = app.get("/", user=consulent)
    sleutels = thuis.click(href=f"^{SLEUTELS}$")
    verzenden(sleutels, status=200)

    sleutelmelding.refresh_from_db()
    assert sleutelmelding.gelezen_op is not None
    andere.refresh_from_db()
    assert andere.gelezen_op is None  # only the key's notification


def test_a_key_shown_at_once_needs_no_notification(app, beheerder, consulent):
    # For oneself the admin shows the key right after saving; a script gets it back.
    pagina = app.get(ADD, user=beheerder)
    verzenden(pagina, naam="Eigen script", medewerker=str(beheerder.pk), status=302)
    _c, token = apiclient_aanmaken(naam="Script", medewerker=consulent)

    assert token is not None
    assert not Melding.objects.exists()


def test_a_revoked_client_notifies_nobody_and_its_waiting_notice_is_read(
    app, beheerder, consulent, jobcoach
):
    wachtend = _maken_via_formulier(app, beheerder, consulent, naam="Wachtend")
    in_gebruik, _t = apiclient_aanmaken(naam="In gebruik", medewerker=jobcoach)

    _intrekken_via_formulier(app, beheerder, wachtend)
    _intrekken_via_formulier(app, beheerder, in_gebruik)

    # No notification about revoking; the one about the waiting key no longer holds.
    melding = Melding.objects.get()
    assert melding.ontvanger == consulent
    assert melding.gelezen_op is not None
    assert not Melding.objects.filter(ontvanger=jobcoach).exists()
    # Its link still leads somewhere that says what happened.
    sleutels = app.get(SLEUTELS, user=consulent)
    assert "Ingetrokken" in sleutels.text
    assert "Sleutel ophalen" not in sleutels.text


def test_revoking_marks_read_only_the_medewerkers_own_notice(beheerder, consulent):
    eerste, _t = apiclient_aanmaken(naam="Een", medewerker=consulent, door=beheerder)
    tweede, _t = apiclient_aanmaken(naam="Twee", medewerker=consulent, door=beheerder)

    apiclient_intrekken(client=eerste)

    ongelezen = Melding.objects.filter(gelezen_op__isnull=True)
    assert list(ongelezen.values_list("oorzaak", flat=True)) == [
        f"api_sleutel_klaar:{tweede.pk}"
    ]


def test_the_user_menu_links_to_the_keys_of_someone_with_a_client(
    app, beheerder, consulent, jobcoach
):
    assert MENULINK not in app.get("/", user=consulent).text

    api_client = _maken_via_formulier(app, beheerder, consulent)
    # Waiting for its key, then picked up: the link stays.
    assert MENULINK in app.get("/", user=consulent).text
    verzenden(app.get(SLEUTELS, user=consulent), status=200)
    thuis = app.get("/", user=consulent)
    assert MENULINK in thuis.text
    # Not for a colleague without a client, nor for the beheerder who made it.
    assert MENULINK not in app.get("/", user=jobcoach).text
    assert MENULINK not in app.get("/", user=beheerder).text

    _intrekken_via_formulier(app, beheerder, api_client)
    assert MENULINK not in app.get("/", user=consulent).text


def test_the_menu_link_costs_no_query_of_its_own(app, consulent, beheerder):
    zonder = queries(lambda: app.get("/", user=consulent))
    apiclient_aanmaken(naam="BI", medewerker=consulent, door=beheerder)
    met = queries(lambda: app.get("/", user=consulent))

    assert MENULINK in app.get("/", user=consulent).text
    zelfde_aantal(zonder, met)
    # The bell's count and the client check are one query.
    over_clients = [q for q in met if '"api_apiclient"' in q]
    assert len(over_clients) == 1
    assert '"meldingen_melding"' in over_clients[0]
    assert not [q for q in met if '"meldingen_melding"' in q and q != over_clients[0]]
