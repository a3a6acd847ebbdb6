"""Import from spreadsheets: read an uploaded .xlsx or .csv, check each cell, preview.

The flow is the same for every import (kandidaten, leerbedrijven): an upload form reads
the file into a `Tabel` (header + rows of text), within bounds on size, rows, columns
and time whatever the file declares about itself; the rows are kept in the database
under a token (`import_bewaren`, model SpreadsheetImport), not in the session; the
preview page validates every row and shows what will happen; the confirm page locks
the token, validates again and saves all rows in one transaction, or none, and marks
the token used in that same transaction (`import_verwerken`), so a double
confirmation imports once. The apps define the columns (`Kolom`), the row validation
and the save; this module holds the plumbing and imports no app.
"""

import csv
import io
import re
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

MAX_BESTAND_BYTES = 5 * 1024 * 1024
MAX_RIJEN = 2000
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

NIEUW, BIJWERKEN, FOUT = "nieuw", "bijwerken", "fout"
ACTIE_LABELS = {NIEUW: _("Nieuw"), BIJWERKEN: _("Bijwerken"), FOUT: _("Fout")}


@dataclass(frozen=True)
class Kolom:
    """One column of an import: its header, whether it must be present, an example."""

    naam: str
    verplicht: bool = False
    voorbeeld: str = ""
    uitleg: str = ""


@dataclass
class Tabel:
    """An uploaded sheet: the column names and per row its number in the file and
    its cells as text, keyed by column name."""

    kolommen: list[str]
    rijen: list[tuple[int, dict[str, str]]]


@dataclass
class Rijresultaat:
    """What the import will do with one row, and the errors per column."""

    rij: int
    actie: str = NIEUW
    omschrijving: str = ""
    fouten: list[tuple[str, str]] = field(default_factory=list)
    waarden: dict = field(default_factory=dict)
    bestaand: object = None

    def fout(self, kolom: str, bericht) -> None:
        self.fouten.append((kolom, str(bericht)))
        self.actie = FOUT

    @property
    def actie_label(self) -> str:
        return str(ACTIE_LABELS[self.actie])


@dataclass
class Voorbeeld:
    """The preview of a whole file."""

    rijen: list[Rijresultaat]

    def aantal(self, actie: str) -> int:
        return sum(1 for r in self.rijen if r.actie == actie)

    @property
    def heeft_fouten(self) -> bool:
        return any(r.actie == FOUT for r in self.rijen)

    @property
    def samenvatting(self) -> str:
        fouten = self.aantal(FOUT)
        return _("%(nieuw)d nieuw, %(bij)d bijwerken, %(fout)d %(fouten)s") % {
            "nieuw": self.aantal(NIEUW),
            "bij": self.aantal(BIJWERKEN),
            "fout": fouten,
            "fouten": _("fout") if fouten == 1 else _("fouten"),
        }

    def foutmeldingen(self) -> list[str]:
        return [
            _("Rij %(rij)d, kolom %(kolom)s: %(bericht)s")
            % {"rij": r.rij, "kolom": kolom or "-", "bericht": bericht}
            for r in self.rijen
            for kolom, bericht in r.fouten
        ]


# --- reading the file ---


def kolomnaam(kop) -> str:
    """'Hoogste opleiding ' and 'hoogste_opleiding' are the same column."""
    return re.sub(r"[\s\-]+", "_", str(kop or "").strip().lower())


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))  # Excel stores a KvK-nummer or huisnummer as 12.0
    return str(waarde).strip()


MAX_CEL = 1000
# Bounds on what a file may make the server do, whatever the file declares about
# itself: a sheet that declares A1:XFD1048576 or a zip that unpacks to gigabytes is
# refused with a Dutch message instead of keeping a worker busy.
MAX_KOLOMMEN = 100
MAX_REGELS = 20_000  # rows in the file, empty ones in between included
MAX_TEKENS = 3_000_000  # all cells together
MAX_UITGEPAKT_BYTES = 25 * 1024 * 1024  # the xlsx's parts, unpacked
MAX_ONDERDELEN = 1000  # parts in the xlsx zip
MAX_SECONDEN = 10.0

_TE_GROOT = _(
    "Dit bestand is te groot of te ingewikkeld om te lezen. Sla alleen het blad met "
    "de gegevens op als nieuw bestand, of splits het in kleinere bestanden."
)


