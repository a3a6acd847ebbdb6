"""`Idempotency-Key` on the API's POSTs: the same request sent again gets the first
answer and creates nothing; another body with the key is a Dutch 422."""

import json
import time
from datetime import timedelta

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

import pytest

from api import views
from api.basis import NietGevondenView
from api.idempotentie import BEWAARTERMIJN
from api.models import Idempotentiesleutel
from api.services import apiclient_aanmaken
from bewaartermijnen.services import bewaartermijnen_toepassen
from leerbedrijven.models import Leerbedrijf
from organisaties.constants import Rol
from tests.factories.organisaties import (
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)
from tests.gelijktijdig import gelijktijdig

pytestmark = pytest.mark.django_db

PAD = "/api/v1/leerbedrijven"


def _leerbedrijf(**extra):
    return {
        "naam": "Bakkerij De Korst",
        "kvk_nummer": "12345678",
        "sector": "horeca",
        "soort": "regulier",
        "baancreatie": "geen",
        "biedt_springplank": True,
        "regio": regio().pk,
        **extra,
    }


def _token(medewerker):
    return apiclient_aanmaken(naam="Suite4", medewerker=medewerker)[1]


def _post(client, token, data, sleutel=None, pad=PAD):
    kop = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if sleutel is not None:
        kop["HTTP_IDEMPOTENCY_KEY"] = sleutel
    return client.post(pad, json.dumps(data), content_type="application/json", **kop)


def test_the_same_post_twice_creates_once_and_answers_the_same(client, consulent):
    token = _token(consulent)
    sleutel = '"8e03978e-40d5-43e8-bc93-6894a57f9324"'

    eerste = _post(client, token, _leerbedrijf(), sleutel)
    # Sent again, keys in another order: the same request.
    tweede = _post(client, token, dict(reversed(_leerbedrijf().items())), sleutel)

    assert eerste.status_code == tweede.status_code == 201, eerste.content
    assert tweede.json() == eerste.json()
    assert tweede.content == eerste.content
    assert tweede["Location"] == eerste["Location"]
    assert tweede["Idempotent-Replayed"] == "true"
    assert not eerste.has_header("Idempotent-Replayed")
    assert Leerbedrijf.objects.count() == 1


def test_another_body_with_the_same_key_is_a_dutch_422(client, consulent):
    token = _token(consulent)
    _post(client, token, _leerbedrijf(), "sleutel-1")

    response = _post(
        client,
        token,
        _leerbedrijf(naam="Bakkerij Anders", kvk_nummer="87654321"),
        "sleutel-1",
    )

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Niet te verwerken"
    assert "andere inhoud" in response.json()["detail"]
    assert list(Leerbedrijf.objects.values_list("organisatie__naam", flat=True)) == [
        "Bakkerij De Korst"
    ]


def test_a_refused_post_keeps_the_key_free(client, consulent):
    token = _token(consulent)
    fout = _post(client, token, _leerbedrijf(naam=""), "sleutel-2")
    assert fout.status_code == 400
    assert not Idempotentiesleutel.objects.exists()

    goed = _post(client, token, _leerbedrijf(), "sleutel-2")
    assert goed.status_code == 201
    assert Leerbedrijf.objects.count() == 1


def test_the_key_is_per_person_and_per_endpoint(client, consulent, gemeente):
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente)
    _post(client, _token(consulent), _leerbedrijf(), "gedeeld")
    response = _post(
        client, _token(collega), _leerbedrijf(kvk_nummer="87654321"), "gedeeld"
    )
    assert response.status_code == 201
    assert Leerbedrijf.objects.count() == 2


def test_a_bad_key_is_a_400_and_saves_nothing(client, consulent):
    token = _token(consulent)
    for slecht in ['"', "x" * 256, "tab\there", '"a"b"']:
        response = _post(client, token, _leerbedrijf(), slecht)
        assert response.status_code == 400, slecht
        namen = [p["name"] for p in response.json()["invalid-params"]]
        assert namen == ["Idempotency-Key"]
    assert not Leerbedrijf.objects.exists()
    assert not Idempotentiesleutel.objects.exists()


