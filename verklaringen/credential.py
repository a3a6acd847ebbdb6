"""The praktijkverklaring as a verifiable credential.

- The credential is an Open Badges 3.0 `OpenBadgeCredential` in the W3C Verifiable
  Credentials data model 2.0, secured as a VC-JWT (VC-JOSE-COSE: the JWS payload is the
  credential itself, header `typ: vc+jwt`, `cty: vc`, `alg: ES256`, `kid`). It is signed
  once, when the verklaring is issued, and stored on the verklaring: the download, the
  PDF attachment and every later check use the same bytes.
- The keys (`Ondertekeningssleutel`): the newest signs; all are published as a JWKS at
  `/.well-known/jwks.json`, so a credential signed before a rotation stays verifiable.
  `manage.py credential_sleutel_maken` adds a new key (rotation). The private key is
  stored encrypted with Fernet (`core.crypto`, setting CREDENTIAL_SLEUTEL; without it
  a key derived from SECRET_KEY).
- Revocation: a W3C Bitstring Status List (`Statuslijst`). Issuing takes the next index;
  revoking sets the bit. The status list credential (`/verificatie/statuslijst/<id>/`)
  is itself a signed VC-JWT. The public verification page reads the same bit
  (`ingetrokken`), so the page and the status list always agree.
- `controleren(tekst)` checks an uploaded credential: geldig, ingetrokken, vervalst
  (bad signature, unknown key, tampered payload, another algorithm) or onbekend (signed
  by this portal but no such verklaring here).
"""

import base64
import binascii
import datetime
import gzip
import hashlib
import json
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core import crypto

from .models import Ondertekeningssleutel, Praktijkverklaring, Statuslijst

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ALG = "ES256"
# 131,072 bits (16 KB), the W3C minimum: a list this long gives herd privacy (a
# verifier that fetches the list does not learn which credential it checks).
LIJST_BITS = 131_072
# An uploaded credential is a few KB; anything larger is refused before parsing.
MAX_GROOTTE = 32 * 1024
INSTELLING = "CREDENTIAL_SLEUTEL"


# --- keys ---
def _fernet():
    """The Fernet key(s) for the private keys: CREDENTIAL_SLEUTEL (one key, or
    several separated by commas: the first encrypts, all decrypt), else a key
    derived from SECRET_KEY (development and tests). A lost or changed key only
    means: make a new signing key; old credentials stay verifiable, because the
    public keys are stored in clear."""
    from cryptography.fernet import Fernet, MultiFernet

    sleutels = crypto.sleutels(INSTELLING) or [
        base64.urlsafe_b64encode(
            hashlib.sha256(f"plpv-credential:{settings.SECRET_KEY}".encode()).digest()
        ).decode()
    ]
    return MultiFernet([Fernet(s.encode()) for s in sleutels])


@transaction.atomic
def sleutel_maken() -> Ondertekeningssleutel:
    """A new P-256 key; being the newest, it signs from now on."""
    from jwcrypto import jwk

    sleutel = jwk.JWK.generate(kty="EC", crv="P-256")
    kid = sleutel.thumbprint()
    publiek = sleutel.export_public(as_dict=True)
    publiek.update({"kid": kid, "use": "sig", "alg": ALG})
    return Ondertekeningssleutel.objects.create(
        kid=kid,
        publiek=publiek,
        prive=_fernet().encrypt(sleutel.export_private().encode()),
    )


def _actieve_sleutel():
    from jwcrypto import jwk

    rij = Ondertekeningssleutel.objects.first() or sleutel_maken()
    prive = _fernet().decrypt(bytes(rij.prive)).decode()
    return rij.kid, jwk.JWK.from_json(prive)


def jwks() -> dict:
    """Every public key, newest first (verifiers pick by `kid`)."""
    return {
        "keys": list(Ondertekeningssleutel.objects.values_list("publiek", flat=True))
    }


def ondertekenen(gegevens: dict) -> str:
    """`gegevens` as a compact VC-JWT signed with the newest key."""
    from jwcrypto import jws
    from jwcrypto.common import json_encode

    kid, sleutel = _actieve_sleutel()
    token = jws.JWS(json.dumps(gegevens, ensure_ascii=False).encode())
    token.add_signature(
        sleutel,
        alg=ALG,
        protected=json_encode({"alg": ALG, "kid": kid, "typ": "vc+jwt", "cty": "vc"}),
    )
    return token.serialize(compact=True)


