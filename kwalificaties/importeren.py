"""Import of kwalificatiedossiers (SBB) from CSV in the format of data/werkprocessen.csv.

Every row is checked first (`catalogus_controleren`); only a file without errors is
imported, in one transaction. Existing kwalificaties are matched on crebo (else name),
kerntaken and werkprocessen on code, and their titles updated; nothing is deleted
(trajecten refer to werkprocessen). The SBB XML (`sbb_xml`) shares the matching and
writing step (`vergelijken`, `opslaan`).
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from .models import Kerntaak, Kwalificatie, Werkproces
from .signals import werkprocesgedrag_geimporteerd

KOLOMMEN = [
    "kwalificatie",
    "crebo",
    "niveau",
    "kerntaak_code",
    "kerntaak_titel",
    "werkproces_code",
    "werkproces_titel",
]
KERNTAAK_RE = re.compile(r"^[BP]\d+-K\d+$")
WERKPROCES_RE = re.compile(r"^[BP]\d+-K\d+-W\d+$")


@dataclass
class Controle:
    """The outcome of a check: the werkprocessen to import as rows in the CSV's shape
    (`KOLOMMEN`), the errors, and what an import would change. The SBB XML fills the
    same rows plus the kwalificaties' dates and each werkproces's werkprocesgedrag."""

    rijen: list[dict] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    nieuw: int = 0
    bijgewerkt: int = 0
    # (crebo, naam) -> extra fields of the Kwalificatie (geldig_van, einde_instroom, ...)
    kwalificatie_velden: dict[tuple[str, str], dict] = field(default_factory=dict)
    # (crebo, naam, werkproces code) -> SBB's werkprocesgedrag
    gedrag: dict[tuple[str, str, str], str] = field(default_factory=dict)
    gedrag_concepten: int = 0

    @property
    def goed(self) -> bool:
        return not self.fouten

    @property
    def kwalificaties(self) -> int:
        return len({(r["crebo"], r["kwalificatie"]) for r in self.rijen})


def csv_lezen(tekst: str) -> list[dict]:
    """Rows of a CSV text (`,` or `;`, with or without BOM) as dicts."""
    tekst = tekst.lstrip("\ufeff")
    scheiding = (
        ";"
        if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",")
        else ","
    )
    return list(csv.DictReader(io.StringIO(tekst), delimiter=scheiding))


def catalogus_controleren(rijen: list[dict]) -> Controle:
    """Check every row; counts new and changed werkprocessen. Reads, never writes."""
    controle = Controle()
    if rijen and (ontbreekt := [k for k in KOLOMMEN if k not in rijen[0]]):
        controle.fouten.append(f"Deze kolommen ontbreken: {', '.join(ontbreekt)}.")
        return controle
    gezien = set()
    for nummer, rij in enumerate(rijen, start=2):  # row 1 is the header
        r = {k: (rij.get(k) or "").strip() for k in KOLOMMEN}
        fouten = []
        if any("\x00" in v for v in r.values()):
            # The database cannot store a NUL byte: refused here, not a 500 later.
            fouten.append("de rij bevat onleesbare tekens (sla op als CSV UTF-8)")
        if not r["kwalificatie"]:
            fouten.append("kwalificatie is leeg")
        if r["crebo"] and not re.fullmatch(r"\d{5}", r["crebo"]):
            fouten.append("crebo moet 5 cijfers zijn")
        if r["niveau"] not in {"1", "2", "3", "4"}:
            fouten.append("niveau moet 1, 2, 3 of 4 zijn")
        if not KERNTAAK_RE.match(r["kerntaak_code"]):
            fouten.append("kerntaak_code moet lijken op B1-K1")
        if not WERKPROCES_RE.match(r["werkproces_code"]):
            fouten.append("werkproces_code moet lijken op B1-K1-W1")
        elif not r["werkproces_code"].startswith(r["kerntaak_code"] + "-"):
            fouten.append("werkproces_code hoort niet bij deze kerntaak")
        if not r["werkproces_titel"]:
            fouten.append("werkproces_titel is leeg")
        sleutel = (r["kwalificatie"], r["werkproces_code"])
        if sleutel in gezien:
            fouten.append("dit werkproces staat al eerder in het bestand")
        gezien.add(sleutel)
        if fouten:
            controle.fouten.append(f"Rij {nummer}: " + "; ".join(fouten) + ".")
            continue
        controle.rijen.append(r)
    if controle.goed:
        vergelijken(controle)
    return controle


# --- The shared step: match on crebo/name and code, count, write (CSV and SBB XML) ---


class _Bestaand:
    """The catalog as it is, to match a file's kwalificaties, kerntaken and
    werkprocessen against: a kwalificatie on its crebo (else its name), a kerntaak and
    werkproces on its code within the kwalificatie. Never on a title."""

    def __init__(self):
        self.kwalificaties = list(Kwalificatie.objects.all())
        self.per_crebo = {k.crebo: k for k in self.kwalificaties if k.crebo}
        self.per_naam = {k.naam: k for k in self.kwalificaties}
        self.werkprocessen = {
            (w.kerntaak.kwalificatie_id, w.code): w
            for w in Werkproces.objects.select_related("kerntaak")
        }

    def kwalificatie(self, crebo: str, naam: str) -> tuple[Kwalificatie | None, str]:
        """The matching kwalificatie (or None: a new one) and an error, if any."""
        gevonden = self.per_crebo.get(crebo) if crebo else None
        op_naam = self.per_naam.get(naam)
        if gevonden is None:
            gevonden = op_naam
            if gevonden and crebo and gevonden.crebo and gevonden.crebo != crebo:
                return None, (
                    f"er is al een kwalificatie '{naam}' met crebo {gevonden.crebo}; "
                    f"geef die eerst een andere naam als crebo {crebo} een nieuwe "
                    "kwalificatie is"
                )
        elif op_naam is not None and op_naam != gevonden:
            return None, (
                f"crebo {crebo} hoort bij '{gevonden.naam}', maar de naam '{naam}' is "
                "al van een andere kwalificatie"
            )
        return gevonden, ""


def vergelijken(controle: Controle) -> None:
    """Count new and changed werkprocessen and how many werkprocessen get gedragsvoorbeeld
    drafts; conflicts with the catalog become errors. Reads, never writes."""
    bestaand = _Bestaand()
    gemeld = set()
    gedrag_bestaand = {}
    for r in controle.rijen:
        kwalificatie, fout = bestaand.kwalificatie(r["crebo"], r["kwalificatie"])
        if fout:
            if (r["crebo"], r["kwalificatie"]) not in gemeld:
                controle.fouten.append(f"Kwalificatie '{r['kwalificatie']}': {fout}.")
                gemeld.add((r["crebo"], r["kwalificatie"]))
            continue
        werkproces = (
            bestaand.werkprocessen.get((kwalificatie.pk, r["werkproces_code"]))
            if kwalificatie
            else None
        )
        gedrag = controle.gedrag.get(
            (r["crebo"], r["kwalificatie"], r["werkproces_code"])
        )
        if werkproces is None:
            controle.nieuw += 1
            controle.gedrag_concepten += bool(gedrag)
        else:
            controle.bijgewerkt += werkproces.titel != r["werkproces_titel"]
            if gedrag:
                gedrag_bestaand[werkproces.pk] = gedrag
    if gedrag_bestaand and controle.goed:
        controle.gedrag_concepten += _gedrag_doorgeven(gedrag_bestaand, proberen=True)


def _gedrag_doorgeven(gedrag: dict[int, str], *, proberen: bool) -> int:
    antwoorden = werkprocesgedrag_geimporteerd.send(
        sender=Werkproces, gedrag=gedrag, proberen=proberen
    )
    return sum(aantal or 0 for _, aantal in antwoorden)


def opslaan(controle: Controle) -> Controle:
    """Write a checked file: create or update kwalificaties, kerntaken and werkprocessen
    (titles updated, nothing deleted) and offer the werkprocesgedrag as drafts. Call
    inside a transaction, after `vergelijken` found no errors."""
    bestaand = _Bestaand()
    kwalificaties: dict[str, Kwalificatie] = {}  # by name: the name is unique
    gedrag: dict[int, str] = {}
    for r in controle.rijen:
        sleutel = (r["crebo"], r["kwalificatie"])
        if r["kwalificatie"] not in kwalificaties:
            kwalificatie, _ = bestaand.kwalificatie(*sleutel)
            velden = {
                "naam": r["kwalificatie"],
                "niveau": int(r["niveau"]),
                **({"crebo": r["crebo"]} if r["crebo"] else {}),
                **controle.kwalificatie_velden.get(sleutel, {}),
            }
            if kwalificatie is None:
                kwalificatie = Kwalificatie.objects.create(**velden)
            else:
                for veld, waarde in velden.items():
                    setattr(kwalificatie, veld, waarde)
                kwalificatie.save()
            kwalificaties[r["kwalificatie"]] = kwalificatie
        kerntaak, _ = Kerntaak.objects.update_or_create(
            kwalificatie=kwalificaties[r["kwalificatie"]],
            code=r["kerntaak_code"],
            defaults={"titel": r["kerntaak_titel"]},
        )
        werkproces, _ = Werkproces.objects.update_or_create(
            kerntaak=kerntaak,
            code=r["werkproces_code"],
            defaults={"titel": r["werkproces_titel"]},
        )
        if tekst := controle.gedrag.get((*sleutel, r["werkproces_code"])):
            gedrag[werkproces.pk] = tekst
    controle.gedrag_concepten = (
        _gedrag_doorgeven(gedrag, proberen=False) if gedrag else 0
    )
    return controle


@transaction.atomic
def catalogus_importeren(rijen: list[dict]) -> Controle:
    """Check, then import all rows in one transaction; imports nothing when a row is wrong."""
    controle = catalogus_controleren(rijen)
    if controle.goed:
        opslaan(controle)
    return controle
