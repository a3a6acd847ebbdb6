"""Samenwerkingsscans through the service, answering the standard questions (loaded
by the data migration). One helper, with the stage per dimension as arguments."""

from organisaties.constants import Rol
from samenwerking.models import Scan
from samenwerking.selectors import actieve_vragen
from samenwerking.services import Invoer, scan_opslaan

from .organisaties import OrganisatieFactory, medewerker_met_rol

OPEN = {
    "verantwoordelijk": "De centrumgemeente.",
    "doelgroepen": "Bijstand zonder startkwalificatie.",
    "financiering": "De gemeente betaalt.",
    "mbo_borging": "Het ROC beoordeelt, 600 euro per traject.",
}


def invoer(proces=2, begeleiding=2, monitoring=2, **open_antwoorden) -> dict:
    """Answers to every required question: the stage per dimension, the agreements."""
    fases = {"proces": proces, "begeleiding": begeleiding, "monitoring": monitoring}
    teksten = {**OPEN, **open_antwoorden}
    uit = {}
    for vraag in actieve_vragen():
        if vraag.is_fase and vraag.code in fases:
            optie = next(o for o in vraag.opties.all() if o.fase == fases[vraag.code])
            uit[vraag.code] = Invoer(optie=optie)
        elif vraag.code in teksten:
            uit[vraag.code] = Invoer(tekst=teksten[vraag.code])
    return uit


def coordinator_van(regio_) -> object:
    """A regiocoördinator whose organisation works in `regio_` only."""
    return medewerker_met_rol(
        Rol.REGIOCOORDINATOR, organisatie=OrganisatieFactory(regios=[regio_])
    )


def scan_maken(regio_, door, *, gedeeld=False, **fases) -> Scan:
    scan = scan_opslaan(
        regio=regio_, door=door, vragen=actieve_vragen(), invoer=invoer(**fases)
    )
    if gedeeld:
        scan.gedeeld = True
        scan.save(update_fields=["gedeeld"])
    return scan
