"""Celery tasks of trajecten: they load by id and call one service."""

from celery import shared_task

from core.pdf import HERSTART_NA, herstarten
from trajecten.models import OvereenkomstVersie
from trajecten.services import pdf_maken


@shared_task(
    acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3
)
def overeenkomst_pdf_maken(versie_id: int) -> str:
    """Render one agreement version's PDF (idempotent); returns the stored file name."""
    return pdf_maken(versie_id=versie_id).pdf.name


@shared_task
def overeenkomst_pdfs_herstarten(
    seconden: float = HERSTART_NA.total_seconds(),
) -> int:
    """Queue again the PDFs that stayed waiting (the worker died, the broker was down)."""
    return herstarten(overeenkomst_pdf_maken, OvereenkomstVersie, seconden)
