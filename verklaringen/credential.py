"""The praktijkverklaring and the mbo-verklaring as verifiable credentials.

- The credential is an Open Badges 3.0 `OpenBadgeCredential` in the W3C Verifiable
  Credentials data model 2.0, secured as a VC-JWT (VC-JOSE-COSE: the JWS payload is the
  credential itself, header `typ: vc+jwt`, `cty: vc`, `alg: ES256`, `kid`). It is signed
  once, when the verklaring is issued, and stored on the verklaring: the download, the
  PDF attachment and every later check use the same bytes. Both kinds share the
  envelope (`credential_enveloppe`: issuer, hashed subject, status entry); the
  mbo-verklaring's achievement lists its parts as OB3 results (`mbo_gegevens`).
- The keys (`Ondertekeningssleutel`): the newest signs; all are published as a JWKS at
  `/.well-known/jwks.json`, so a credential signed before a rotation stays verifiable.
  `manage.py credential_sleutel_maken` adds a new key (rotation). The private key is
  stored encrypted with Fernet (`core.crypto`, setting CREDENTIAL_SLEUTEL; without it
  a key derived from SECRET_KEY).
- Revocation: a W3C Bitstring Status List (`Statuslijst`). Issuing takes the next index;
  revoking sets the bit. The status list credential (`/verificatie/statuslijst/<id>/`)
  is itself a signed VC-JWT. The public verification page reads the same bit
  (`ingetrokken`), so the page and the status list always agree.
- `controleren(tekst)` checks an uploaded credential of either kind: geldig,
  ingetrokken, vervalst (bad signature, unknown key, tampered payload, another
  algorithm) or onbekend (signed by this portal but no such verklaring here).
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
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from core import crypto

from .models import (
    Gedragsvoorbeeld,
    MboVerklaring,
    Ondertekeningssleutel,
    Praktijkverklaring,
    Statuslijst,
)

# Either kind of verklaring: both have a code, a verification address, an issue date,
# a status list entry and a stored credential.
Verklaring = Praktijkverklaring | MboVerklaring

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ALG = "ES256"
# 131,072 bits (16 KB), the W3C minimum: a list this long gives herd privacy (a
# verifier that fetches the list does not learn which credential it checks).
LIJST_BITS = 131_072
# An uploaded credential is a few KB; a mbo-verklaring lists every werkproces twice
# (its achievement and its part): 53 KB for 36 werkprocessen with titles of 250
# characters (tests/verklaringen/test_mbo_credential.py). Anything larger than this is
# refused before parsing.
MAX_GROOTTE = 256 * 1024
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


def index_nemen() -> tuple[Statuslijst, int]:
    """The next free index, under the list's row lock (held until commit); for
    either kind of verklaring (one list, no index used twice)."""
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


def statusbit_zetten(verklaring: Verklaring) -> None:
    """Mark the verklaring revoked on its status list (inside the revocation's
    transaction)."""
    if verklaring.statuslijst_id is None:
        return
    lijst = Statuslijst.objects.select_for_update().get(pk=verklaring.statuslijst_id)
    lijst.bits = _bit_zetten(bytes(lijst.bits), verklaring.status_index)
    lijst.save(update_fields=["bits"])


def ingetrokken(verklaring: Verklaring) -> bool:
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


def _basis(verklaring: Verklaring) -> str:
    """The portal address the verklaring was issued under (from its verification
    address), so the credential's addresses match its QR code."""
    pad = reverse("verificatie", args=[verklaring.code])
    return verklaring.verificatie_url.removesuffix(pad)


def naam_hash(voornaam: str, achternaam: str, zout: str) -> str:
    """OB3 `identityHash` of the candidate's name: sha256 over the normalised full
    name followed by the salt."""
    naam = " ".join(f"{voornaam} {achternaam}".lower().split())
    return "sha256$" + hashlib.sha256((naam + zout).encode()).hexdigest()


def _kwalificatie_naam(kwalificatie) -> str:
    return kwalificatie.naam + (
        f" (crebo {kwalificatie.crebo})" if kwalificatie.crebo else ""
    )


