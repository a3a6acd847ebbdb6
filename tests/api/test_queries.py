"""Every list endpoint of /api/v1/ runs as many SQL queries with many rows as with
few (issue #16), through the session, as a browser-like client calls them."""

import pytest

from kwalificaties.models import Kwalificatie
from organisaties.constants import Rol
from tests.api.conftest import _verklaring
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.leerbedrijven import LeerbedrijfFactory, werkprocessen
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.queries import queries, zelfde_aantal
from trajecten.constants import TrajectStatus
from trajecten.models import TrajectStatuswijziging

pytestmark = pytest.mark.django_db

BASIS = "/api/v1/"


def lijst(api, naam) -> list[dict]:
    antwoord = api.get(BASIS + naam)
    assert antwoord.status_code == 200, antwoord.content
    return antwoord.json()["results"]


def kwalificaties(aantal):
    for _ in range(aantal):
        k = Kwalificatie.objects.order_by("pk").first()
        k.pk = None
        k.naam = f"{k.naam} (kopie {Kwalificatie.objects.count()})"
        k.crebo = str(90000 + Kwalificatie.objects.count())
        k.save()


def leerbedrijven(aantal):
    for _ in range(aantal):
        LeerbedrijfFactory().werkprocessen.set(werkprocessen()[:3])


def kandidaten(consulent, aantal):
    for _ in range(aantal):
        k = KandidaatFactory(consulent=consulent)
        ContactmomentFactory(kandidaat=k)
        ContactmomentFactory(kandidaat=k)


def trajecten(consulent, aantal):
    for _ in range(aantal):
        t = TrajectFactory(kandidaat__consulent=consulent, lopend=True)
        PlaatsingFactory(traject=t)
        PlaatsingFactory(traject=t)


def verklaringen(consulent, aantal):
    for _ in range(aantal):
        t = TrajectFactory(kandidaat__consulent=consulent, verklaring_uitgereikt=True)
        _verklaring(t, consulent, 100 + t.pk)


ROWS = {
    "kwalificaties": lambda c, n: kwalificaties(n),
    "leerbedrijven": lambda c, n: leerbedrijven(n),
    "kandidaten": kandidaten,
    "trajecten": trajecten,
    "verklaringen": verklaringen,
}


@pytest.mark.parametrize("naam", list(ROWS))
@pytest.mark.parametrize("rol", ["consulent", "coordinator"])
def test_a_list_endpoint_with_more_rows(api, consulent, coordinator, naam, rol):
    """The consulent sees their own candidates; the coordinator the region's."""
    maken = ROWS[naam]
    api.force_login(consulent if rol == "consulent" else coordinator)
    maken(consulent, 2)
    weinig = queries(lambda: lijst(api, naam))
    voor = len(lijst(api, naam))
    maken(consulent, 4)
    veel = queries(lambda: lijst(api, naam))
    assert len(lijst(api, naam)) == voor + 4
    zelfde_aantal(weinig, veel)


def test_a_traject_with_a_longer_status_history_and_more_placements(api, consulent):
    """The detail's nested lists (placements, werkprocessen, status history)."""
    traject = TrajectFactory(kandidaat__consulent=consulent, lopend=True)

    def geschiedenis(aantal):
        for _ in range(aantal):
            PlaatsingFactory(traject=traject)
            TrajectStatuswijziging.objects.create(
                traject=traject,
                van=TrajectStatus.LOPEND,
                naar=TrajectStatus.LOPEND,
                door=medewerker_met_rol(Rol.CONSULENT),
                reden="Gecorrigeerd",
            )

    api.force_login(consulent)
    url = f"{BASIS}trajecten/{traject.pk}"
    geschiedenis(2)
    weinig = queries(lambda: api.get(url))
    geschiedenis(4)
    veel = queries(lambda: api.get(url))
    assert len(api.get(url).json()["statusgeschiedenis"]) == 6
    zelfde_aantal(weinig, veel)
