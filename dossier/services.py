"""Writes of the funding dossier: a request, and the task's work on it. The status
changes only through `status_zetten` (DossierStatus, OVERGANGEN)."""

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.uitgaand import na_commit

from . import regels
from .constants import OVERGANGEN, DossierStatus
from .models import Dossieraanvraag

logger = logging.getLogger(__name__)

TAAK = "dossier.tasks.dossier_maken"

# A ZIP is made to be sent to the funder; after this many days the portal removes it
# (the request row and its file): the sources stay in the portal, a new click makes
# it again. One copy fewer of the whole file to protect.
BEWAARDAGEN = 7


def status_zetten(aanvraag: Dossieraanvraag, naar: str, **velden) -> None:
    """The one place a request's status changes; the caller holds the row's lock."""
    if naar not in OVERGANGEN[aanvraag.status]:
        raise ValueError(f"{aanvraag.status} -> {naar} is not allowed")
    aanvraag.status = naar
    for naam, waarde in velden.items():
        setattr(aanvraag, naam, waarde)
    aanvraag.save(update_fields=["status", "updated_at", *velden])


@transaction.atomic
def dossier_aanvragen(*, traject, door) -> Dossieraanvraag:
    """A new request: the ZIP is made by the task when this commits. The traject's
    older requests and their files go: one copy of the file to protect, the newest."""
    if not regels.mag_dossier_maken(traject, door):
        raise PermissionDenied
    oude = list(Dossieraanvraag.objects.filter(traject=traject))
    bestanden = [a.bestand.name for a in oude if a.bestand]
    for a in oude:
        a.delete()  # one by one: each removal is in the audit trail
    _bestanden_weg_na_commit(bestanden)
    aanvraag = Dossieraanvraag.objects.create(traject=traject, aangevraagd_door=door)
    na_commit(TAAK, args=[aanvraag.pk])
    return aanvraag


def _bestanden_weg_na_commit(namen: list[str]) -> None:
    """Remove the files once the rows' removal committed (a rollback keeps both)."""
    if not namen:
        return
    from django.core.files.storage import default_storage

    def weg():
        for naam in namen:
            default_storage.delete(naam)

    transaction.on_commit(weg)


@transaction.atomic
def dossiers_opruimen(*, nu=None) -> int:
    """Remove the requests (and ZIPs) older than BEWAARDAGEN; returns how many."""
    grens = (nu or timezone.now()) - timedelta(days=BEWAARDAGEN)
    oude = list(Dossieraanvraag.objects.filter(created_at__lt=grens))
    _bestanden_weg_na_commit([a.bestand.name for a in oude if a.bestand])
    for a in oude:
        a.delete()  # one by one: each removal is in the audit trail
    return len(oude)


def dossier_maken(*, aanvraag_id: int) -> Dossieraanvraag | None:
    """Make and store the ZIP of one request (idempotent: a finished, failed or
    removed request is left alone). 'bezig' is committed first so the page shows it;
    the file and 'klaar' are saved together under the row's lock."""
    from .inhoud import dossier_zip

    with transaction.atomic():
        aanvraag = (
            Dossieraanvraag.objects.select_for_update().filter(pk=aanvraag_id).first()
        )
        if aanvraag is None or aanvraag.status in (
            DossierStatus.KLAAR,
            DossierStatus.FOUT,
        ):
            return aanvraag
        status_zetten(aanvraag, DossierStatus.BEZIG)
    try:
        inhoud = dossier_zip(aanvraag.traject)
    except Exception:
        logger.exception("Funding dossier %s could not be made", aanvraag_id)
        with transaction.atomic():
            aanvraag = (
                Dossieraanvraag.objects.select_for_update()
                .filter(pk=aanvraag_id)
                .first()
            )
            if aanvraag is not None and aanvraag.status == DossierStatus.BEZIG:
                status_zetten(
                    aanvraag,
                    DossierStatus.FOUT,
                    fout="Het dossier kon niet worden gemaakt. Probeer het opnieuw.",
                )
        return aanvraag
    with transaction.atomic():
        aanvraag = (
            Dossieraanvraag.objects.select_for_update().filter(pk=aanvraag_id).first()
        )
        if aanvraag is None or aanvraag.status != DossierStatus.BEZIG:
            return aanvraag  # replaced meanwhile, or another run finished it
        aanvraag.bestand.save("dossier.zip", ContentFile(inhoud), save=False)
        status_zetten(aanvraag, DossierStatus.KLAAR, bestand=aanvraag.bestand)
    return aanvraag