def _werkproces_uitlijning(werkproces, kwalificatie, url: str) -> dict:
    """An OB3 Alignment to a werkproces of the kwalificatiedossier; `url` is the
    verification address of the praktijkverklaring that states it."""
    return {
        "type": ["Alignment"],
        "targetName": werkproces.titel,
        "targetCode": werkproces.code,
        "targetType": "ext:Werkproces",
        "targetFramework": f"Kwalificatiedossier {_kwalificatie_naam(kwalificatie)}",
        "targetUrl": f"{url}#{werkproces.code}",
    }


def _achievement(verklaring: Verklaring, *, soort: str, naam: str, **velden) -> dict:
    """The OB3 Achievement of a verklaring: what both kinds share (the kwalificatie,
    the number as `humanCode`, the crebo), plus `velden` (description, criteria,
    alignment, resultDescription)."""
    kwalificatie = verklaring.traject.kwalificatie
    achievement = {
        "id": f"{verklaring.verificatie_url}#achievement",
        "type": ["Achievement"],
        "achievementType": f"ext:{soort}",
        "name": f"{naam} {kwalificatie.naam}",
        **velden,
        "fieldOfStudy": kwalificatie.naam,
        "humanCode": verklaring.nummer,
    }
    if kwalificatie.crebo:
        achievement["otherIdentifier"] = [
            {
                "type": "IdentifierEntry",
                "identifier": str(kwalificatie.crebo),
                "identifierType": "ext:crebo",
            }
        ]
    return achievement


def credential_enveloppe(
    verklaring: Verklaring,
    *,
    naam: str,
    achievement: dict,
    lijst_id: int,
    index: int,
    resultaten: list | None = None,
    evidence: list | None = None,
) -> dict:
    """The unsigned OpenBadgeCredential around `achievement`, the same for both
    kinds: the id (the verification address), the issuer (the mbo-instelling), the
    issue date, the candidate only as a salted hash of their name, and the entry on
    the revocation status list."""
    kandidaat = verklaring.traject.kandidaat
    mbo = verklaring.mbo_instelling
    basis = _basis(verklaring)
    lijst_url = statuslijst_url(basis, lijst_id)
    zout = secrets.token_hex(16)
    onderwerp = {
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
    }
    if resultaten:
        onderwerp["result"] = resultaten
    gegevens = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": verklaring.verificatie_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{naam} {verklaring.nummer}",
        "issuer": {
            "id": f"{basis}/#mbo-instelling-{mbo.pk}",
            "type": ["Profile"],
            "name": mbo.naam,
        },
        "validFrom": f"{verklaring.uitgereikt_op:%Y-%m-%d}T00:00:00Z",
        "credentialSubject": onderwerp,
    }
    if evidence is not None:
        gegevens["evidence"] = evidence
    gegevens["credentialStatus"] = {
        "id": f"{lijst_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": lijst_url,
    }
    return gegevens


