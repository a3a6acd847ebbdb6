"""Writes of the samenwerkingsscan: a new version, and sharing a version."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from core.audit import bulk_aanmaken
from organisaties.models import Arbeidsmarktregio

from .models import Antwoordoptie, Scan, ScanAntwoord, Vraag
from .regels import mag_scan_delen, mag_scan_invullen

MAX_TEKST = 2000

VERPLICHT_FASE = _("Kies de fase die nu het best past.")
VERPLICHT_OPEN = _("Beantwoord deze vraag. Nog geen afspraak? Schrijf dat op.")
ONBEKENDE_FASE = _("Kies een van de fases bij deze vraag.")
TE_LANG = _("Schrijf hoogstens %(max)d tekens.") % {"max": MAX_TEKST}


def veldnaam(vraag: Vraag) -> str:
    """The form field (and error key) of a question's answer."""
    return f"vraag_{vraag.code}"


def toelichtingveld(vraag: Vraag) -> str:
    return f"toelichting_{vraag.code}"


@dataclass(frozen=True)
class Invoer:
    """What the coordinator answered to one question: the chosen stage (an
    Antwoordoptie or its pk) for a 'fase' question, and the text (the answer to an
    open question, the toelichting to a stage)."""

    optie: Antwoordoptie | int | None = None
    tekst: str = ""


def _controleren(vragen: list[Vraag], invoer: dict[str, Invoer]):
    """(vraag, optie, tekst) per answered question; ValidationError keyed by field."""
    fouten: dict[str, list] = {}
    rijen = []
    for vraag in vragen:
        antwoord = invoer.get(vraag.code, Invoer())
        tekst = (antwoord.tekst or "").strip()
        if len(tekst) > MAX_TEKST:
            sleutel = veldnaam(vraag) if not vraag.is_fase else toelichtingveld(vraag)
            fouten.setdefault(sleutel, []).append(TE_LANG)
        if vraag.is_fase:
            gekozen = antwoord.optie
            optie_id = getattr(gekozen, "pk", gekozen)
            opties = {o.pk: o for o in vraag.opties.all()}
            if optie_id in (None, ""):
                if vraag.verplicht:
                    fouten.setdefault(veldnaam(vraag), []).append(VERPLICHT_FASE)
                continue
            optie = opties.get(_als_getal(optie_id))
            if optie is None:  # an option of another question, or none at all
                fouten.setdefault(veldnaam(vraag), []).append(ONBEKENDE_FASE)
                continue
            rijen.append((vraag, optie, tekst))
        else:
            if not tekst:
                if vraag.verplicht:
                    fouten.setdefault(veldnaam(vraag), []).append(VERPLICHT_OPEN)
                continue
            rijen.append((vraag, None, tekst))
    if fouten:
        raise ValidationError(fouten)
    return rijen


def _als_getal(waarde) -> int | None:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return None


@transaction.atomic
def scan_opslaan(
    *, regio: Arbeidsmarktregio, door, vragen: list[Vraag], invoer: dict[str, Invoer]
) -> Scan:
    """Save the answers as the region's next version (1 for the first scan).

    Every active question is checked: a required one must be answered, a stage must
    be one of that question's own options. Nothing is saved on an error. The
    region's row is locked, so two coordinators saving at once get versions n and
    n+1, never the same number."""
    if not mag_scan_invullen(door, regio):
        raise PermissionDenied
    rijen = _controleren(vragen, invoer)
    Arbeidsmarktregio.objects.select_for_update().filter(pk=regio.pk).first()
    laatste = Scan.objects.filter(regio=regio).aggregate(m=Max("versie"))["m"] or 0
    scan = Scan.objects.create(regio=regio, versie=laatste + 1, ingevuld_door=door)
    bulk_aanmaken(
        ScanAntwoord,
        [
            ScanAntwoord(
                scan=scan,
                vraag=vraag,
                volgorde=volgorde,
                thema=vraag.thema.naam,
                soort=vraag.soort,
                vraag_tekst=vraag.tekst,
                optie=optie,
                fase=optie.fase if optie else None,
                fase_titel=optie.titel if optie else "",
                tekst=tekst,
            )
            for volgorde, (vraag, optie, tekst) in enumerate(rijen, start=1)
        ],
    )
    return scan


@transaction.atomic
def scan_delen(*, scan: Scan, door, gedeeld: bool) -> Scan:
    """Share the version with the other regions' coordinators, or stop sharing it."""
    if not mag_scan_delen(door, scan):
        raise PermissionDenied
    scan = Scan.objects.select_for_update().get(pk=scan.pk)
    if scan.gedeeld != gedeeld:
        scan.gedeeld = gedeeld
        scan.save(update_fields=["gedeeld", "updated_at"])
    return scan


def laatste_invoer(scan: Scan | None) -> dict[str, Invoer]:
    """The answers of `scan` as input for the next version (the prefilled form)."""
    if scan is None:
        return {}
    return {
        a.vraag.code: Invoer(optie=a.optie_id, tekst=a.tekst)
        for a in scan.antwoorden.select_related("vraag")
    }
