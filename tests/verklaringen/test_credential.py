"""The praktijkverklaring as a verifiable credential (verklaringen/credential.py): the
signature against the published JWKS, the status list, key rotation, the downloads
and the public upload check (django-webtest, CSRF on)."""

import base64
import json

from django.core.management import call_command
from django.urls import reverse

import pytest
from jwcrypto import jwk, jws
from jwcrypto.common import json_encode
from webtest import Upload

from tests.factories.verklaringen import met_praktijkverklaring
from tests.formulieren import formulier, invullen, verzenden
from verklaringen import credential as vc
from verklaringen.models import Ondertekeningssleutel, Praktijkverklaring, Statuslijst
from verklaringen.services import verklaring_intrekken

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_cache")]

CONTROLE = "/verificatie/controleren/"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def kop(jwt: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(jwt.split(".")[0] + "=="))


def geverifieerd(app, jwt: str) -> dict:
    """The payload of `jwt`, verified with the key the portal publishes for its kid."""
    sleutels = jwk.JWKSet.from_json(app.get("/.well-known/jwks.json").body)
    token = jws.JWS()
    token.deserialize(jwt)
    token.verify(sleutels.get_key(kop(jwt)["kid"]), alg="ES256")
    return json.loads(token.payload)


def controleren(app, **waarden):
    """Submit the public check form (anonymous) and return the answer."""
    return verzenden(app.get(CONTROLE), status=200, **waarden)


