"""Token clients, the rate limit, the audit trail of reads, small-number suppression,
the OpenAPI document and its documentation page."""

from django.test import override_settings

import pytest
from auditlog.models import LogEntry
from openapi_spec_validator import validate

from api.models import ApiClient, token_hash
from api.services import apiclient_aanmaken, apiclient_intrekken
from rapportage import feiten
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import regio
from tests.formulieren import posten

pytestmark = pytest.mark.django_db


def _bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_token_client_acts_as_its_medewerker(client, consulent, hier, elders):
    api_client, token = apiclient_aanmaken(naam="Suite4", medewerker=consulent)
    assert token.startswith("plpv_")
    assert api_client.token_hash != token
    assert token not in api_client.token_hash

    response = client.get("/api/v1/kandidaten", **_bearer(token))

    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Content-Type-Options"] == "nosniff"
    ids = {r["id"] for r in response.json()["results"]}
    assert hier.kandidaat.pk in ids
    assert elders.kandidaat.pk not in ids
    api_client.refresh_from_db()
    assert api_client.laatst_gebruikt_op is not None


def test_no_or_wrong_or_revoked_token_is_401(client, consulent):
    api_client, token = apiclient_aanmaken(naam="BI", medewerker=consulent)
    assert client.get("/api/v1/trajecten", **_bearer(token)).status_code == 200

    apiclient_intrekken(client=api_client)
    for response in (
        client.get("/api/v1/trajecten", **_bearer(token)),
        client.get("/api/v1/trajecten", **_bearer("plpv_geraden")),
        client.get("/api/v1/trajecten"),
    ):
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["title"] == "Niet ingelogd"
    assert ApiClient.objects.get().ingetrokken_op is not None


def test_token_writes_need_no_csrf_and_are_audited_with_the_medewerker(
    client, consulent
):
    _api_client, token = apiclient_aanmaken(naam="Suite4", medewerker=consulent)
    response = client.post(
        "/api/v1/leerbedrijven",
        {
            "naam": "Garage Piston",
            "kvk_nummer": "87654321",
            "regio": regio().pk,
            "sector": "horeca",
            "soort": "regulier",
            "baancreatie": "geen",
        },
        content_type="application/json",
        **_bearer(token),
    )
    assert response.status_code == 201, response.content
    entries = LogEntry.objects.filter(
        action=LogEntry.Action.CREATE, object_repr__contains="Garage"
    )
    assert entries.count() == 2  # the organisation and its leerbedrijf
    assert {e.actor for e in entries} == {consulent}


@override_settings(API_LIMIET="2/min")
def test_rate_limit_per_client(client, consulent, jobcoach):
    _c, token = apiclient_aanmaken(naam="BI", medewerker=consulent)
    _d, ander = apiclient_aanmaken(naam="Ander", medewerker=jobcoach)
    assert client.get("/api/v1/kwalificaties", **_bearer(token)).status_code == 200
    assert client.get("/api/v1/kwalificaties", **_bearer(token)).status_code == 200
    derde = client.get("/api/v1/kwalificaties", **_bearer(token))
    assert derde.status_code == 429
    assert derde["Content-Type"] == "application/problem+json"
    assert int(derde["Retry-After"]) > 0
    assert "te veel verzoeken" in derde.json()["detail"]
    # Another client has its own count.
    assert client.get("/api/v1/kwalificaties", **_bearer(ander)).status_code == 200


def _toegang(obj):
    return LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.ACCESS)


def test_reads_of_kandidaten_are_audited(client, consulent, hier, elders):
    _c, token = apiclient_aanmaken(naam="Suite4", medewerker=consulent)
    assert not _toegang(hier.kandidaat).exists()

    client.get("/api/v1/kandidaten", **_bearer(token))
    lijst = _toegang(hier.kandidaat).get()
    assert lijst.actor == consulent
    assert lijst.additional_data == {"via": "api"}

    client.get(f"/api/v1/kandidaten/{hier.kandidaat.pk}", **_bearer(token))
    assert _toegang(hier.kandidaat).count() == 2
    client.get(f"/api/v1/trajecten/{hier.traject.pk}", **_bearer(token))
    assert _toegang(hier.traject).get().actor == consulent
    # A 404 shows nothing and records nothing.
    client.get(f"/api/v1/kandidaten/{elders.kandidaat.pk}", **_bearer(token))
    assert not _toegang(elders.kandidaat).exists()


def test_dashboard_suppresses_small_numbers(client, coordinator):
    _c, token = apiclient_aanmaken(naam="BI", medewerker=coordinator)
    KandidaatFactory.create_batch(3)
    feiten.herbouwen()  # the dashboards count from the facts (no commit in a test)

    data = client.get("/api/v1/dashboard", **_bearer(token)).json()
    trechter = next(t for t in data["tabellen"] if t["sleutel"] == "trechter")
    aangemeld = trechter["rijen"][0]["cellen"][0]
    assert aangemeld == {"waarde": None, "tekst": "<5", "onderdrukt": True}
    assert all(
        c["waarde"] is None or c["waarde"] >= 5
        for t in data["tabellen"]
        for r in t["rijen"]
        for c in r["cellen"][:1]
    )

    KandidaatFactory.create_batch(3)
    feiten.herbouwen()
    data = client.get("/api/v1/dashboard", **_bearer(token)).json()
    trechter = next(t for t in data["tabellen"] if t["sleutel"] == "trechter")
    assert trechter["rijen"][0]["cellen"][0]["waarde"] == 6


