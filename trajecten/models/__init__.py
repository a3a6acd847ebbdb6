from .advies import Advies, AdviesAntwoord, ChecklistVraag
from .correctie import TrajectCorrectie, TrajectCorrectieRegel
from .overeenkomst import Ondertekening, Overeenkomst, OvereenkomstVersie
from .traject import Financiering, Plaatsing, Traject, TrajectStatuswijziging

__all__ = [
    "Advies",
    "AdviesAntwoord",
    "ChecklistVraag",
    "Financiering",
    "Ondertekening",
    "Overeenkomst",
    "OvereenkomstVersie",
    "Plaatsing",
    "Traject",
    "TrajectCorrectie",
    "TrajectCorrectieRegel",
    "TrajectStatuswijziging",
]
