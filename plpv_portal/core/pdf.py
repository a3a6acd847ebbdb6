"""PDFs made by a Celery task: the shared status and the queueing that survives a
broker that is down. A model with a `pdf_status` field (PdfStatus) and a task that
renders one row by id use these; the beat task `herstarten` queues rows again that
stayed waiting (broker away, worker died)."""

import logging
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class PdfStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    NIET_GESTART = "niet_gestart", _("Kon niet starten")


def pdf_in_wachtrij(taak, model, pk: int) -> None:
    """Queue `taak(pk)`; a broker that is down marks the row 'kon niet starten'."""
    try:
        taak.delay(pk)
    except Exception:  # kombu raises transport-specific errors  # noqa: BLE001
        logger.warning("PDF of %s %s not queued", model.__name__, pk, exc_info=True)
        model.objects.filter(pk=pk, pdf_status=PdfStatus.WACHTRIJ).update(
            pdf_status=PdfStatus.NIET_GESTART
        )


def herstarten(taak, model, minuten: int) -> int:
    """Queue again the rows of `model` whose PDF waits for longer than `minuten`."""
    grens = timezone.now() - timedelta(minutes=minuten)
    ids = list(
        model.objects.filter(
            pdf_status__in=[PdfStatus.WACHTRIJ, PdfStatus.NIET_GESTART],
            updated_at__lt=grens,
        ).values_list("pk", flat=True)
    )
    model.objects.filter(pk__in=ids).update(
        pdf_status=PdfStatus.WACHTRIJ, updated_at=timezone.now()
    )
    for pk in ids:
        pdf_in_wachtrij(taak, model, pk)
    return len(ids)


def pdf_antwoord(obj, bestand, naam: str, *, user):
    """Serve `bestand` (a FileField of `obj`, which the caller loaded through a scoped
    selector) as a PDF; media is never public, every download is an access entry.
    Always as an attachment: an uploaded file is never opened in the portal's origin."""
    from django.http import FileResponse, Http404

    from .csv_export import toegang_vastleggen

    if not bestand:
        raise Http404
    toegang_vastleggen([obj], actor=user, via="pdf")
    return FileResponse(
        bestand.open("rb"),
        as_attachment=True,
        content_type="application/pdf",
        filename=naam,
    )
