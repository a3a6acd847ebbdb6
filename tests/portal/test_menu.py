import pytest

from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol

pytestmark = pytest.mark.django_db

MENU = {
    "Kandidaten",
    "Trajecten",
    "Verklaringen",
    "Teamoverzicht",
    "Leerbedrijven",
    "Netwerk",
    "Kennisbank",
    "Organisaties",
    "Medewerkers",
    "Audittrail",
    "Beheeromgeving",
    "Dashboard",
    "Regio's vergelijken",
}
VERWACHT = {
    Rol.CONSULENT: {
        "Kandidaten",
        "Trajecten",
        "Verklaringen",
        "Leerbedrijven",
        "Netwerk",
        "Kennisbank",
        "Organisaties",
        "Medewerkers",
        "Dashboard",
    },
    Rol.JOBCOACH: {
        "Kandidaten",
        "Trajecten",
        "Leerbedrijven",
        "Netwerk",
        "Kennisbank",
        "Organisaties",
        "Medewerkers",
        "Dashboard",
    },
    Rol.PRAKTIJKOPLEIDER: {
        "Trajecten",
        "Verklaringen",
        "Leerbedrijven",
        "Netwerk",
        "Kennisbank",
        "Organisaties",
    },
    Rol.MBO_MEDEWERKER: {
        "Kandidaten",
        "Trajecten",
        "Verklaringen",
        "Leerbedrijven",
        "Netwerk",
        "Kennisbank",
        "Organisaties",
        "Medewerkers",
    },
    Rol.REGIOCOORDINATOR: {
        "Kandidaten",
        "Trajecten",
        "Teamoverzicht",
        "Leerbedrijven",
        "Netwerk",
        "Kennisbank",
        "Organisaties",
        "Medewerkers",
        "Dashboard",
    },
    Rol.FUNCTIONEEL_BEHEERDER: {
        "Leerbedrijven",
        "Netwerk",
        "Kennisbank",
        "Organisaties",
        "Medewerkers",
        "Audittrail",
        "Beheeromgeving",
        "Bewaartermijnen",
        "Regio's vergelijken",
    },
}


@pytest.mark.parametrize(("rol", "verwacht"), VERWACHT.items())
def test_each_role_gets_its_own_menu_on_the_home_page(client, rol, verwacht):
    gebruiker = medewerker_met_rol(rol, first_name="Sam")
    client.force_login(gebruiker)

    response = client.get("/")

    getoond = {item.label for item in response.context["menu_items"]}
    assert getoond == verwacht
    html = response.content.decode()
    assert "Welkom, Sam" in html
    assert str(Rol(rol).label) in html
    for label in MENU - verwacht:
        assert f">{label}<" not in html


@pytest.mark.parametrize(("rol", "verwacht"), VERWACHT.items())
def test_every_menu_item_opens_for_its_role(client, rol, verwacht):
    client.force_login(medewerker_met_rol(rol))
    for item in client.get("/").context["menu_items"]:
        assert client.get(item.url).status_code == 200, item.label
