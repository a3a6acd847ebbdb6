"""A beheerder makes and revokes API clients only for medewerkers within their own
reach: never another region's (a 404, not a 403), never a superuser's."""

from django.core.exceptions import PermissionDenied

import pytest

from api.models import ApiClient
from api.services import apiclient_aanmaken
from organisaties.constants import Rol
from tests.factories.organisaties import (
    MedewerkerFactory,
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)
from tests.formulieren import posten, verzenden

pytestmark = pytest.mark.django_db

ADD = "/beheer/api/apiclient/add/"


def _pagina(pk, deel="change"):
    return f"/beheer/api/apiclient/{pk}/{deel}/"


@pytest.fixture
def elders():
    """A consulent of an organisation in another region."""
    return medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )


@pytest.fixture
def twee_regios():
    """A consulent of an organisation that works in Twente and another region: the
    beheerder may see her, but a client of hers would reach into the other region."""
    return medewerker_met_rol(
        Rol.CONSULENT,
        organisatie=OrganisatieFactory(regios=[regio(), regio("AM01")]),
    )


@pytest.mark.parametrize("wie", ["elders", "twee_regios"])
def test_a_client_out_of_reach_is_a_404_and_stays_active(app, beheerder, request, wie):
    medewerker = request.getfixturevalue(wie)
    api_client, token = apiclient_aanmaken(naam="Elders", medewerker=medewerker)

    for deel in ["change", "history"]:
        app.get(_pagina(api_client.pk, deel), user=beheerder, status=404)
    posten(
        app,
        _pagina(api_client.pk),
        {"naam": "Overgenomen"},
        user=beheerder,
        status=404,
    )
    assert "Elders" not in app.get("/beheer/api/apiclient/", user=beheerder).text
    # The revoke action with its id, forced: nothing happens.
    posten(
        app,
        "/beheer/api/apiclient/",
        {"action": "intrekken", "_selected_action": [str(api_client.pk)]},
        user=beheerder,
    )
    api_client.refresh_from_db()
    assert (api_client.naam, api_client.ingetrokken_op) == ("Elders", None)


@pytest.mark.parametrize("wie", ["elders", "twee_regios"])
def test_no_client_for_someone_out_of_reach(app, beheerder, request, wie):
    medewerker = request.getfixturevalue(wie)
    pagina = app.get(ADD, user=beheerder)
    aangeboden = {w for w, *_ in pagina.forms["apiclient_form"]["medewerker"].options}
    assert str(medewerker.pk) not in aangeboden

    response = verzenden(
        pagina, naam="Stiekem", medewerker=str(medewerker.pk), status=200
    )

    assert "medewerker" in response.context["adminform"].form.errors
    assert not ApiClient.objects.exists()
    with pytest.raises(PermissionDenied):
        apiclient_aanmaken(naam="Stiekem", medewerker=medewerker, door=beheerder)
    assert not ApiClient.objects.exists()


def test_a_superuser_is_not_offered_and_a_forced_post_changes_nothing(
    app, beheerder, superuser
):
    # Even a superuser in the beheerder's own organisation.
    superuser.organisatie = beheerder.organisatie
    superuser.save()
    pagina = app.get(ADD, user=beheerder)
    aangeboden = {w for w, *_ in pagina.forms["apiclient_form"]["medewerker"].options}
    assert str(superuser.pk) not in aangeboden
    assert str(beheerder.pk) in aangeboden

    verzenden(pagina, naam="Alles", medewerker=str(superuser.pk), status=200)

    assert not ApiClient.objects.exists()
    # Not by a superuser either, not even for themselves: a key that sees everything.
    for door in [beheerder, superuser, None]:
        with pytest.raises(PermissionDenied):
            apiclient_aanmaken(naam="Alles", medewerker=superuser, door=door)
    assert not ApiClient.objects.exists()


def test_a_client_stops_working_when_its_medewerker_becomes_superuser(
    client, consulent
):
    _c, token = apiclient_aanmaken(naam="BI", medewerker=consulent)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/trajecten", **auth).status_code == 200
    consulent.is_superuser = True
    consulent.save()
    assert client.get("/api/v1/trajecten", **auth).status_code == 401


def test_an_inactive_medewerker_is_not_offered(app, beheerder, gemeente):
    weg = MedewerkerFactory(organisatie=gemeente, is_active=False)
    pagina = app.get(ADD, user=beheerder)
    aangeboden = {w for w, *_ in pagina.forms["apiclient_form"]["medewerker"].options}
    assert str(weg.pk) not in aangeboden
