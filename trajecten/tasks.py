"""Celery tasks of trajecten: they load by id and call one service."""

from datetime import timedelta

from django.utils import timezone

from celery import shared_task

from trajecten.constants import PdfStatus


@shared_task(
    acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3
)
def overeenkomst_pdf_maken(versie_id: int) -> str:
    """Render one agreement version's PDF (idempotent); returns the stored file name."""
    from trajecten.services import pdf_maken

    return pdf_maken(versie_id=versie_id).pdf.name


@shared_task
def overeenkomst_pdfs_herstarten(minuten: int = 10) -> int:
    """Queue again the PDFs that stayed waiting (broker was down, worker died)."""
    from trajecten.models import OvereenkomstVersie
    from trajecten.services.overeenkomsten import _pdf_in_wachtrij

    grens = timezone.now() - timedelta(minutes=minuten)
    ids = list(
        OvereenkomstVersie.objects.filter(
            pdf_status__in=[PdfStatus.WACHTRIJ, PdfStatus.NIET_GESTART],
            updated_at__lt=grens,
        ).values_list("pk", flat=True)
    )
    OvereenkomstVersie.objects.filter(pk__in=ids).update(
        pdf_status=PdfStatus.WACHTRIJ, updated_at=timezone.now()
    )
    for pk in ids:
        _pdf_in_wachtrij(pk)
    return len(ids)
