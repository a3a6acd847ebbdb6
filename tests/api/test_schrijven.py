"""Writes go through the UI's forms and services: the same rules, Dutch messages as
problem+json with invalid-params, nothing saved on bad input, audited with the actor."""

import json

from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

import pytest
from auditlog.models import LogEntry

from kandidaten.models import Contactmoment, Kandidaat
from leerbedrijven.models import Leerbedrijf, LeerbedrijfStatuswijziging
from organisaties.models import Organisatie
from tests.factories.leerbedrijven import LeerbedrijfFactory
from tests.factories.organisaties import regio

pytestmark = pytest.mark.django_db


def _post(api, pad, data, method="post"):
    """A write as the browser's script sends it: JSON plus the CSRF token."""
    geheim = _get_new_csrf_string()
    api.cookies["csrftoken"] = geheim
    return getattr(api, method)(
        pad,
        json.dumps(data),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=_mask_cipher_secret(geheim),
    )


LEERBEDRIJF = {
    "naam": "Bakkerij De Korst",
    "kvk_nummer": "12345678",
    "sector": "horeca",
    "soort": "regulier",
    "baancreatie": "geen",
    "biedt_springplank": True,
}


def test_leerbedrijf_create_through_the_service(api, consulent):
    api.force_login(consulent)
    response = _post(api, "/api/v1/leerbedrijven", {**LEERBEDRIJF, "regio": regio().pk})
    assert response.status_code == 201, response.content
    leerbedrijf = Leerbedrijf.objects.get(organisatie__kvk_nummer="12345678")
    assert response["Location"] == f"/api/v1/leerbedrijven/{leerbedrijf.pk}"
    assert response.json()["naam"] == "Bakkerij De Korst"
    assert response.json()["status"] == "benaderd"
    # The service's history row, and the audit trail names the actor.
    assert (
        LeerbedrijfStatuswijziging.objects.get(leerbedrijf=leerbedrijf).door
        == consulent
    )
    entry = LogEntry.objects.get_for_object(leerbedrijf).get(
        action=LogEntry.Action.CREATE
    )
    assert entry.actor == consulent


