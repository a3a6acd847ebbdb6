"""Loading the centroids of 4-digit postcode areas (`PostcodeGebied`) from a CSV file.

The beheerder brings the file (e.g. derived from open CBS/PDOK data); the portal never
asks an external service. Columns `pc4`, `lat`, `lon` (separator `;` or `,`, a decimal
point). The file replaces what was loaded before, in one transaction: every row is
checked first and a file with one bad row changes nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from trajecten.models import PostcodeGebied

KOLOMMEN = ("pc4", "lat", "lon")
# A tiny fictional file (rounded made-up centroids around the demo's towns in
# Twente) for the demo and the tests; no real data file ships with the portal.
VOORBEELD = Path(__file__).resolve().parents[1] / "data/postcodegebieden_voorbeeld.csv"


@dataclass
class Laadresultaat:
    gebieden: list[PostcodeGebied] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    @property
    def goed(self) -> bool:
        return not self.fouten


def _getal(tekst: str, laag: float, hoog: float) -> float | None:
    try:
        waarde = float(tekst.strip())
    except ValueError:
        return None
    return waarde if laag <= waarde <= hoog else None


def postcodegebieden_controleren(tekst: str) -> Laadresultaat:
    """Check every row (Dutch errors with the line number); nothing is saved."""
    uit = Laadresultaat()
    tekst = tekst.lstrip("\ufeff")
    eerste = tekst.splitlines()[0] if tekst.strip() else ""
    scheiding = "," if "," in eerste and ";" not in eerste else ";"
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    kop = [k.strip().lower() for k in (lezer.fieldnames or [])]
    if not set(KOLOMMEN) <= set(kop):
        uit.fouten.append("De eerste regel moet de kolommen pc4, lat en lon noemen.")
        return uit
    lezer.fieldnames = kop
    gezien = set()
    for regel, rij in enumerate(lezer, start=2):
        pc4 = (rij.get("pc4") or "").strip()
        lat = _getal(rij.get("lat") or "", -90, 90)
        lon = _getal(rij.get("lon") or "", -180, 180)
        if not re.fullmatch(r"[1-9][0-9]{3}", pc4):
            uit.fouten.append(f"Regel {regel}: '{pc4}' is geen postcode van 4 cijfers.")
        elif pc4 in gezien:
            uit.fouten.append(f"Regel {regel}: postcode {pc4} staat er al eerder in.")
        elif lat is None or lon is None:
            uit.fouten.append(
                f"Regel {regel}: lat en lon moeten getallen zijn (met een punt)."
            )
        else:
            gezien.add(pc4)
            uit.gebieden.append(PostcodeGebied(pc4=pc4, lat=lat, lon=lon))
    if not uit.gebieden and not uit.fouten:
        uit.fouten.append("Het bestand heeft geen postcodes.")
    return uit


@transaction.atomic
def postcodegebieden_laden(tekst: str) -> Laadresultaat:
    """Replace the loaded centroids by those of the file, or change nothing when a
    row is wrong."""
    uit = postcodegebieden_controleren(tekst)
    if uit.goed:
        PostcodeGebied.objects.all().delete()
        PostcodeGebied.objects.bulk_create(uit.gebieden)
    return uit
