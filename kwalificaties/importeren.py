"""Import of kwalificatiedossiers (SBB) from CSV in the format of data/werkprocessen.csv.

Every row is checked first (`catalogus_controleren`); only a file without errors is
imported, in one transaction. Existing kwalificaties, kerntaken and werkprocessen are
matched on name/code and their titles updated; nothing is deleted (trajecten refer to
werkprocessen).
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from .models import Kerntaak, Kwalificatie, Werkproces

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
    rijen: list[dict] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    nieuw: int = 0
    bijgewerkt: int = 0

    @property
    def goed(self) -> bool:
        return not self.fouten


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
    bestaand = {
        (w.kerntaak.kwalificatie.naam, w.code): w.titel
        for w in Werkproces.objects.select_related("kerntaak__kwalificatie")
    }
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
        if sleutel not in bestaand:
            controle.nieuw += 1
        elif bestaand[sleutel] != r["werkproces_titel"]:
            controle.bijgewerkt += 1
        controle.rijen.append(r)
    return controle


@transaction.atomic
def catalogus_importeren(rijen: list[dict]) -> Controle:
    """Check, then import all rows in one transaction; imports nothing when a row is wrong."""
    controle = catalogus_controleren(rijen)
    if not controle.goed:
        return controle
    for r in controle.rijen:
        kwalificatie, _ = Kwalificatie.objects.update_or_create(
            naam=r["kwalificatie"],
            defaults={
                "niveau": int(r["niveau"]),
                **({"crebo": r["crebo"]} if r["crebo"] else {}),
            },
        )
        kerntaak, _ = Kerntaak.objects.update_or_create(
            kwalificatie=kwalificatie,
            code=r["kerntaak_code"],
            defaults={"titel": r["kerntaak_titel"]},
        )
        Werkproces.objects.update_or_create(
            kerntaak=kerntaak,
            code=r["werkproces_code"],
            defaults={"titel": r["werkproces_titel"]},
        )
    return controle
