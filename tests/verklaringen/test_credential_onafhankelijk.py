"""A verifier that shares no code with the portal: the credential checked with the
`cryptography` package's ECDSA and the W3C status list decoded by hand, against only
what the portal publishes (the JWKS and the status list credential)."""

import base64
import gzip
import json

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from tests.factories.verklaringen import goedgekeurd_traject
from verklaringen.services import verklaring_intrekken, verklaring_uitreiken

pytestmark = pytest.mark.django_db


def _b64(tekst: str) -> bytes:
    return base64.urlsafe_b64decode(tekst + "=" * (-len(tekst) % 4))


def verifieer(app, jwt: str) -> dict:
    """RFC 7515 compact JWS with ES256 (RFC 7518 3.4), by hand: the payload, or
    InvalidSignature."""
    kop_b64, inhoud_b64, handtekening_b64 = jwt.split(".")
    kop = json.loads(_b64(kop_b64))
    assert kop["alg"] == "ES256"
    sleutels = json.loads(app.get("/.well-known/jwks.json").body)["keys"]
    jwk = next(k for k in sleutels if k["kid"] == kop["kid"])
    assert (jwk["kty"], jwk["crv"]) == ("EC", "P-256")
    publiek = ec.EllipticCurvePublicNumbers(
        int.from_bytes(_b64(jwk["x"]), "big"),
        int.from_bytes(_b64(jwk["y"]), "big"),
        ec.SECP256R1(),
    ).public_key()
    handtekening = _b64(handtekening_b64)
    assert len(handtekening) == 64  # r || s, 32 bytes each
    der = encode_dss_signature(
        int.from_bytes(handtekening[:32], "big"),
        int.from_bytes(handtekening[32:], "big"),
    )
    publiek.verify(der, f"{kop_b64}.{inhoud_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    return json.loads(_b64(inhoud_b64))


def ingetrokken(app, credential: dict) -> bool:
    """The W3C Bitstring Status List: GZIP'ed bits, multibase base64url ('u'),
    index 0 the leftmost bit of the first byte."""
    status = credential["credentialStatus"]
    lijst = verifieer(
        app,
        app.get(status["statusListCredential"].replace("http://testserver", "")).text,
    )
    gecodeerd = lijst["credentialSubject"]["encodedList"]
    assert gecodeerd[0] == "u"
    bits = gzip.decompress(_b64(gecodeerd[1:]))
    index = int(status["statusListIndex"])
    return bool(bits[index // 8] >> (7 - index % 8) & 1)


def test_an_independent_verifier_accepts_it_then_sees_the_revocation(app):
    traject, _opleider, mbo = goedgekeurd_traject()
    v = verklaring_uitreiken(
        traject=traject,
        door=mbo,
        plaats="Deventer",
        verificatie_basis="http://testserver",
    )

    credential = verifieer(app, v.credential)
    assert "OpenBadgeCredential" in credential["type"]
    assert ingetrokken(app, credential) is False

    verklaring_intrekken(verklaring=v, door=mbo, reden="Verkeerde kwalificatie.")

    assert ingetrokken(app, verifieer(app, v.credential)) is True


@pytest.mark.parametrize("deel", [0, 1, 2])
def test_one_changed_byte_fails_the_independent_check(app, deel):
    traject, _opleider, mbo = goedgekeurd_traject()
    v = verklaring_uitreiken(
        traject=traject,
        door=mbo,
        plaats="Deventer",
        verificatie_basis="http://testserver",
    )
    delen = v.credential.split(".")
    ruw = bytearray(_b64(delen[deel]))
    ruw[len(ruw) // 2] ^= 0x01
    delen[deel] = base64.urlsafe_b64encode(bytes(ruw)).decode().rstrip("=")

    with pytest.raises((InvalidSignature, ValueError, StopIteration, AssertionError)):
        verifieer(app, ".".join(delen))