def inhoud(jwt: str) -> dict:
    """The payload of a compact JWS we signed ourselves (no check)."""
    return json.loads(_b64_decode(jwt.split(".")[1]))


# --- the status list ---
def bitstring_coderen(bits: bytes) -> str:
    """`encodedList`: multibase base64url (prefix 'u', no padding) of the GZIP'ed
    bitstring."""
    return "u" + base64.urlsafe_b64encode(gzip.compress(bits, mtime=0)).decode().rstrip(
        "="
    )


def bitstring_decoderen(gecodeerd: str) -> bytes:
    if not gecodeerd.startswith("u"):
        raise ValueError("encodedList is not multibase base64url")
    return gzip.decompress(_b64_decode(gecodeerd[1:]))


def bit(bits: bytes, index: int) -> bool:
    """Bit `index`; index 0 is the leftmost bit of the first byte (W3C)."""
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _bit_zetten(bits: bytes, index: int) -> bytes:
    data = bytearray(bits)
    data[index // 8] |= 0x80 >> (index % 8)
    return bytes(data)


def _index_nemen() -> tuple[Statuslijst, int]:
    """The next free index, under the list's row lock (held until commit)."""
    lijst = (
        Statuslijst.objects.select_for_update()
        .filter(volgende_index__lt=LIJST_BITS)
        .order_by("pk")
        .first()
    )
    if lijst is None:
        lijst = Statuslijst.objects.create(bits=bytes(LIJST_BITS // 8))
        lijst = Statuslijst.objects.select_for_update().get(pk=lijst.pk)
    index = lijst.volgende_index
    lijst.volgende_index += 1
    lijst.save(update_fields=["volgende_index"])
    return lijst, index


def statusbit_zetten(verklaring: Praktijkverklaring) -> None:
    """Mark the verklaring revoked on its status list (inside the revocation's
    transaction)."""
    if verklaring.statuslijst_id is None:
        return
    lijst = Statuslijst.objects.select_for_update().get(pk=verklaring.statuslijst_id)
    lijst.bits = _bit_zetten(bytes(lijst.bits), verklaring.status_index)
    lijst.save(update_fields=["bits"])


def ingetrokken(verklaring: Praktijkverklaring) -> bool:
    """Revoked according to its bit on the status list: what the status list
    credential says. A verklaring from before the status list has no index until its
    credential is made; then the revocation date speaks."""
    if verklaring.statuslijst_id is None:
        return verklaring.is_ingetrokken
    lijst = Statuslijst.objects.only("bits").get(pk=verklaring.statuslijst_id)
    return bit(bytes(lijst.bits), verklaring.status_index)


def statuslijst_url(basis: str, lijst_id: int) -> str:
    return basis.rstrip("/") + reverse("statuslijst", args=[lijst_id])


def statuslijst_credential(lijst: Statuslijst, basis: str) -> str:
    """The signed status list credential (a fresh `validFrom` on every request)."""
    url = statuslijst_url(basis, lijst.pk)
    return ondertekenen(
        {
            "@context": [VC_CONTEXT],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": {"id": basis.rstrip("/") + "/", "type": ["Profile"]},
            "validFrom": _tijd(timezone.now()),
            "credentialSubject": {
                "id": f"{url}#list",
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": bitstring_coderen(bytes(lijst.bits)),
            },
        }
    )


# --- the credential ---
def _tijd(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _basis(verklaring: Praktijkverklaring) -> str:
    """The portal address the verklaring was issued under (from its verification
    address), so the credential's addresses match its QR code."""
    pad = reverse("verificatie", args=[verklaring.code])
    return verklaring.verificatie_url.removesuffix(pad)


def naam_hash(voornaam: str, achternaam: str, zout: str) -> str:
    """OB3 `identityHash` of the candidate's name: sha256 over the normalised full
    name followed by the salt."""
    naam = " ".join(f"{voornaam} {achternaam}".lower().split())
    return "sha256$" + hashlib.sha256((naam + zout).encode()).hexdigest()


def credential_gegevens(verklaring: Praktijkverklaring, lijst_id: int, index: int):
    """The unsigned OpenBadgeCredential of `verklaring`."""
    traject = verklaring.traject
    kandidaat = traject.kandidaat
    kwalificatie = traject.kwalificatie
    mbo = verklaring.mbo_instelling
    basis = _basis(verklaring)
    lijst_url = statuslijst_url(basis, lijst_id)
    zout = secrets.token_hex(16)
    werkprocessen = list(verklaring.werkprocessen.order_by("code"))
    plaatsingen = traject.plaatsingen.select_related("leerbedrijf__organisatie")
    kwalificatie_naam = f"{kwalificatie.naam}" + (
        f" (crebo {kwalificatie.crebo})" if kwalificatie.crebo else ""
    )
    achievement = {
        "id": f"{verklaring.verificatie_url}#achievement",
        "type": ["Achievement"],
        "achievementType": "ext:Praktijkverklaring",
        "name": f"Praktijkverklaring {kwalificatie.naam}",
        "description": (
            "Praktijkverklaring van de mbo-instelling: de kandidaat beheerst de "
            f"genoemde werkprocessen van de kwalificatie {kwalificatie_naam}, "
            f"niveau {kwalificatie.niveau}, aangetoond in de praktijk bij een "
            "erkend leerbedrijf."
        ),
        "criteria": {
            "narrative": (
                "De praktijkopleider heeft elk genoemd werkproces in de praktijk "
                "beoordeeld als beheerst; de mbo-instelling heeft de beoordeling "
                "geborgd."
            )
        },
        "fieldOfStudy": kwalificatie.naam,
        "humanCode": verklaring.nummer,
        "alignment": [
            {
                "type": ["Alignment"],
                "targetName": w.titel,
                "targetCode": w.code,
                "targetType": "ext:Werkproces",
                "targetFramework": f"Kwalificatiedossier {kwalificatie_naam}",
                "targetUrl": f"{verklaring.verificatie_url}#{w.code}",
            }
            for w in werkprocessen
        ],
    }
    if kwalificatie.crebo:
        achievement["otherIdentifier"] = [
            {
                "type": "IdentifierEntry",
                "identifier": str(kwalificatie.crebo),
                "identifierType": "ext:crebo",
            }
        ]
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": verklaring.verificatie_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Praktijkverklaring {verklaring.nummer}",
        "issuer": {
            "id": f"{basis}/#mbo-instelling-{mbo.pk}",
            "type": ["Profile"],
            "name": mbo.naam,
        },
        "validFrom": f"{verklaring.uitgereikt_op:%Y-%m-%d}T00:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": naam_hash(
                        kandidaat.voornaam, kandidaat.achternaam, zout
                    ),
                    "identityType": "name",
                    "hashed": True,
                    "salt": zout,
                }
            ],
            "achievement": achievement,
        },
        "evidence": [
            {
                "type": ["Evidence"],
                "name": p.leerbedrijf.organisatie.naam,
                "genre": "Leerbedrijf",
                "description": (
                    f"Praktijkleren bij {p.leerbedrijf.organisatie.naam}"
                    f" van {p.startdatum:%d-%m-%Y} tot {p.einddatum:%d-%m-%Y}."
                ),
            }
            for p in plaatsingen.order_by("startdatum", "pk")
        ],
        "credentialStatus": {
            "id": f"{lijst_url}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": lijst_url,
        },
    }