def test_bad_input_is_a_dutch_problem_and_nothing_is_saved(api, consulent):
    api.force_login(consulent)
    organisaties = Organisatie.objects.count()
    response = _post(
        api,
        "/api/v1/leerbedrijven",
        {**LEERBEDRIJF, "kvk_nummer": "12", "naam": "", "regio": regio("AM01").pk},
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    data = response.json()
    assert data["title"] == "Ongeldige invoer"
    assert data["status"] == 400
    assert data["instance"] == "/api/v1/leerbedrijven"
    fouten = {p["name"]: p["reason"] for p in data["invalid-params"]}
    assert set(fouten) == {"naam", "kvk_nummer", "regio"}
    assert fouten["naam"] == "Dit veld is verplicht."
    assert "8 cijfers" in fouten["kvk_nummer"] or "KvK" in fouten["kvk_nummer"]
    assert Organisatie.objects.count() == organisaties
    assert not Leerbedrijf.objects.exists()


def test_not_json_is_a_problem(api, consulent):
    api.force_login(consulent)
    geheim = _get_new_csrf_string()
    api.cookies["csrftoken"] = geheim
    response = api.post(
        "/api/v1/leerbedrijven",
        "naam=x",
        content_type="application/x-www-form-urlencoded",
        HTTP_X_CSRFTOKEN=_mask_cipher_secret(geheim),
    )
    assert response.status_code == 415
    assert response.json()["title"] == "Formaat niet ondersteund"


def test_session_write_without_csrf_token_is_refused(api, consulent):
    api.force_login(consulent)
    response = api.post(
        "/api/v1/leerbedrijven",
        json.dumps({**LEERBEDRIJF, "regio": regio().pk}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Leerbedrijf.objects.exists()


def test_leerbedrijf_update_needs_the_current_version(api, consulent):
    leerbedrijf = LeerbedrijfFactory()
    api.force_login(consulent)
    gegevens = {
        **LEERBEDRIJF,
        "kvk_nummer": leerbedrijf.organisatie.kvk_nummer,
        "regio": regio().pk,
        "versie": leerbedrijf.versie,
    }
    goed = _post(api, f"/api/v1/leerbedrijven/{leerbedrijf.pk}", gegevens, "put")
    assert goed.status_code == 200, goed.content
    assert goed.json()["versie"] == leerbedrijf.versie + 1
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.organisatie.naam == "Bakkerij De Korst"

    oud = _post(
        api,
        f"/api/v1/leerbedrijven/{leerbedrijf.pk}",
        {**gegevens, "naam": "Andere naam"},
        "put",
    )
    assert oud.status_code == 409
    assert "Iemand anders" in oud.json()["detail"]
    leerbedrijf.organisatie.refresh_from_db()
    assert leerbedrijf.organisatie.naam == "Bakkerij De Korst"


def test_update_outside_scope_is_404_and_without_permission_403(
    api, consulent, praktijkopleider
):
    elders = LeerbedrijfFactory(regio=regio("AM01"))
    api.force_login(consulent)
    assert (
        _post(api, f"/api/v1/leerbedrijven/{elders.pk}", {}, "put").status_code == 404
    )
    api.force_login(praktijkopleider)
    eigen = LeerbedrijfFactory(organisatie=praktijkopleider.organisatie)
    assert _post(api, f"/api/v1/leerbedrijven/{eigen.pk}", {}, "put").status_code == 403


INTAKE = {
    "voornaam": "Sanne",
    "achternaam": "Jansen",
    "geboortedatum": "1990-04-01",
    "postcode": "7511AB",
    "woonplaats": "Enschede",
    "bron": "gemeente",
    "uitkering": "participatiewet",
    "hoogste_opleiding": "vmbo",
    "startkwalificatie": "geen",
    "toestemming_op": "2026-01-05",
    "toestemming": True,
}


def test_kandidaat_intake_through_the_service(api, consulent):
    api.force_login(consulent)
    response = _post(
        api,
        "/api/v1/kandidaten",
        {**INTAKE, "regio": regio().pk, "consulent": consulent.pk},
    )
    assert response.status_code == 201, response.content
    kandidaat = Kandidaat.objects.get()
    assert kandidaat.organisatie == consulent.organisatie
    assert kandidaat.toestemming_door == consulent
    assert kandidaat.postcode == "7511 AB"  # the form's normalisation
    assert kandidaat.gebeurtenissen.filter(soort="intake").exists()
    assert (
        LogEntry.objects.get_for_object(kandidaat)
        .get(action=LogEntry.Action.CREATE)
        .actor
        == consulent
    )


def test_kandidaat_intake_without_consent_saves_nothing(api, consulent):
    api.force_login(consulent)
    response = _post(
        api,
        "/api/v1/kandidaten",
        {
            **INTAKE,
            "toestemming": False,
            "regio": regio().pk,
            "startkwalificatie": "ja",
        },
    )
    assert response.status_code == 400
    fouten = {p["name"]: p["reason"] for p in response.json()["invalid-params"]}
    assert fouten["toestemming"] == "Dit veld is verplicht."
    assert fouten["startkwalificatie_motivatie"].startswith("Leg uit waarom")
    assert not Kandidaat.objects.exists()


def test_contactmoment(api, consulent, beheerder, hier, elders):
    api.force_login(consulent)
    pad = f"/api/v1/kandidaten/{hier.kandidaat.pk}/contactmomenten"
    response = _post(
        api, pad, {"datum": "2026-01-05", "soort": "gesprek", "samenvatting": "Intake"}
    )
    assert response.status_code == 201, response.content
    moment = Contactmoment.objects.get(kandidaat=hier.kandidaat)
    assert moment.door == consulent
    assert hier.kandidaat.gebeurtenissen.filter(soort="contact").exists()

    fout = _post(api, pad, {"datum": "2999-01-01", "soort": "gesprek"})
    assert fout.status_code == 400
    assert {p["name"] for p in fout.json()["invalid-params"]} == {
        "datum",
        "samenvatting",
    }
    buiten = f"/api/v1/kandidaten/{elders.kandidaat.pk}/contactmomenten"
    assert _post(api, buiten, {"soort": "gesprek"}).status_code == 404
    api.force_login(beheerder)
    assert _post(api, pad, {"soort": "gesprek"}).status_code == 403
    assert Contactmoment.objects.count() == 1
