"""Every endpoint answers every role exactly as the UI does: the rows of the UI's
scoped selector (200), another region's object is a 404, a role without the
permission a 403."""

import pytest

from kandidaten.selectors import kandidaat_list
from kwalificaties.selectors import kwalificatie_list
from leerbedrijven.selectors import leerbedrijf_list
from trajecten.selectors import traject_list
from verklaringen.selectors import verklaring_list

pytestmark = pytest.mark.django_db

ROLLEN = [
    "consulent",
    "jobcoach",
    "praktijkopleider",
    "mbo_medewerker",
    "coordinator",
    "beheerder",
]

# endpoint: (list path, detail path, the UI's selector, which object of a Zaak,
#            roles without the permission, roles that must see the case in Twente)
ENDPOINTS = {
    "leerbedrijven": (
        "leerbedrijven",
        lambda u: leerbedrijf_list(user=u),
        "leerbedrijf",
        set(),
        set(ROLLEN),
    ),
    "kandidaten": (
        "kandidaten",
        lambda u: kandidaat_list(user=u),
        "kandidaat",
        {"praktijkopleider", "beheerder"},
        # The mbo-medewerker: the school of the candidate's traject.
        {"consulent", "jobcoach", "mbo_medewerker", "coordinator"},
    ),
    "trajecten": (
        "trajecten",
        lambda u: traject_list(user=u),
        "traject",
        {"beheerder"},
        {"consulent", "jobcoach", "praktijkopleider", "mbo_medewerker", "coordinator"},
    ),
    "verklaringen": (
        "verklaringen",
        lambda u: verklaring_list(user=u),
        "verklaring",
        set(),
        {"consulent", "jobcoach", "praktijkopleider", "mbo_medewerker", "coordinator"},
    ),
}


def _ids(response) -> set[int]:
    return {rij["id"] for rij in response.json()["results"]}


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_scope_per_endpoint_and_role(api, rollen, hier, elders, endpoint, rol):
    pad, selector, attr, geweigerd, ziet_hier = ENDPOINTS[endpoint]
    user = rollen[rol]
    api.force_login(user)
    eigen, ander = getattr(hier, attr), getattr(elders, attr)

    lijst = api.get(f"/api/v1/{pad}")
    detail = api.get(f"/api/v1/{pad}/{eigen.pk}")
    buiten = api.get(f"/api/v1/{pad}/{ander.pk}")

    if rol in geweigerd:
        assert lijst.status_code == 403
        assert lijst["Content-Type"] == "application/problem+json"
        assert lijst.json()["title"] == "Geen toegang"
        return
    assert lijst.status_code == 200, lijst.content
    verwacht = set(selector(user).values_list("pk", flat=True))
    assert _ids(lijst) == verwacht
    assert lijst.json()["count"] == len(verwacht) == int(lijst["X-Total-Count"])
    assert ander.pk not in _ids(lijst)
    assert buiten.status_code == 404
    assert buiten["Content-Type"] == "application/problem+json"
    assert buiten.json()["title"] == "Niet gevonden"
    if rol in ziet_hier:
        assert eigen.pk in _ids(lijst)
        assert detail.status_code == 200
        assert detail.json()["id"] == eigen.pk
    else:
        assert eigen.pk not in _ids(lijst)
        assert detail.status_code == 404


@pytest.mark.parametrize("rol", ROLLEN)
def test_kandidaat_detail_per_role(api, rollen, hier, elders, rol):
    """The page's rule: the praktijkopleider sees the name of the candidate placed at
    their company, not the case file; the beheerder sees no candidates."""
    user = rollen[rol]
    api.force_login(user)
    detail = api.get(f"/api/v1/kandidaten/{hier.kandidaat.pk}")
    buiten = api.get(f"/api/v1/kandidaten/{elders.kandidaat.pk}")
    if rol == "beheerder":
        assert detail.status_code == buiten.status_code == 403
        return
    assert buiten.status_code == 404
    zichtbaar = kandidaat_list(user=user).filter(pk=hier.kandidaat.pk).exists()
    assert detail.status_code == (200 if zichtbaar else 404)
    if rol == "praktijkopleider":
        assert detail.status_code == 200
        assert set(detail.json()) == {"id", "voornaam", "achternaam", "fase"}
    elif zichtbaar:
        assert detail.json()["postcode"] == hier.kandidaat.postcode


@pytest.mark.parametrize("rol", ROLLEN)
def test_kwalificaties_are_reference_data_for_every_role(api, rollen, hier, rol):
    api.force_login(rollen[rol])
    lijst = api.get("/api/v1/kwalificaties?pageSize=200")
    assert lijst.status_code == 200
    assert {r["id"] for r in lijst.json()["results"]} == set(
        kwalificatie_list().values_list("pk", flat=True)[:200]
    )
    k = hier.traject.kwalificatie
    detail = api.get(f"/api/v1/kwalificaties/{k.pk}")
    assert detail.json()["crebo"] == k.crebo
    assert detail.json()["kerntaken"][0]["werkprocessen"]


@pytest.mark.parametrize("rol", ROLLEN)
def test_dashboard_per_role(api, rollen, hier, rol):
    api.force_login(rollen[rol])
    response = api.get("/api/v1/dashboard")
    if rol in ("consulent", "jobcoach", "coordinator"):
        assert response.status_code == 200
        assert response.json()["tabellen"]
    else:
        assert response.status_code == 403
        assert response["Content-Type"] == "application/problem+json"


def test_traject_detail_has_the_status_history(api, consulent, hier):
    from trajecten.models import TrajectStatuswijziging

    TrajectStatuswijziging.objects.create(
        traject=hier.traject, van="", naar="lopend", door=consulent, reden="Gestart"
    )
    api.force_login(consulent)
    data = api.get(f"/api/v1/trajecten/{hier.traject.pk}").json()
    assert data["statusgeschiedenis"][0]["naar"] == "lopend"
    assert data["statusgeschiedenis"][0]["reden"] == "Gestart"
    assert data["kandidaat"] == hier.kandidaat.pk


def test_filters_are_the_uis(api, consulent, hier):
    api.force_login(consulent)
    naam = hier.kandidaat.achternaam
    assert _ids(api.get("/api/v1/kandidaten", {"q": naam})) == {hier.kandidaat.pk}
    assert _ids(api.get("/api/v1/kandidaten", {"q": "zzzgeennaam"})) == set()
    assert _ids(api.get("/api/v1/trajecten", {"status": "lopend"})) == {hier.traject.pk}
    assert _ids(api.get("/api/v1/trajecten", {"status": "afgesloten"})) == set()
    fout = api.get("/api/v1/trajecten", {"status": "bestaat-niet"})
    assert fout.status_code == 400
    assert fout.json()["invalid-params"][0]["name"] == "status"


def test_unknown_path_and_trailing_slash_are_problems(api, consulent):
    api.force_login(consulent)
    for pad in ("/api/v1/bestaat-niet", "/api/v1/kandidaten/"):
        response = api.get(pad)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response["API-Version"] == "1.0.0"