_ONLEESBAAR_XLSX = _(
    "Dit Excel-bestand kan niet gelezen worden. Sla het opnieuw op als .xlsx."
)


def _zip_controleren(inhoud: bytes) -> None:
    """Refuse a zip bomb before openpyxl opens it: the declared unpacked sizes are a
    hard bound (Python's zipfile stops at the declared size and then fails the CRC)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            onderdelen = archief.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ValidationError(_ONLEESBAAR_XLSX, code="onleesbaar") from exc
    if len(onderdelen) > MAX_ONDERDELEN or (
        sum(o.file_size for o in onderdelen) > MAX_UITGEPAKT_BYTES
    ):
        raise ValidationError(_TE_GROOT, code="te_groot")


def _rijen_xlsx(inhoud: bytes):
    from openpyxl import load_workbook

    _zip_controleren(inhoud)
    try:
        werkmap = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(_ONLEESBAAR_XLSX, code="onleesbaar") from exc
    try:
        blad = werkmap.worksheets[0]
        # read_only mode trusts the <dimension> the file declares and pads every
        # row to it; forget it and read the rows that are there, at most one column
        # more than allowed (to notice a file that is too wide).
        blad.reset_dimensions()
        yield from blad.iter_rows(min_row=1, max_col=MAX_KOLOMMEN + 1, values_only=True)
    finally:
        werkmap.close()


def _rijen_csv(inhoud: bytes):
    if b"\x00" in inhoud:
        # A NUL byte: a UTF-16 file or a binary file renamed to .csv. The database
        # cannot store it, so it never gets past the upload.
        raise ValidationError(
            _(
                "Dit CSV-bestand bevat onleesbare tekens. Sla het opnieuw op als "
                "'CSV UTF-8' (in Excel: Opslaan als, CSV UTF-8)."
            ),
            code="onleesbare_tekens",
        )
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Sla het CSV-bestand op als UTF-8 (in Excel: 'CSV UTF-8')."),
            code="codering",
        ) from exc
    if "\ufffd" in tekst or "\ufeff" in tekst:
        # A replacement character or a second BOM: parts of the file were saved in
        # another encoding (pasted together), so names would come out garbled.
        raise ValidationError(
            _(
                "Een deel van dit CSV-bestand is in een andere tekenset opgeslagen. "
                "Sla het hele bestand opnieuw op als 'CSV UTF-8'."
            ),
            code="codering",
        )
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    yield from csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)


def lees_tabel(bestand, kolommen: Sequence[Kolom]) -> Tabel:
    """Read an uploaded .xlsx or .csv into a Tabel; ValidationError (Dutch) on a wrong
    type, a file over 5 MB, more than 2000 rows or 100 columns, missing required
    columns, unreadable characters (NUL, mixed encodings), or a file that unpacks to
    or takes too much (see the MAX_ bounds). Rows keep only the import's columns."""
    naam = (getattr(bestand, "name", "") or "").lower()
    if not naam.endswith((".xlsx", ".csv")):
        raise ValidationError(
            _("Kies een Excel-bestand (.xlsx) of een CSV-bestand (.csv)."),
            code="soort",
        )
    if bestand.size > MAX_BESTAND_BYTES:
        raise ValidationError(
            _("Het bestand is groter dan 5 MB. Splits het in kleinere bestanden."),
            code="te_groot",
        )
    inhoud = bestand.read()
    try:
        koppen, rijen = _tabel_lezen(naam, inhoud)
    except ValidationError:
        raise
    except Exception as exc:  # a damaged sheet or CSV shows up only while reading
        raise ValidationError(
            _(
                "Dit bestand kan niet gelezen worden. Sla het opnieuw op als .xlsx of .csv."
            ),
            code="onleesbaar",
        ) from exc
    if koppen is None:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    ontbreekt = [k.naam for k in kolommen if k.verplicht and k.naam not in koppen]
    if ontbreekt:
        raise ValidationError(
            _(
                "Deze kolommen ontbreken in de eerste rij: %(kolommen)s. "
                "Gebruik het sjabloon."
            )
            % {"kolommen": ", ".join(ontbreekt)},
            code="kolommen",
        )
    if kolommen:
        # Only the cells of the import's own columns are kept until the confirm.
        bekend = {k.naam for k in kolommen}
        rijen = [(n, {k: v for k, v in c.items() if k in bekend}) for n, c in rijen]
    return Tabel(kolommen=koppen, rijen=rijen)


