"""Services of trajecten: the advies, the traject workflow and the agreements."""

from .advies import (
    GegevenAntwoord,
    Voorstel,
    advies_vastleggen,
    advies_voorstel,
    checklist_vragen,
)
from .overeenkomsten import (
    ondertekening_vastleggen,
    ontbrekende_handtekeningen,
    overeenkomsten_genereren,
    pdf_maken,
)
from .traject import (
    TransitionNotAllowed,
    financiering_toevoegen,
    plaatsing_toevoegen,
    traject_starten,
    traject_status_wijzigen,
)

__all__ = [
    "GegevenAntwoord",
    "TransitionNotAllowed",
    "Voorstel",
    "advies_vastleggen",
    "advies_voorstel",
    "checklist_vragen",
    "financiering_toevoegen",
    "ondertekening_vastleggen",
    "ontbrekende_handtekeningen",
    "overeenkomsten_genereren",
    "pdf_maken",
    "plaatsing_toevoegen",
    "traject_starten",
    "traject_status_wijzigen",
]
