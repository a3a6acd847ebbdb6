"""The PDF and the spreadsheet of one version of a scan.

The PDF is rendered while the user waits, as the inzageverslag is: a scan is two or
three pages without images, made in well under a second, and a version never
changes, so there is nothing to queue or store (core.pdf's task machinery is for
documents that are kept). `PdfDocument` names the template, context and file name
as for every other PDF."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from core.csv_export import xlsx_response
from core.pdf import PdfDocument

from .constants import Vraagsoort
from .models import Scan
from .selectors import Faseregel

KOLOMMEN = [
    "Regio",
    "Versie",
    "Ingevuld op",
    "Ingevuld door",
    "Thema",
    "Vraag",
    "Fase",
    "Naam van de fase",
    "Vorige fase",
    "Verandering",
    "Antwoord of toelichting",
]


def _naam(scan: Scan) -> str:
    return f"samenwerkingsscan-{scan.regio.code}-v{scan.versie}"


def scan_document(scan: Scan, vorige: Scan | None, fases: list[Faseregel]):
    return PdfDocument(
        sjabloon="pdf/samenwerkingsscan.html",
        context={
            "scan": scan,
            "vorige": vorige,
            "fases": fases,
            "open_antwoorden": [
                a for a in scan.antwoorden.all() if a.soort == Vraagsoort.OPEN
            ],
            "voettekst": f"Samenwerkingsscan {scan.regio} versie {scan.versie}",
            "gemaakt_op": timezone.localdate(),
        },
        bestandsnaam=f"{_naam(scan)}.pdf",
    )


def pdf_response(document: PdfDocument) -> HttpResponse:
    from weasyprint import HTML

    html = render_to_string(document.sjabloon, document.context)
    response = HttpResponse(
        HTML(string=html).write_pdf(), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{document.bestandsnaam}"'
    return response


def scan_xlsx(scan: Scan, fases: list[Faseregel]) -> HttpResponse:
    """One row per answer; the stage questions with the stage last time and the move."""
    per_vraag = {f.vraag_id: f for f in fases}
    ingevuld_op = timezone.localtime(scan.ingevuld_op).date()
    door = scan.ingevuld_door.get_full_name() or scan.ingevuld_door.username
    rijen = []
    for a in scan.antwoorden.all():
        regel = per_vraag.get(a.vraag_id) if a.soort == Vraagsoort.FASE else None
        rijen.append(
            [
                scan.regio.naam,
                scan.versie,
                ingevuld_op,
                door,
                a.thema,
                a.vraag_tekst,
                a.fase,
                a.fase_titel,
                regel.vorige_fase if regel else None,
                regel.richting_label if regel else "",
                a.tekst,
            ]
        )
    return xlsx_response(_naam(scan), KOLOMMEN, rijen)