@transaction.atomic
def credential_maken(verklaring: Praktijkverklaring) -> str:
    """The verklaring's credential: signed once (index on the status list taken,
    bit set when it is already revoked), then always the same."""
    verklaring = (
        Praktijkverklaring.objects.select_for_update(of=("self",))
        .select_related("traject__kandidaat", "traject__kwalificatie", "mbo_instelling")
        .get(pk=verklaring.pk)
    )
    if verklaring.credential:
        return verklaring.credential
    lijst, index = _index_nemen()
    verklaring.statuslijst = lijst
    verklaring.status_index = index
    verklaring.credential = ondertekenen(
        credential_gegevens(verklaring, lijst.pk, index)
    )
    verklaring.save(
        update_fields=["statuslijst", "status_index", "credential", "updated_at"]
    )
    if verklaring.is_ingetrokken:
        statusbit_zetten(verklaring)
    return verklaring.credential


def enveloppe(jwt: str) -> dict:
    """The JSON form of the credential: a VC 2.0 EnvelopedVerifiableCredential (the
    signed VC-JWT in a data: URL), so the JSON download can be checked too."""
    return {
        "@context": [VC_CONTEXT],
        "id": f"data:application/vc+jwt,{jwt}",
        "type": "EnvelopedVerifiableCredential",
    }