def praktijkverklaring_gegevens(
    verklaring: Praktijkverklaring, lijst_id: int, index: int
) -> dict:
    """The unsigned OpenBadgeCredential of a praktijkverklaring: the werkprocessen
    as alignments, the leerbedrijven as evidence."""
    traject = verklaring.traject
    kwalificatie = traject.kwalificatie
    plaatsingen = traject.plaatsingen.select_related("leerbedrijf__organisatie")
    achievement = _achievement(
        verklaring,
        soort="Praktijkverklaring",
        naam="Praktijkverklaring",
        description=(
            "Praktijkverklaring van de mbo-instelling: de kandidaat beheerst de "
            f"genoemde werkprocessen van de kwalificatie {_kwalificatie_naam(kwalificatie)}, "
            f"niveau {kwalificatie.niveau}, aangetoond in de praktijk bij een "
            "erkend leerbedrijf."
        ),
        criteria={
            "narrative": (
                "De praktijkopleider heeft elk genoemd werkproces in de praktijk "
                "beoordeeld als beheerst; de mbo-instelling heeft de beoordeling "
                "geborgd."
            )
        },
        alignment=[
            _werkproces_uitlijning(w, kwalificatie, verklaring.verificatie_url)
            for w in verklaring.werkprocessen.order_by("code")
        ],
    )
    return credential_enveloppe(
        verklaring,
        naam="Praktijkverklaring",
        achievement=achievement,
        lijst_id=lijst_id,
        index=index,
        evidence=[
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
    )


def _onderdeel(url: str, nummer: int, *, soort: str, naam: str, waarde: str, **extra):
    """One part of the mbo-verklaring as an OB3 ResultDescription (in the
    achievement) and the Result that refers to it (in the credentialSubject)."""
    ident = f"{url}#onderdeel-{nummer}"
    beschrijving = {
        "id": ident,
        "type": ["ResultDescription"],
        "name": naam,
        "resultType": f"ext:{soort}",
        **extra,
    }
    resultaat = {
        "type": ["Result"],
        "resultDescription": ident,
        "status": "Completed",
        "value": waarde,
    }
    return beschrijving, resultaat


def mbo_gegevens(verklaring: MboVerklaring, lijst_id: int, index: int) -> dict:
    """The unsigned OpenBadgeCredential of a mbo-verklaring. Its achievement aligns
    with every werkproces of its praktijkverklaringen; each part (praktijkverklaring,
    examenresultaat, other proof) is a ResultDescription with a Result in the
    credentialSubject: the praktijkverklaring's number, issuer and date with its
    werkprocessen; a proof's kind, issuer and date (and the gedragsvoorbeelden a
    werknemersvaardigheden certificate covers). The praktijkverklaringen are also
    the evidence, by their own verification addresses (their own credentials' ids)."""
    from .constants import BewijsSoort

    kwalificatie = verklaring.traject.kwalificatie
    url = verklaring.verificatie_url
    praktijk = list(
        verklaring.praktijkverklaringen.select_related("mbo_instelling")
        .prefetch_related("werkprocessen")
        .order_by("uitgereikt_op", "pk")
    )
    bewijzen = list(
        verklaring.bewijzen.prefetch_related(
            Prefetch(
                "gedragsvoorbeelden",
                queryset=Gedragsvoorbeeld.objects.select_related("werkproces"),
            )
        ).order_by("datum", "pk")
    )
    # Exam results first, then the other proofs (as on the PDF).
    bewijzen.sort(key=lambda b: b.soort != BewijsSoort.EXAMENRESULTAAT)

    uitlijning, gezien = [], set()
    delen = []
    for p in praktijk:
        werkprocessen = sorted(p.werkprocessen.all(), key=lambda w: w.code)
        for w in werkprocessen:
            if w.code not in gezien:
                gezien.add(w.code)
                uitlijning.append(
                    _werkproces_uitlijning(w, kwalificatie, p.verificatie_url)
                )
        delen.append(
            _onderdeel(
                url,
                len(delen) + 1,
                soort="Praktijkverklaring",
                naam=f"Praktijkverklaring {p.nummer}",
                waarde=(
                    f"Uitgereikt door {p.mbo_instelling.naam} op "
                    f"{p.uitgereikt_op:%Y-%m-%d}"
                ),
                alignment=[
                    _werkproces_uitlijning(w, kwalificatie, p.verificatie_url)
                    for w in werkprocessen
                ],
            )
        )
    for b in bewijzen:
        extra = {}
        voorbeelden = sorted(
            b.gedragsvoorbeelden.all(), key=lambda g: (g.werkproces.code, g.pk)
        )
        if voorbeelden:
            extra["alignment"] = [
                {
                    "type": ["Alignment"],
                    "targetName": g.tekst,
                    "targetCode": g.werkproces.code,
                    "targetType": "ext:Gedragsvoorbeeld",
                    "targetUrl": f"{url}#gedragsvoorbeeld-{g.pk}",
                }
                for g in voorbeelden
            ]
        waarde = f"Uitgegeven door {b.uitgever} op {b.datum:%Y-%m-%d}"
        if b.omschrijving:
            waarde += f": {b.omschrijving}"
        delen.append(
            _onderdeel(
                url,
                len(delen) + 1,
                soort=b.soort,
                naam=b.get_soort_display(),
                waarde=waarde,
                **extra,
            )
        )
    achievement = _achievement(
        verklaring,
        soort="MboVerklaring",
        naam="Mbo-verklaring",
        description=(
            "Mbo-verklaring van de mbo-instelling voor de kwalificatie "
            f"{_kwalificatie_naam(kwalificatie)}, niveau {kwalificatie.niveau}: "
            "de praktijkverklaringen, examenresultaten en andere bewijzen van de "
            "kandidaat in één verklaring."
        ),
        criteria={
            "narrative": (
                "De mbo-instelling heeft elk onderdeel vastgesteld: de "
                "praktijkverklaringen zijn geldig en door haar uitgereikt, de andere "
                "bewijzen en examenresultaten zijn uitgegeven door de genoemde "
                "uitgever op de genoemde datum."
            )
        },
        alignment=uitlijning,
        resultDescription=[d for d, _r in delen],
    )
    return credential_enveloppe(
        verklaring,
        naam="Mbo-verklaring",
        achievement=achievement,
        lijst_id=lijst_id,
        index=index,
        resultaten=[r for _d, r in delen],
        evidence=[
            {
                "id": p.verificatie_url,
                "type": ["Evidence"],
                "name": f"Praktijkverklaring {p.nummer}",
                "genre": "Praktijkverklaring",
            }
            for p in praktijk
        ],
    )


def credential_gegevens(verklaring: Verklaring, lijst_id: int, index: int) -> dict:
    """The unsigned OpenBadgeCredential of either kind of verklaring."""
    if isinstance(verklaring, MboVerklaring):
        return mbo_gegevens(verklaring, lijst_id, index)
    return praktijkverklaring_gegevens(verklaring, lijst_id, index)


@transaction.atomic
def credential_maken(verklaring: Verklaring) -> str:
    """The verklaring's credential: signed once (an index on the status list taken
    when it has none yet, the bit set when it is already revoked), then always the
    same."""
    verklaring = (
        type(verklaring)
        .objects.select_for_update(of=("self",))
        .select_related("traject__kandidaat", "traject__kwalificatie", "mbo_instelling")
        .get(pk=verklaring.pk)
    )
    if verklaring.credential:
        return verklaring.credential
    if verklaring.statuslijst_id is None:
        lijst, index = index_nemen()
        verklaring.statuslijst = lijst
        verklaring.status_index = index
    verklaring.credential = ondertekenen(
        credential_gegevens(
            verklaring, verklaring.statuslijst_id, verklaring.status_index
        )
    )
    verklaring.save(
        update_fields=["statuslijst", "status_index", "credential", "updated_at"]
    )
    if verklaring.is_ingetrokken:
        statusbit_zetten(verklaring)
    return verklaring.credential


VORMEN = ("jwt", "json")


@dataclass
class Download:
    inhoud: str
    soort: str
    bestandsnaam: str


def download(verklaring: Verklaring, vorm: str) -> Download:
    """The credential as a file: `jwt` (the signed VC-JWT) or `json` (the
    EnvelopedVerifiableCredential around it). Raises ValueError for another form."""
    if vorm not in VORMEN:
        raise ValueError(vorm)
    jwt = credential_maken(verklaring)
    if vorm == "json":
        inhoud, soort = json.dumps(enveloppe(jwt), indent=2), "application/json"
    else:
        inhoud, soort = jwt, "application/vc+jwt"
    return Download(inhoud, soort, f"{verklaring.bestandsnaam}.{vorm}")


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
    verklaring: Verklaring | None = None
    gegevens: dict = field(default_factory=dict)

    @property
    def soort(self) -> str:
        """'praktijkverklaring' or 'mbo-verklaring' (the page's wording)."""
        if self.verklaring is None:
            return Praktijkverklaring.SOORT
        return self.verklaring.SOORT


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
    # the verklaring (of either kind) by a unique index, and the stored credential
    # must be this one (or none: anonymising empties it, and the holder's copy
    # still verifies).
    ident = gegevens.get("id", "") if isinstance(gegevens, dict) else ""
    code = ident.rstrip("/").rsplit("/", 1)[-1] if isinstance(ident, str) else ""
    verklaring = _verklaring_van(code, jwt) if code else None
    if verklaring is None:
        return Uitslag(
            ONBEKEND,
            "De handtekening is van dit portaal, maar deze verklaring staat hier "
            "niet (meer).",
            gegevens=gegevens,
        )
    if ingetrokken(verklaring):
        return Uitslag(INGETROKKEN, verklaring=verklaring, gegevens=gegevens)
    return Uitslag(GELDIG, verklaring=verklaring, gegevens=gegevens)


def _verklaring_van(code: str, jwt: str) -> Verklaring | None:
    """The verklaring with this code whose stored credential is `jwt` (or empty)."""
    for model in (Praktijkverklaring, MboVerklaring):
        verklaring = (
            model.objects.select_related(
                "traject__kandidaat", "traject__kwalificatie", "mbo_instelling"
            )
            .filter(Q(credential=jwt) | Q(credential=""), code=code)
            .first()
        )
        if verklaring is not None:
            return verklaring
    return None
