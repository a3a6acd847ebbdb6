"""CSV and XLSX export of list pages; opens cleanly in Excel (Dutch locale) and LibreOffice."""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font


def csv_response(
    naam: str, kolommen: Sequence[str], rijen: Iterable[Sequence]
) -> HttpResponse:
    """A UTF-8 CSV download (with BOM, `;`-separated, header row) named `<naam>-<date>.csv`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    bestand = f"{naam}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{bestand}"'
    response.write("\ufeff")  # lets Excel recognise UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([veilige_celwaarde(kolom) for kolom in kolommen])
    for rij in rijen:
        writer.writerow([veilige_celwaarde(waarde) for waarde in rij])
    return response


FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def veilige_celwaarde(waarde):
    """Every cell of every export (CSV and XLSX) goes through here.

    None, numbers, booleans and dates stay typed. Anything else (a model instance,
    a lazy translation, a choice) becomes text first; control characters that XLSX
    refuses are dropped; and text that a spreadsheet would run as a formula gets a
    leading apostrophe (OWASP "CSV injection"). Neutralising after the conversion
    and after dropping characters means no value can slip past as a formula.
    """
    if waarde is None or isinstance(waarde, bool | int | float | Decimal | date):
        return waarde
    tekst = ILLEGAL_CHARACTERS_RE.sub("", str(waarde))
    if tekst.startswith(FORMULE_BEGIN):
        return "'" + tekst
    return tekst


def xlsx_response(
    naam: str, kolommen: Sequence[str], rijen: Iterable[Sequence]
) -> HttpResponse:
    """An Excel workbook with a bold header row, named `<naam>-<date>.xlsx`."""
    boek = Workbook(write_only=True)
    blad = boek.create_sheet(naam[:31])
    kop = []
    for kolom in kolommen:
        cel = _excelcel(blad, kolom)
        cel.font = Font(bold=True)
        kop.append(cel)
    blad.append(kop)
    for rij in rijen:
        blad.append([_excelcel(blad, w) for w in rij])
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{naam}-{timezone.localdate():%Y-%m-%d}.xlsx"'
    )
    boek.save(response)
    return response


def _excelcel(blad, waarde) -> WriteOnlyCell:
    waarde = veilige_celwaarde(waarde)
    if isinstance(waarde, datetime) and timezone.is_aware(waarde):
        waarde = timezone.localtime(waarde).replace(tzinfo=None)
    cel = WriteOnlyCell(blad, value=waarde)
    if isinstance(cel.value, str):
        cel.data_type = "s"  # text stays text, never a formula
    return cel


class CsvExportMixin:
    """A ListView that answers `?export=csv` and `?export=xlsx` with its filtered rows.

    Define `csv_naam`, `csv_kolommen` and `csv_rij(obj)`. With `csv_audit = True`
    (lists of personal data) every exported row is recorded as an access in the
    audit trail, like opening its detail page.
    """

    csv_naam = "export"
    csv_kolommen: Sequence[str] = ()
    csv_audit = False

    def csv_rij(self, obj) -> Sequence:
        raise NotImplementedError

    def csv_voorbereiden(self, objecten: list) -> None:
        """Load what the rows need beyond the queryset, once for all (optional)."""

    def get(self, request, *args, **kwargs):
        formaat = request.GET.get("export")
        if formaat in ("csv", "xlsx"):
            objecten = list(self.get_queryset())
            self.csv_voorbereiden(objecten)
            if self.csv_audit:
                toegang_vastleggen(objecten, actor=request.user)
            maak = csv_response if formaat == "csv" else xlsx_response
            return maak(
                self.csv_naam, self.csv_kolommen, (self.csv_rij(o) for o in objecten)
            )
        return super().get(request, *args, **kwargs)


def toegang_vastleggen(objecten: list, *, actor, via: str = "csv-export") -> None:
    """One 'access' audit entry per exported (or downloaded) object, in one INSERT."""
    from django.contrib.contenttypes.models import ContentType

    from auditlog.models import LogEntry

    if not objecten:
        return
    content_type = ContentType.objects.get_for_model(objecten[0])
    LogEntry.objects.bulk_create(
        LogEntry(
            content_type=content_type,
            object_pk=str(o.pk),
            object_id=o.pk,
            object_repr=str(o)[:200],
            action=LogEntry.Action.ACCESS,
            actor=actor,
            additional_data={"via": via},
        )
        for o in objecten
    )