def _tabel_lezen(naam: str, inhoud: bytes):
    ruwe_rijen = _rijen_xlsx(inhoud) if naam.endswith(".xlsx") else _rijen_csv(inhoud)
    koppen: list[str] | None = None
    rijen: list[tuple[int, dict[str, str]]] = []
    tekens = 0
    einde = time.monotonic() + MAX_SECONDEN
    for nummer, ruw in enumerate(ruwe_rijen, start=1):
        if nummer > MAX_REGELS or time.monotonic() > einde:
            raise ValidationError(_TE_GROOT, code="te_groot")
        if not any(c is not None and c != "" for c in ruw):
            continue  # empty lines in between or at the end
        if len(ruw) > MAX_KOLOMMEN and any(
            c is not None and c != "" for c in ruw[MAX_KOLOMMEN:]
        ):
            raise ValidationError(
                _("Het bestand heeft meer dan %(max)d kolommen. Gebruik het sjabloon.")
                % {"max": MAX_KOLOMMEN},
                code="te_veel_kolommen",
            )
        cellen = [_tekst(c) for c in ruw[:MAX_KOLOMMEN]]
        if not any(cellen):
            continue
        if any("\x00" in c for c in cellen):
            raise ValidationError(
                _(
                    "Rij %(rij)d bevat onleesbare tekens. Sla het bestand opnieuw op "
                    "en probeer het nog eens."
                )
                % {"rij": nummer},
                code="onleesbare_tekens",
            )
        if koppen is None:
            koppen = [kolomnaam(c) for c in cellen]
            while koppen and not koppen[-1]:
                koppen.pop()  # the padding of a sheet's rows
            continue
        if len(rijen) >= MAX_RIJEN:
            raise ValidationError(
                _("Het bestand heeft meer dan %(max)d rijen. Splits het bestand.")
                % {"max": MAX_RIJEN},
                code="te_veel_rijen",
            )
        if any(len(c) > MAX_CEL for c in cellen):
            raise ValidationError(
                _("Rij %(rij)d heeft een cel met meer dan %(max)d tekens.")
                % {"rij": nummer, "max": MAX_CEL},
                code="cel_te_lang",
            )
        # Only the columns with a name in the first row are kept.
        rij = {k: v for k, v in zip(koppen, cellen, strict=False) if k}
        tekens += sum(len(v) for v in rij.values())
        if tekens > MAX_TEKENS:
            raise ValidationError(_TE_GROOT, code="te_groot")
        rijen.append((nummer, rij))
    return koppen, rijen