# --- checking an uploaded credential ---
class OngeldigeInvoer(ValueError):
    """Not a credential at all (the form says so; nothing is checked)."""


GELDIG = "geldig"
INGETROKKEN = "ingetrokken"
VERVALST = "vervalst"
ONBEKEND = "onbekend"


@dataclass
class Uitslag:
    oordeel: str
    reden: str = ""
    verklaring: Praktijkverklaring | None = None
    gegevens: dict = field(default_factory=dict)


def _b64_decode(deel: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(deel + "=" * (-len(deel) % 4))
    except (binascii.Error, ValueError) as exc:
        raise OngeldigeInvoer from exc


def jwt_uit_invoer(tekst: str) -> str:
    """The compact JWS in `tekst`: the .jwt file itself or the .json download (an
    EnvelopedVerifiableCredential). Raises OngeldigeInvoer otherwise."""
    tekst = tekst.strip()
    if tekst.startswith("{"):
        try:
            data = json.loads(tekst)
        except ValueError as exc:
            raise OngeldigeInvoer from exc
        envelop = data.get("id", "") if isinstance(data, dict) else ""
        voorvoegsel = "data:application/vc+jwt,"
        if not isinstance(envelop, str) or not envelop.startswith(voorvoegsel):
            raise OngeldigeInvoer
        tekst = envelop.removeprefix(voorvoegsel)
    delen = tekst.split(".")
    if len(delen) != 3 or not all(delen[:2]):
        raise OngeldigeInvoer
    try:
        kop = json.loads(_b64_decode(delen[0]))
    except ValueError as exc:
        raise OngeldigeInvoer from exc
    if not isinstance(kop, dict):
        raise OngeldigeInvoer
    return tekst


def controleren(tekst: str) -> Uitslag:
    """The verdict on an uploaded credential (`jwt_uit_invoer` first)."""
    from jwcrypto import jwk, jws

    jwt = jwt_uit_invoer(tekst)
    kop = json.loads(_b64_decode(jwt.split(".")[0]))
    if kop.get("alg") != ALG:
        return Uitslag(
            VERVALST, "Het bestand is niet ondertekend zoals dit portaal dat doet."
        )
    rij = Ondertekeningssleutel.objects.filter(kid=str(kop.get("kid", ""))).first()
    if rij is None:
        return Uitslag(
            VERVALST,
            "Het bestand is ondertekend met een sleutel die dit portaal niet kent.",
        )
    token = jws.JWS()
    try:
        token.deserialize(jwt)
        token.verify(jwk.JWK(**rij.publiek), alg=ALG)
        gegevens = json.loads(token.payload)
    except (jws.InvalidJWSObject, jws.InvalidJWSSignature, ValueError):
        return Uitslag(
            VERVALST,
            "De handtekening klopt niet: de inhoud is veranderd na het ondertekenen.",
        )
    # The credential's id is its verification address; the code at its end finds
    # the verklaring by a unique index, and the stored credential must be this one
    # (or none: anonymising empties it, and the holder's copy still verifies).
    ident = gegevens.get("id", "") if isinstance(gegevens, dict) else ""
    code = ident.rstrip("/").rsplit("/", 1)[-1] if isinstance(ident, str) else ""
    verklaring = (
        Praktijkverklaring.objects.select_related(
            "traject__kandidaat", "traject__kwalificatie", "mbo_instelling"
        )
        .filter(Q(credential=jwt) | Q(credential=""), code=code)
        .first()
        if code
        else None
    )
    if verklaring is None:
        return Uitslag(
            ONBEKEND,
            "De handtekening is van dit portaal, maar deze praktijkverklaring staat "
            "hier niet (meer).",
            gegevens=gegevens,
        )
    if ingetrokken(verklaring):
        return Uitslag(INGETROKKEN, verklaring=verklaring, gegevens=gegevens)
    return Uitslag(GELDIG, verklaring=verklaring, gegevens=gegevens)
