from .advies import Advies, AdviesAntwoord, ChecklistVraag
from .correctie import TrajectCorrectie, TrajectCorrectieRegel
from .instellingen import TrajectInstellingen
from .overeenkomst import Ondertekening, Overeenkomst, OvereenkomstVersie
from .postcode import PostcodeGebied
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
    "PostcodeGebied",
    "Traject",
    "TrajectCorrectie",
    "TrajectCorrectieRegel",
    "TrajectInstellingen",
    "TrajectStatuswijziging",
]