def sjabloon_response(naam: str, kolommen: Sequence[Kolom]) -> HttpResponse:
    """An .xlsx download with the column names, one example row and a sheet 'Uitleg'."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    werkmap = Workbook()
    blad = werkmap.active
    blad.title = "Import"
    blad.append([k.naam for k in kolommen])
    blad.append([k.voorbeeld for k in kolommen])
    for cel in blad[1]:
        cel.font = Font(bold=True)
    uitleg = werkmap.create_sheet("Uitleg")
    uitleg.append(["Kolom", "Verplicht", "Uitleg"])
    for kolom in kolommen:
        uitleg.append([kolom.naam, "ja" if kolom.verplicht else "nee", kolom.uitleg])
    uit = io.BytesIO()
    werkmap.save(uit)
    response = HttpResponse(uit.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{naam}-sjabloon.xlsx"'
    return response


# --- reading one cell ---

_DATUMFORMATEN = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")
JA = {"ja", "j", "x", "1", "true", "waar", "yes", "y"}
NEE = {"nee", "n", "0", "false", "onwaar", "no", ""}


def lees_datum(waarde: str) -> date | None:
    """dd-mm-jjjj, jjjj-mm-dd (also what an Excel date cell becomes); None when empty."""
    waarde = (waarde or "").strip()
    if not waarde:
        return None
    for formaat in _DATUMFORMATEN:
        try:
            return datetime.strptime(waarde, formaat).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValidationError(
        _(
            "'%(waarde)s' is geen datum. Schrijf de datum als dd-mm-jjjj, bijvoorbeeld "
            "12-04-2003."
        )
        % {"waarde": waarde}
    )


def lees_ja_nee(waarde: str) -> bool:
    schoon = (waarde or "").strip().lower()
    if schoon in JA:
        return True
    if schoon in NEE:
        return False
    raise ValidationError(_("'%(waarde)s' is geen ja of nee.") % {"waarde": waarde})


def lees_keuze(waarde: str, choices, *, verplicht: bool = True) -> str:
    """The code of a choice, given its code or its Dutch label (case does not matter)."""
    schoon = (waarde or "").strip().lower()
    if not schoon:
        if verplicht:
            raise ValidationError(_("Vul deze kolom in."))
        return ""
    for code, label in choices:
        if schoon in (str(code).lower(), str(label).lower()):
            return code
    raise ValidationError(
        _("Onbekende waarde '%(waarde)s'. Kies uit: %(keuzes)s.")
        % {"waarde": waarde, "keuzes": ", ".join(str(label) for _c, label in choices)}
    )


def fouten_per_kolom(
    resultaat: Rijresultaat, exc: ValidationError, *, kolommen: dict | None = None
) -> None:
    """Put the errors of a full_clean on the row, mapping model fields to columns."""
    kolommen = kolommen or {}
    if hasattr(exc, "error_dict"):
        for veld, lijst in exc.message_dict.items():
            kolom = kolommen.get(veld, "" if veld == "__all__" else veld)
            for bericht in lijst:
                resultaat.fout(kolom, bericht)
    else:
        for bericht in exc.messages:
            resultaat.fout(kolommen.get("__all__", ""), bericht)


# --- keeping the parsed rows between preview and confirm ---

# A preview older than this cannot be confirmed; the session clean-up deletes it.
BEWAARTERMIJN = timedelta(hours=24)


class AlVerwerkt(Exception):  # noqa: N818 (not an error: the import already ran)
    """The token was confirmed before; `resultaat` holds what that import did."""

    def __init__(self, resultaat: dict):
        super().__init__("import already confirmed")
        self.resultaat = resultaat


def import_bewaren(request, *, soort: str, bestandsnaam: str, tabel: Tabel, keuzes):
    """Keep the rows in the database for this user (not in the session: that is read
    on every request); returns the token."""
    from .models import SpreadsheetImport

    # One pending import per kind: a new upload replaces the previous one.
    SpreadsheetImport.objects.filter(
        gebruiker=request.user, soort=soort, verwerkt_op__isnull=True
    ).delete()
    bewaard = SpreadsheetImport.objects.create(
        token=secrets.token_urlsafe(16),
        soort=soort,
        gebruiker=request.user,
        bestandsnaam=bestandsnaam[:255],
        keuzes=keuzes,
        rijen=[[n, cellen] for n, cellen in tabel.rijen],
        kolommen=tabel.kolommen,
    )
    return bewaard.token


def _gegevens(bewaard) -> dict:
    return {
        "soort": bewaard.soort,
        "gebruiker": bewaard.gebruiker_id,
        "bestandsnaam": bewaard.bestandsnaam,
        "keuzes": bewaard.keuzes,
        "kolommen": bewaard.kolommen,
        "tabel": Tabel(
            kolommen=bewaard.kolommen, rijen=[(n, c) for n, c in bewaard.rijen]
        ),
    }


def _zoeken(request, *, soort: str, token: str):
    from .models import SpreadsheetImport

    return SpreadsheetImport.objects.filter(
        token=token or "",
        soort=soort,
        gebruiker=request.user,
        aangemaakt_op__gte=timezone.now() - BEWAARTERMIJN,
    )


def import_ophalen(request, *, soort: str, token: str) -> dict:
    """The pending import with this token of this user, or 404 (also once confirmed)."""
    bewaard = _zoeken(request, soort=soort, token=token).first()
    if bewaard is None or bewaard.verwerkt:
        raise Http404("Geen import gevonden")
    return _gegevens(bewaard)


def import_verwerken(request, *, soort: str, token: str, opslaan) -> dict:
    """Run `opslaan(data)` once for this token: the stored preview is locked, and
    marked done in the same transaction as the import. A second confirmation (a
    double click, a second tab) waits for the first and then raises AlVerwerkt
    instead of importing again. Returns the counts; `opslaan`'s ValidationError
    rolls everything back and leaves the token usable."""
    with transaction.atomic():
        bewaard = _zoeken(request, soort=soort, token=token).select_for_update().first()
        if bewaard is None:
            raise Http404("Geen import gevonden")
        if bewaard.verwerkt:
            raise AlVerwerkt(bewaard.resultaat)
        voorbeeld = opslaan(_gegevens(bewaard))
        bewaard.resultaat = {
            "nieuw": voorbeeld.aantal(NIEUW),
            "bij": voorbeeld.aantal(BIJWERKEN),
        }
        bewaard.verwerkt_op = timezone.now()
        bewaard.rijen = []  # personal data that is now in the portal itself
        bewaard.save(update_fields=["resultaat", "verwerkt_op", "rijen"])
    return bewaard.resultaat


def imports_opruimen() -> int:
    """Delete the stored previews older than BEWAARTERMIJN (confirmed or not)."""
    from .models import SpreadsheetImport

    verwijderd, _details = SpreadsheetImport.objects.filter(
        aangemaakt_op__lt=timezone.now() - BEWAARTERMIJN
    ).delete()
    return verwijderd


# --- the views; an app subclasses them and fills in the hooks ---


class ImportUploadForm(forms.Form):
    """The upload field; an app's form adds its choices and sets `kolommen`."""

    kolommen: Sequence[Kolom] = ()

    bestand = forms.FileField(
        label=_("Bestand (.xlsx of .csv)"),
        help_text=_("Hoogstens 5 MB en 2000 rijen. De eerste rij bevat de kolomnamen."),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        self.tabel = lees_tabel(bestand, self.kolommen)
        return bestand

    def keuzes(self) -> dict:
        """The choices of the form as JSON-safe values for the session."""
        return {}


class ImportMixin(PermissionRequiredMixin):
    """Shared settings: `soort` (session key and URL namespace) and the texts."""

    soort = ""
    titel = ""
    lijst_url = ""

    def url(self, naam: str) -> str:
        return reverse(f"{self.soort}:import_{naam}")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=self.titel,
            sjabloon_url=self.url("sjabloon"),
            lijst_url=reverse(self.lijst_url),
            **kwargs,
        )