def test_after_a_day_the_key_is_new_and_the_daily_run_removes_it(client, consulent):
    token = _token(consulent)
    _post(client, token, _leerbedrijf(), "oud")
    Idempotentiesleutel.objects.update(
        aangemaakt=timezone.now() - BEWAARTERMIJN - timedelta(minutes=1)
    )
    response = _post(client, token, _leerbedrijf(kvk_nummer="87654321"), "oud")
    assert response.status_code == 201
    assert Leerbedrijf.objects.count() == 2

    Idempotentiesleutel.objects.update(
        aangemaakt=timezone.now() - BEWAARTERMIJN - timedelta(minutes=1)
    )
    bewaartermijnen_toepassen()
    assert not Idempotentiesleutel.objects.exists()


def _post_views():
    """Every API view class with a POST handler."""

    def doorlopen(patronen):
        for patroon in patronen:
            if isinstance(patroon, URLResolver):
                yield from doorlopen(patroon.url_patterns)
            elif isinstance(patroon, URLPattern):
                klasse = getattr(patroon.callback, "cls", None)
                if klasse is not None and hasattr(klasse, "post"):
                    yield klasse

    return set(doorlopen(get_resolver("api.urls").url_patterns))


def test_every_post_takes_the_key_and_the_document_says_so(client):
    klassen = _post_views() - {NietGevondenView}
    assert views.LeerbedrijfLijst in klassen
    for klasse in klassen:
        assert getattr(klasse.post, "idempotent", False), klasse

    spec = client.get("/api/v1/openapi.json").json()
    posts = [o["post"] for o in spec["paths"].values() if "post" in o]
    assert len(posts) == len(klassen)
    for operatie in posts:
        kop = [p for p in operatie["parameters"] if p["name"] == "Idempotency-Key"]
        assert [(k["in"], k["required"]) for k in kop] == [("header", False)]
        assert "422" in operatie["responses"]


@pytest.mark.django_db(transaction=True)
def test_two_posts_with_one_key_at_the_same_moment_create_once(monkeypatch, consulent):
    token = _token(consulent)
    echt = views.leerbedrijf_services.leerbedrijf_create

    def traag(**kwargs):
        time.sleep(0.5)  # the first holds its key while the second arrives
        return echt(**kwargs)

    monkeypatch.setattr(views.leerbedrijf_services, "leerbedrijf_create", traag)

    def versturen():
        return _post(Client(), token, _leerbedrijf(), "tegelijk")

    antwoorden = gelijktijdig(versturen, versturen)
    assert [a.status_code for a in antwoorden] == [201, 201]
    assert antwoorden[0].content == antwoorden[1].content
    assert Leerbedrijf.objects.count() == 1
    assert sum(a.has_header("Idempotent-Replayed") for a in antwoorden) == 1


def test_a_replay_never_answers_outside_todays_scope(client, consulent, hier):
    from kandidaten.models import Contactmoment, Kandidaat

    token = _token(consulent)
    pad = f"/api/v1/kandidaten/{hier.kandidaat.pk}/contactmomenten"
    moment = {"datum": "2026-01-05", "soort": "gesprek", "samenvatting": "Intake"}
    assert _post(client, token, moment, "contact-1", pad=pad).status_code == 201

    # The candidate moved to another region and consulent: hers no longer.
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    Kandidaat.objects.filter(pk=hier.kandidaat.pk).update(
        regio=regio("AM01"), consulent=elders, jobcoach=None
    )
    zichtbaar = Kandidaat.objects.zichtbaar_voor(consulent)
    assert not zichtbaar.filter(pk=hier.kandidaat.pk).exists()
    response = _post(client, token, moment, "contact-1", pad=pad)

    assert response.status_code == 404
    assert "Intake" not in response.content.decode()
    assert Contactmoment.objects.count() == 1
