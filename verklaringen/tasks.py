"""Celery tasks of verklaringen: they load by id and call one service."""

from celery import shared_task

from core.pdf import HERSTART_NA, herstarten
from verklaringen.models import MboVerklaring, Praktijkverklaring
from verklaringen.services import mbo_verklaring_pdf_maken as mbo_maken
from verklaringen.services import verklaring_pdf_maken as maken

# A PDF task: acknowledged when done (a worker that dies leaves it queued), retried
# when storage or the renderer fails.
PDF_TAAK_OPTIES = {
    "acks_late": True,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "max_retries": 3,
}


@shared_task(**PDF_TAAK_OPTIES)
def verklaring_pdf_maken(verklaring_id: int) -> str:
    """Render one praktijkverklaring's PDF (idempotent); returns the stored file name."""
    return maken(verklaring_id=verklaring_id).pdf.name


@shared_task
def verklaring_pdfs_herstarten(
    seconden: float = HERSTART_NA.total_seconds(),
) -> int:
    """Queue again the PDFs that stayed waiting (the worker died, the broker was down)."""
    return herstarten(verklaring_pdf_maken, Praktijkverklaring, seconden)


@shared_task(**PDF_TAAK_OPTIES)
def mbo_verklaring_pdf_maken(verklaring_id: int) -> str:
    """Render one mbo-verklaring's PDF (idempotent); returns the stored file name."""
    return mbo_maken(verklaring_id=verklaring_id).pdf.name


@shared_task
def mbo_verklaring_pdfs_herstarten(
    seconden: float = HERSTART_NA.total_seconds(),
) -> int:
    """Queue again the mbo-verklaring PDFs that stayed waiting."""
    return herstarten(mbo_verklaring_pdf_maken, MboVerklaring, seconden)