# --- the credential and its signature ---
def test_the_signature_verifies_with_the_published_jwks(app):
    _traject, _mbo, v = met_praktijkverklaring()
    kandidaat = v.traject.kandidaat
    kwalificatie = v.traject.kwalificatie

    assert kop(v.credential)["typ"] == "vc+jwt"
    assert kop(v.credential)["alg"] == "ES256"
    cred = geverifieerd(app, v.credential)

    assert cred["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert cred["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert cred["issuer"]["name"] == v.mbo_instelling.naam
    assert cred["validFrom"] == f"{v.uitgereikt_op:%Y-%m-%d}T00:00:00Z"
    prestatie = cred["credentialSubject"]["achievement"]
    assert [a["targetCode"] for a in prestatie["alignment"]] == [
        w.code for w in v.werkprocessen.order_by("code")
    ]
    assert kwalificatie.naam in prestatie["name"]
    if kwalificatie.crebo:
        assert prestatie["otherIdentifier"][0]["identifier"] == kwalificatie.crebo
    leerbedrijf = v.traject.plaatsingen.get().leerbedrijf.organisatie.naam
    assert [e["name"] for e in cred["evidence"]] == [leerbedrijf]
    # A minimal identifier: a salted hash, no name, no birth date, no BSN.
    identiteit = cred["credentialSubject"]["identifier"][0]
    assert identiteit["hashed"] is True
    assert identiteit["identityHash"] == vc.naam_hash(
        kandidaat.voornaam, kandidaat.achternaam, identiteit["salt"]
    )
    tekst = json.dumps(cred)
    assert kandidaat.achternaam not in tekst
    assert kandidaat.voornaam not in tekst
    assert f"{kandidaat.geboortedatum:%Y-%m-%d}" not in tekst
    assert f"{kandidaat.geboortedatum:%d-%m-%Y}" not in tekst


def test_the_status_list_is_signed_and_decodes_to_the_revoked_bit(app):
    _traject, mbo, v = met_praktijkverklaring()
    _traject, _mbo, ander = met_praktijkverklaring()
    verklaring_intrekken(verklaring=v, door=mbo, reden="Fout in de beoordeling.")

    status = geverifieerd(app, v.credential)["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    antwoord = app.get(status["statusListCredential"].replace("http://testserver", ""))
    assert antwoord.content_type == "application/vc+jwt"
    lijst = geverifieerd(app, antwoord.text)

    assert lijst["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert lijst["id"] == status["statusListCredential"]
    bits = vc.bitstring_decoderen(lijst["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == vc.LIJST_BITS
    assert vc.bit(bits, int(status["statusListIndex"])) is True
    ander_index = int(
        geverifieerd(app, ander.credential)["credentialStatus"]["statusListIndex"]
    )
    assert ander_index != int(status["statusListIndex"])
    assert vc.bit(bits, ander_index) is False


def test_bitstring_encoding_round_trip_and_bit_order():
    bits = bytearray(16)
    bits[0] = 0b1000_0000  # index 0 is the leftmost bit
    bits[1] = 0b0000_0001  # index 15
    gecodeerd = vc.bitstring_coderen(bytes(bits))
    assert gecodeerd.startswith("u")
    assert "=" not in gecodeerd
    terug = vc.bitstring_decoderen(gecodeerd)
    assert terug == bytes(bits)
    assert [i for i in range(128) if vc.bit(terug, i)] == [0, 15]


# --- the public upload check ---
def test_a_valid_credential_is_geldig_pasted_and_as_file(app):
    _traject, _mbo, v = met_praktijkverklaring()

    geplakt = controleren(app, tekst=v.credential)
    assert geplakt.context["uitslag"].oordeel == "geldig"
    assert "Geldig." in geplakt.text
    assert v.nummer in geplakt.text
    kandidaat = v.traject.kandidaat
    assert f"{kandidaat.voornaam[0]}. {kandidaat.achternaam}" in geplakt.text

    bestand = controleren(
        app,
        bestand=Upload("verklaring.jwt", v.credential.encode(), "application/vc+jwt"),
    )
    assert bestand.context["uitslag"].oordeel == "geldig"


def test_tampered_payload_is_vervalst(app):
    _traject, _mbo, v = met_praktijkverklaring()
    kopdeel, _inhoud, handtekening = v.credential.split(".")
    cred = vc.inhoud(v.credential)
    cred["credentialSubject"]["achievement"]["alignment"].append(
        {"type": ["Alignment"], "targetCode": "B1-K9-W9", "targetName": "Extra"}
    )
    vals = ".".join([kopdeel, b64(json.dumps(cred).encode()), handtekening])

    antwoord = controleren(app, tekst=vals)

    assert antwoord.context["uitslag"].oordeel == "vervalst"
    assert "Vervalst." in antwoord.text
    assert "De handtekening klopt niet" in antwoord.text


def test_a_credential_signed_by_an_unknown_key_is_vervalst(app):
    _traject, _mbo, v = met_praktijkverklaring()
    vreemd = jwk.JWK.generate(kty="EC", crv="P-256")
    token = jws.JWS(json.dumps(vc.inhoud(v.credential)).encode())
    token.add_signature(
        vreemd,
        alg="ES256",
        protected=json_encode(
            {"alg": "ES256", "kid": vreemd.thumbprint(), "typ": "vc+jwt"}
        ),
    )

    antwoord = controleren(app, tekst=token.serialize(compact=True))

    assert antwoord.context["uitslag"].oordeel == "vervalst"
    assert "sleutel die dit portaal niet kent" in antwoord.text


def test_revoked_is_ingetrokken_on_the_upload_check_and_the_public_page(app):
    _traject, mbo, v = met_praktijkverklaring()
    assert controleren(app, tekst=v.credential).context["uitslag"].oordeel == "geldig"

    verklaring_intrekken(verklaring=v, door=mbo, reden="Fout in de beoordeling.")

    antwoord = controleren(app, tekst=v.credential)
    assert antwoord.context["uitslag"].oordeel == "ingetrokken"
    assert "Ingetrokken." in antwoord.text
    pagina = app.get(reverse("verificatie", args=[v.code]))
    assert pagina.context["ingetrokken"] is True
    assert "Ingetrokken." in pagina.text


def test_the_public_page_reads_the_status_list_bit():
    """The page and the status list cannot disagree: the page reads the bit."""
    _traject, _mbo, v = met_praktijkverklaring()
    lijst = Statuslijst.objects.get(pk=v.statuslijst_id)
    assert vc.ingetrokken(v) is False
    lijst.bits = vc._bit_zetten(bytes(lijst.bits), v.status_index)
    lijst.save()
    assert vc.ingetrokken(v) is True


def test_key_rotation_keeps_old_credentials_valid(app):
    _traject, _mbo, oud = met_praktijkverklaring()
    call_command("credential_sleutel_maken")
    _traject, _mbo, nieuw = met_praktijkverklaring()

    assert kop(oud.credential)["kid"] != kop(nieuw.credential)["kid"]
    assert kop(nieuw.credential)["kid"] == Ondertekeningssleutel.objects.first().kid
    gepubliceerd = {k["kid"] for k in app.get("/.well-known/jwks.json").json["keys"]}
    assert gepubliceerd == {kop(oud.credential)["kid"], kop(nieuw.credential)["kid"]}
    assert all("d" not in k for k in app.get("/.well-known/jwks.json").json["keys"])
    for v in (oud, nieuw):
        geverifieerd(app, v.credential)
        assert (
            controleren(app, tekst=v.credential).context["uitslag"].oordeel == "geldig"
        )


def test_the_private_key_is_stored_encrypted():
    _traject, _mbo, v = met_praktijkverklaring()
    rij = Ondertekeningssleutel.objects.get(kid=kop(v.credential)["kid"])
    assert b'"d"' not in bytes(rij.prive)
    assert "d" not in rij.publiek


@pytest.mark.parametrize(
    ("waarden", "melding"),
    [
        ({"tekst": "dit is geen verklaring"}, "Dit is geen praktijkverklaring"),
        ({"tekst": '{"naam": "x"}'}, "Dit is geen praktijkverklaring"),
        ({"tekst": "a.b.c"}, "Dit is geen praktijkverklaring"),
        ({"tekst": "x" * (vc.MAX_GROOTTE + 1)}, "De tekst is te lang"),
        (
            {"bestand": Upload("groot.jwt", b"x" * (vc.MAX_GROOTTE + 1))},
            "Het bestand is te groot",
        ),
        (
            {"bestand": Upload("foto.jwt", b"\xff\xd8\xff\xe0")},
            "geen praktijkverklaring",
        ),
        ({}, "Kies een bestand of plak de tekst"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_changes_nothing(app, waarden, melding):
    _traject, _mbo, v = met_praktijkverklaring()
    bits = bytes(Statuslijst.objects.get().bits)

    antwoord = controleren(app, **waarden)

    assert antwoord.context["uitslag"] is None
    assert antwoord.context["form"].errors
    assert melding in antwoord.text
    assert bytes(Statuslijst.objects.get().bits) == bits
    assert Praktijkverklaring.objects.get().credential == v.credential


def test_the_upload_check_is_rate_limited(app, settings):
    settings.VERIFICATIE_LIMIET = (3, 900)
    _traject, _mbo, v = met_praktijkverklaring()
    for _ in range(3):
        controleren(app, tekst="geen verklaring")
    pagina = app.get(CONTROLE, status=429)
    assert "Te veel pogingen" in pagina.text


def test_the_upload_form_needs_the_csrf_token(app):
    _traject, _mbo, v = met_praktijkverklaring()
    form = invullen(formulier(app.get(CONTROLE)), tekst=v.credential)
    form["csrfmiddlewaretoken"] = "fout"
    form.submit(status=403)


# --- downloads from the verklaring page ---
def test_the_consulent_downloads_the_credential_as_jwt_and_json(app):
    _traject, _mbo, v = met_praktijkverklaring()
    pagina = app.get(v.get_absolute_url(), user=v.traject.consulent)

    als_jwt = pagina.click(description="Downloaden als .jwt")
    assert als_jwt.text == v.credential
    assert f"praktijkverklaring-{v.nummer}.jwt" in als_jwt["Content-Disposition"]
    als_json = pagina.click(description="Downloaden als .json")
    assert als_json.json["type"] == "EnvelopedVerifiableCredential"
    assert als_json.json["id"] == f"data:application/vc+jwt,{v.credential}"

    # The JSON download checks as well.
    antwoord = controleren(
        app, bestand=Upload("verklaring.json", als_json.body, "application/json")
    )
    assert antwoord.context["uitslag"].oordeel == "geldig"


def test_another_region_cannot_download_the_credential(app):
    _traject, _mbo, v = met_praktijkverklaring()
    _traject, _mbo2, vreemde = met_praktijkverklaring()
    url = reverse("verklaringen:verklaring_credential", args=[vreemde.pk, "jwt"])
    eigen = reverse("verklaringen:verklaring_credential", args=[v.pk, "jwt"])
    gebruiker = v.traject.consulent
    if vreemde.traject.consulent_id == gebruiker.pk:  # pragma: no cover
        pytest.skip("same consulent")
    app.get(eigen, user=gebruiker, status=200)
    app.get(url, user=gebruiker, status=404)


def test_revoking_through_the_verklaring_page_sets_the_status_list_bit(app):
    _traject, mbo, v = met_praktijkverklaring()
    pagina = app.get(v.get_absolute_url(), user=mbo)

    verzenden(
        pagina,
        actie=reverse("verklaringen:verklaring_intrekken", args=[v.pk]),
        reden="Verkeerde kwalificatie.",
        status=302,
    )

    v.refresh_from_db()
    assert v.is_ingetrokken
    lijst = Statuslijst.objects.get(pk=v.statuslijst_id)
    assert vc.bit(bytes(lijst.bits), v.status_index) is True
    assert (
        controleren(app, tekst=v.credential).context["uitslag"].oordeel == "ingetrokken"
    )


def test_a_valid_signature_for_a_verklaring_not_here_is_onbekend(app):
    _traject, _mbo, v = met_praktijkverklaring()
    cred = vc.inhoud(v.credential)
    cred["id"] = "http://testserver/verificatie/bestaatniet00000000000000/"
    anders = vc.ondertekenen(cred)

    antwoord = controleren(app, tekst=anders)

    assert antwoord.context["uitslag"].oordeel == "onbekend"
    assert "Onbekend." in antwoord.text


def test_after_anonymising_the_holders_copy_still_verifies_without_a_name(app):
    from bewaartermijnen.services import kandidaat_anonimiseren

    _traject, _mbo, v = met_praktijkverklaring()
    kopie = v.credential
    kandidaat = v.traject.kandidaat
    kandidaat_anonimiseren(
        kandidaat=kandidaat, door=v.traject.consulent, reden="Verzoek."
    )
    v.refresh_from_db()

    antwoord = controleren(app, tekst=kopie)

    assert v.credential == ""  # the stored copy with the name's hash is gone
    assert antwoord.context["uitslag"].oordeel == "geldig"
    assert "(geanonimiseerd)" in antwoord.text
    assert kandidaat.achternaam not in antwoord.text
