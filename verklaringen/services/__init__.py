"""Writes of verklaringen: the assessment (beoordeling), the praktijkverklaring and the
mbo-verklaring (what both kinds share when issued and revoked: `uitgifte`)."""

from .beoordeling import (
    OBSERVATIE_STATUSSEN,
    beheerste_werkprocessen,
    beoordeling_goedgekeurd,
    beoordeling_goedkeuren,
    beoordeling_indienen,
    beoordeling_stand,
    beoordeling_terugsturen,
    eindbeoordeling_vastleggen,
    gedragsvoorbeeld_opslaan,
    laatste_borging,
    observatie_vastleggen,
    ontwikkeldoel_opslaan,
    werkopdracht_opslaan,
)
from .bewijs import bewijs_toevoegen
from .mbo_verklaring import (
    mbo_verklaring_intrekken,
    mbo_verklaring_onderdelen,
    mbo_verklaring_pdf_maken,
    mbo_verklaring_uitreiken,
)
from .uitgifte import pdf_opnieuw_in_wachtrij
from .verklaring import (
    verklaring_intrekken,
    verklaring_pdf_maken,
    verklaring_uitreiken,
)

__all__ = [
    "mbo_verklaring_intrekken",
    "mbo_verklaring_onderdelen",
    "mbo_verklaring_pdf_maken",
    "mbo_verklaring_uitreiken",
    "bewijs_toevoegen",
    "OBSERVATIE_STATUSSEN",
    "beheerste_werkprocessen",
    "beoordeling_goedgekeurd",
    "pdf_opnieuw_in_wachtrij",
    "beoordeling_goedkeuren",
    "beoordeling_indienen",
    "beoordeling_stand",
    "beoordeling_terugsturen",
    "eindbeoordeling_vastleggen",
    "gedragsvoorbeeld_opslaan",
    "laatste_borging",
    "observatie_vastleggen",
    "ontwikkeldoel_opslaan",
    "verklaring_intrekken",
    "verklaring_pdf_maken",
    "verklaring_uitreiken",
    "werkopdracht_opslaan",
]