def test_dashboard_filter_errors_are_dutch(client, coordinator):
    _c, token = apiclient_aanmaken(naam="BI", medewerker=coordinator)
    response = client.get(
        "/api/v1/dashboard?van=2026-05-01&tot=2026-01-01", **_bearer(token)
    )
    assert response.status_code == 400
    (fout,) = response.json()["invalid-params"]
    assert fout["name"] == "tot"
    assert "ligt vóór" in fout["reason"]


def test_the_openapi_document_is_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert spec["openapi"].startswith("3.")
    paden = set(spec["paths"])
    assert "/kandidaten/{id}" in paden
    assert spec["servers"][0]["url"] == "/api/v1"
    kop = spec["paths"]["/kandidaten"]["get"]["responses"]["200"]["headers"]
    assert "API-Version" in kop
    assert all(p == p.lower() and not p.endswith("/") for p in paden)
    assert {"apiKoppeling", "sessie"} <= set(spec["components"]["securitySchemes"])
    assert client.get("/api/v1/schema/").status_code == 200


def test_docs_page_uses_only_vendored_files_under_the_csp(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    )
    assert "<style" not in html
    assert "<script>" not in html
    assert "http" not in html.replace("http-equiv", "")  # no CDN
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    script = client.get("/api/v1/docs?script=")
    assert script.status_code == 200
    assert b"SwaggerUIBundle" in script.content


def test_beheerder_makes_a_client_and_only_its_medewerker_sees_the_token(
    app, client, beheerder, consulent
):
    from tests.formulieren import verzenden

    pagina = app.get("/beheer/api/apiclient/add/", user=beheerder)
    response = verzenden(
        pagina, naam="Suite4 Testdorp", medewerker=str(consulent.pk), status=302
    ).follow()
    api_client = ApiClient.objects.get()
    assert api_client.medewerker == consulent
    # The beheerder never sees a key: it reads what a consulent reads.
    assert "plpv_" not in response.text
    assert "/api/sleutels/" in response.text
    assert api_client.opgehaald_op is None

    # The consulent, logged in as herself, picks it up once.
    eigen = app.get("/api/sleutels/", user=consulent)
    opgehaald = verzenden(eigen, status=200)
    tekst = opgehaald.text
    token = tekst[tekst.index("plpv_") :].split("<")[0]
    api_client.refresh_from_db()
    assert api_client.token_hash == token_hash(token)
    assert client.get("/api/v1/trajecten", **_bearer(token)).status_code == 200
    # Never shown again, to nobody; a second pick-up (another tab) is a 404.
    assert token not in app.get("/api/sleutels/", user=consulent).text
    posten(app, "/api/sleutels/", {"client": api_client.pk}, status=404)
    api_client.refresh_from_db()
    assert api_client.token_hash == token_hash(token)
    assert (
        token
        not in app.get(
            f"/beheer/api/apiclient/{api_client.pk}/change/", user=beheerder
        ).text
    )

    lijst = app.get("/beheer/api/apiclient/", user=beheerder)
    formulier = lijst.forms["changelist-form"]
    formulier["action"] = "intrekken"
    formulier["_selected_action"] = [str(api_client.pk)]
    formulier.submit().follow()
    assert client.get("/api/v1/trajecten", **_bearer(token)).status_code == 401


def test_a_client_made_for_oneself_shows_its_token_at_once(app, client, beheerder):
    from tests.formulieren import verzenden

    pagina = app.get("/beheer/api/apiclient/add/", user=beheerder)
    response = verzenden(
        pagina, naam="Eigen script", medewerker=str(beheerder.pk), status=302
    ).follow()
    tekst = response.text
    token = tekst[tekst.index("plpv_") :].split()[0]
    assert ApiClient.objects.get().token_hash == token_hash(token)
    assert client.get("/api/v1/kwalificaties", **_bearer(token)).status_code == 200


def test_nobody_picks_up_another_persons_key(app, beheerder, consulent, jobcoach):
    api_client, token = apiclient_aanmaken(
        naam="Suite4", medewerker=consulent, door=beheerder
    )
    assert token is None
    # Not offered to a colleague, and a forced POST is a 404 that changes nothing.
    assert "Suite4" not in app.get("/api/sleutels/", user=jobcoach).text
    posten(app, "/api/sleutels/", {"client": api_client.pk}, user=jobcoach, status=404)
    posten(app, "/api/sleutels/", {"client": "x"}, user=jobcoach, status=404)
    api_client.refresh_from_db()
    assert api_client.opgehaald_op is None


def test_admin_offers_no_medewerker_of_another_region(app, beheerder, consulent):
    from organisaties.constants import Rol
    from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol

    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    pagina = app.get("/beheer/api/apiclient/add/", user=beheerder)
    aangeboden = {w for w, *_ in pagina.forms["apiclient_form"]["medewerker"].options}
    assert str(consulent.pk) in aangeboden
    assert str(elders.pk) not in aangeboden
