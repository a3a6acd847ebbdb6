"""The 35 arbeidsmarktregio's, shipped with the code in data/arbeidsmarktregios.csv."""

import csv
from pathlib import Path

REGIOS_CSV = Path(__file__).resolve().parent / "data" / "arbeidsmarktregios.csv"


def regios_laden(model) -> int:
    """Create the missing regions and correct changed names; returns how many changed.

    Takes the model class so that the data migration can pass its historical model.
    """
    with REGIOS_CSV.open(encoding="utf-8") as f:
        rijen = {r["cbs_code"].strip(): r["naam"].strip() for r in csv.DictReader(f)}
    bestaand = dict(model.objects.values_list("code", "naam"))
    gewijzigd = 0
    for code, naam in rijen.items():
        if bestaand.get(code) != naam:
            model.objects.update_or_create(code=code, defaults={"naam": naam})
            gewijzigd += 1
    return gewijzigd
