"""Services of trajecten: the advies, the traject workflow and the agreements."""

from .advies import (
    GegevenAntwoord,
    Voorstel,
    advies_vastleggen,
    advies_voorstel,
    checklist_vragen,
)
from .correctie import (
    CorrectieInvoer,
    Correctieresultaat,
    financiering_veld,
    plaatsing_veld,
    traject_corrigeren,
)
from .overeenkomsten import (
    ondertekening_vastleggen,
    ontbrekende_handtekeningen,
    overeenkomsten_genereren,
    pdf_maken,
    verouderde_overeenkomsten,
)
from .traject import (
    Beoordelingsstand,
    advies_verplicht,
    financiering_toevoegen,
    plaatsing_toevoegen,
    traject_starten,
    traject_status_wijzigen,
)

__all__ = [
    "Beoordelingsstand",
    "CorrectieInvoer",
    "Correctieresultaat",
    "GegevenAntwoord",
    "Voorstel",
    "advies_vastleggen",
    "advies_verplicht",
    "advies_voorstel",
    "checklist_vragen",
    "financiering_veld",
    "financiering_toevoegen",
    "ondertekening_vastleggen",
    "ontbrekende_handtekeningen",
    "overeenkomsten_genereren",
    "pdf_maken",
    "plaatsing_toevoegen",
    "plaatsing_veld",
    "traject_starten",
    "traject_corrigeren",
    "traject_status_wijzigen",
    "verouderde_overeenkomsten",
]