class ImportUploadView(ImportMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        token = import_bewaren(
            self.request,
            soort=self.soort,
            bestandsnaam=form.cleaned_data["bestand"].name,
            tabel=form.tabel,
            keuzes=form.keuzes(),
        )
        return redirect(f"{self.url('voorbeeld')}?token={token}")


class ImportVoorbeeldView(ImportMixin, TemplateView):
    """The preview: every row with what will happen and its errors."""

    def voorbeeld(self, data: dict) -> Voorbeeld:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        token = self.request.GET.get("token", "")
        data = import_ophalen(self.request, soort=self.soort, token=token)
        return super().get_context_data(
            voorbeeld=self.voorbeeld(data),
            token=token,
            bestandsnaam=data["bestandsnaam"],
            bevestig_url=self.url("bevestigen"),
            upload_url=self.url("upload"),
            **kwargs,
        )


class ImportBevestigenView(ImportMixin, View):
    """Confirm: validate again and save every row, or nothing."""

    http_method_names = ["post"]

    def opslaan(self, data: dict) -> Voorbeeld:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        token = request.POST.get("token", "")
        try:
            resultaat = import_verwerken(
                request, soort=self.soort, token=token, opslaan=self.opslaan
            )
        except ValidationError:
            messages.error(
                request,
                _(
                    "Er is niets opgeslagen: de gegevens bevatten nu fouten. "
                    "Bekijk de rijen hieronder."
                ),
            )
            return redirect(f"{self.url('voorbeeld')}?token={token}")
        except AlVerwerkt as al:
            messages.info(
                request,
                _(
                    "Deze import is al verwerkt (%(nieuw)d nieuw, %(bij)d bijgewerkt). "
                    "Er is niets dubbel opgeslagen."
                )
                % {
                    "nieuw": al.resultaat.get("nieuw", 0),
                    "bij": al.resultaat.get("bij", 0),
                },
            )
            return redirect(self.lijst_url)
        messages.success(
            request,
            _("Import klaar: %(nieuw)d nieuw, %(bij)d bijgewerkt.")
            % {"nieuw": resultaat["nieuw"], "bij": resultaat["bij"]},
        )
        return redirect(self.lijst_url)


class SjabloonView(ImportMixin, View):
    kolommen: Sequence[Kolom] = ()

    def get(self, request, *args, **kwargs):
        return sjabloon_response(self.soort, self.kolommen)
