"""The sample catalog shipped with the code (data/werkprocessen.csv, from the seeds).

Columns: kwalificatie, crebo, niveau, kerntaak_code, kerntaak_titel, werkproces_code,
werkproces_titel, bron. The import of real SBB dossiers (with a dry run) builds on this.
"""

import csv
from pathlib import Path

WERKPROCESSEN_CSV = Path(__file__).resolve().parent / "data" / "werkprocessen.csv"


def catalogus_laden(
    kwalificatie_model, kerntaak_model, werkproces_model, pad=WERKPROCESSEN_CSV
):
    """Create what is missing in the catalog from the CSV; returns the werkprocessen created.

    Takes the model classes so that a data migration can pass its historical models.
    """
    nieuw = 0
    with Path(pad).open(encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            kwalificatie, _ = kwalificatie_model.objects.get_or_create(
                naam=rij["kwalificatie"].strip(),
                defaults={"crebo": rij["crebo"].strip(), "niveau": int(rij["niveau"])},
            )
            kerntaak, _ = kerntaak_model.objects.get_or_create(
                kwalificatie=kwalificatie,
                code=rij["kerntaak_code"].strip(),
                defaults={"titel": rij["kerntaak_titel"].strip()},
            )
            _, gemaakt = werkproces_model.objects.get_or_create(
                kerntaak=kerntaak,
                code=rij["werkproces_code"].strip(),
                defaults={"titel": rij["werkproces_titel"].strip()},
            )
            nieuw += gemaakt
    return nieuw
