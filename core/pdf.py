"""PDFs made by a Celery task: the shared status, the render-and-store and the
queueing that survives a broker that is down or a worker that dies. A model with a
`pdf` file field and a `pdf_status` field (PdfStatus), and a task that renders one row
by id through `pdf_opslaan` (idempotent: a no-op once 'klaar') use these.

- `pdf_opslaan` renders the app's template (`PdfDocument`) with WeasyPrint and stores
  the file and the status 'klaar' in one transaction under the row's lock.

- `pdf_in_wachtrij` queues through the outbox (`uitgaand.na_commit`): the task is
  published when the change commits; a broker that is down leaves the row 'kon niet
  starten' and the outbox row pending, which the beat task `uitgaande_taken_versturen`
  publishes once the broker is back.
- `pdf_opnieuw_in_wachtrij` queues a PDF that could not start once more.
- `herstarten` (beat, every HERSTART_INTERVAL) queues again the rows that stayed
  waiting longer than HERSTART_NA: the worker that had them died (kill -9 leaves the
  message unacked in Redis until the visibility timeout). The task is idempotent, so
  a row queued twice is rendered once.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A PDF renders in seconds: one still waiting after HERSTART_NA lost its worker (or
# sits in a long queue, where a second message is a cheap no-op). With the beat
# running every HERSTART_INTERVAL, a dead worker's PDF is queued again within
# HERSTART_NA + HERSTART_INTERVAL = one minute.
HERSTART_NA = timedelta(seconds=40)
HERSTART_INTERVAL = timedelta(seconds=20)


class PdfStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    NIET_GESTART = "niet_gestart", _("Kon niet starten")


@dataclass(frozen=True)
class PdfDocument:
    """What one PDF shows: its template, the template's context and the file's name."""

    sjabloon: str
    context: dict
    bestandsnaam: str


def pdf_opslaan(
    rijen: QuerySet, pk: int, document: Callable[[models.Model], PdfDocument]
) -> models.Model:
    """Render and store the PDF of row `pk` of `rijen`; a no-op when it is already
    there (a task that runs twice renders once).

    `document(row)` says what to render, from the locked row. The file and the status
    'klaar' are saved in one transaction under the row's lock, so a worker that dies
    halfway leaves the row waiting, never half made."""
    from weasyprint import HTML

    with transaction.atomic():
        rij = rijen.select_for_update(of=("self",)).get(pk=pk)
        if rij.pdf_status == PdfStatus.KLAAR:
            return rij
        inhoud = document(rij)
        pdf = HTML(string=render_to_string(inhoud.sjabloon, inhoud.context)).write_pdf()
        rij.pdf.save(inhoud.bestandsnaam, ContentFile(pdf), save=False)
        rij.pdf_status = PdfStatus.KLAAR
        rij.save(update_fields=["pdf", "pdf_status", "updated_at"])
    return rij


def pdf_in_wachtrij(taak, model, pk: int) -> None:
    """Queue `taak(pk)` when the current transaction commits; a broker that is down
    marks the row 'kon niet starten' and the outbox publishes it later. `taak` is the
    task or its dotted name (a service names its task, it does not import it)."""
    from .uitgaand import na_commit

    def niet_gestart():
        model.objects.filter(pk=pk, pdf_status=PdfStatus.WACHTRIJ).update(
            pdf_status=PdfStatus.NIET_GESTART
        )

    na_commit(taak, args=[pk], bij_mislukken=niet_gestart)


def pdf_opnieuw_in_wachtrij(taak, model, pk: int) -> bool:
    """Queue once more the PDF of row `pk` that could not start; False (nothing
    queued) when it is not 'kon niet starten'."""
    opnieuw = model.objects.filter(pk=pk, pdf_status=PdfStatus.NIET_GESTART).update(
        pdf_status=PdfStatus.WACHTRIJ, updated_at=timezone.now()
    )
    if opnieuw:
        pdf_in_wachtrij(taak, model, pk)
    return bool(opnieuw)


def herstarten(taak, model, seconden: float) -> int:
    """Queue again the rows of `model` whose PDF waits for longer than `seconden`."""
    grens = timezone.now() - timedelta(seconds=seconden)
    ids = list(
        model.objects.filter(
            pdf_status__in=[PdfStatus.WACHTRIJ, PdfStatus.NIET_GESTART],
            updated_at__lt=grens,
        ).values_list("pk", flat=True)
    )
    model.objects.filter(pk__in=ids).exclude(pdf_status=PdfStatus.KLAAR).update(
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

    # No file, or one removed from storage (an anonymised candidate's documents).
    if not bestand or not bestand.storage.exists(bestand.name):
        raise Http404
    toegang_vastleggen([obj], actor=user, via="pdf")
    return FileResponse(
        bestand.open("rb"),
        as_attachment=True,
        content_type="application/pdf",
        filename=naam,
    )
