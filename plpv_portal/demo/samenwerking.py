"""Demo samenwerkingsscan for Twente: an earlier and a current version, so the
overview shows a change since last time. The answers are fictional."""

from datetime import timedelta

from django.utils import timezone

from samenwerking.models import Scan
from samenwerking.selectors import actieve_vragen
from samenwerking.services import Invoer, scan_opslaan

# Per version: the stage per dimension, and the answers to the open questions.
EERDER = {
    "proces": (
        2,
        "Het ontwikkelbedrijf heeft het proces op papier; werkgevers nog niet.",
    ),
    "begeleiding": (2, "Elke praktijkopleider begeleidt op zijn eigen manier."),
    "monitoring": (2, ""),
    "verantwoordelijk": "De centrumgemeente Enschede, samen met het leerwerkloket.",
    "doelgroepen": "Bijstand zonder startkwalificatie; alleen vakvaardigheden.",
    "financiering": "Nog geen afspraak. Nu betaalt de gemeente alles uit "
    "Perspectief op Werk.",
    "mbo_borging": "Het Twents Vakcollege beoordeelt en geeft de verklaring af. "
    "De prijs per traject is nog niet afgesproken.",
}
NU = {
    "proces": (3, "Ook twee werkgevers werken nu met dezelfde leerdoelen."),
    "begeleiding": (3, "Alle praktijkopleiders hebben de training gevolgd."),
    "monitoring": (2, "Tussenresultaten staan nog in Excel."),
    "verantwoordelijk": "Het leerwerkloket Twente heeft de regie; de centrumgemeente "
    "Enschede is opdrachtgever.",
    "doelgroepen": "Bijstand en WW, met of zonder (verouderde) startkwalificatie. "
    "Vakvaardigheden en basis werknemersvaardigheden.",
    "financiering": "Gemeenten betalen de begeleiding op de werkplek, UWV het "
    "werkfit-deel voor WW'ers. De school krijgt een vast bedrag per traject.",
    "mbo_borging": "Het Twents Vakcollege bezoekt de werkplek twee keer, beoordeelt "
    "samen met de praktijkopleider en geeft de verklaring af: € 750 per traject.",
    "werving": "Klantmanagers van de gemeenten melden aan via het leerwerkloket.",
}


def _invoer(antwoorden: dict) -> dict[str, Invoer]:
    invoer = {}
    for vraag in actieve_vragen():
        waarde = antwoorden.get(vraag.code)
        if waarde is None:
            continue
        if vraag.is_fase:
            fase, toelichting = waarde
            optie = next(o for o in vraag.opties.all() if o.fase == fase)
            invoer[vraag.code] = Invoer(optie=optie, tekst=toelichting)
        else:
            invoer[vraag.code] = Invoer(tekst=waarde)
    return invoer


def demo_samenwerking(twente, coordinator) -> None:
    """Two versions of Twente's scan (safe to repeat: nothing when one exists)."""
    if Scan.objects.filter(regio=twente).exists():
        return
    nu = timezone.now()
    for antwoorden, geleden in ((EERDER, 200), (NU, 20)):
        scan = scan_opslaan(
            regio=twente,
            door=coordinator,
            vragen=actieve_vragen(),
            invoer=_invoer(antwoorden),
        )
        Scan.objects.filter(pk=scan.pk).update(ingevuld_op=nu - timedelta(days=geleden))
