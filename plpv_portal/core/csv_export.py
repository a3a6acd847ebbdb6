"""CSV export that opens cleanly in Excel (Dutch locale) and LibreOffice."""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone


def csv_response(
    naam: str, kolommen: Sequence[str], rijen: Iterable[Sequence]
) -> HttpResponse:
    """A UTF-8 CSV download (with BOM, `;`-separated, header row) named `<naam>-<date>.csv`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    bestand = f"{naam}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{bestand}"'
    response.write("\ufeff")  # lets Excel recognise UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(kolommen)
    for rij in rijen:
        writer.writerow(["" if waarde is None else waarde for waarde in rij])
    return response


class CsvExportMixin:
    """A ListView that answers `?export=csv` with its filtered rows as CSV.

    Define `csv_naam`, `csv_kolommen` and `csv_rij(obj)`.
    """

    csv_naam = "export"
    csv_kolommen: Sequence[str] = ()

    def csv_rij(self, obj) -> Sequence:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            rijen = (self.csv_rij(obj) for obj in self.get_queryset())
            return csv_response(self.csv_naam, self.csv_kolommen, rijen)
        return super().get(request, *args, **kwargs)
