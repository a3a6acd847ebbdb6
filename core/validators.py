import io
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$")


def normaliseer_postcode(value: str) -> str:
    """'1234ab' and '1234 AB' both become '1234 AB'."""
    value = (value or "").strip().upper().replace(" ", "")
    return f"{value[:4]} {value[4:]}" if len(value) == 6 else value


def validate_postcode(value: str) -> None:
    """A Dutch postcode: 4 digits (not starting with 0) and 2 letters, e.g. 7511 AB."""
    if not POSTCODE_RE.fullmatch(normaliseer_postcode(value)):
        raise ValidationError(
            _(
                "Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 7511 AB."
            ),
            code="postcode",
        )


def validate_bsn(value: str) -> None:
    """A BSN has 9 digits and passes the elfproef."""
    cijfers = (value or "").strip()
    if not re.fullmatch(r"\d{9}", cijfers):
        raise ValidationError(_("Een BSN bestaat uit 9 cijfers."), code="bsn")
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True))
    if (som - int(cijfers[8])) % 11 != 0:
        raise ValidationError(
            _("Dit is geen geldig BSN. Controleer de cijfers."), code="bsn"
        )


def validate_niet_in_toekomst(value) -> None:
    """A date of something that already happened cannot lie after today."""
    if value and value > timezone.localdate():
        raise ValidationError(
            _("Deze datum ligt in de toekomst. Vul de datum in waarop het was."),
            code="in_toekomst",
        )


# --- uploaded PDFs ---

# Keys that make a PDF do something when it is opened or clicked, or carry files.
_PDF_VERBODEN_SLEUTELS = {
    "/JS",
    "/JavaScript",
    "/OpenAction",
    "/AA",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/RichMedia",
    "/XFA",
}
# Action types (/S) and annotation types (/Subtype) that do the same.
_PDF_VERBODEN_NAMEN = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/ResetForm",
    "/GoToE",
    "/GoToR",
    "/Rendition",
    "/RichMediaExecute",
    "/FileAttachment",
    "/RichMedia",
    "/Movie",
    "/Sound",
}
_HTML_TEKENS = (
    b"<html",
    b"<!doctype",
    b"<script",
    b"<body",
    b"<head",
    b"<iframe",
    b"<svg",
)
_MAX_PDF_OBJECTEN = 200_000

_GEEN_PDF = _(
    "Dit is geen geldig PDF-bestand. Sla het document opnieuw op als PDF (of scan het "
    "opnieuw) en probeer het nog eens."
)
_ACTIEVE_PDF = _(
    "Deze PDF bevat scripts, automatische acties of bijgevoegde bestanden. Die "
    "accepteert het portaal niet. Druk het document af naar een nieuwe PDF (of scan "
    "het) en voeg die toe."
)


def _pdf_onderdelen(reader):
    """Every object reachable from the trailer, each once (a PDF may loop)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    gezien: set[tuple[int, int]] = set()
    stapel = [reader.trailer]
    while stapel:
        obj = stapel.pop()
        if isinstance(obj, IndirectObject):
            sleutel = (obj.idnum, obj.generation)
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            if len(gezien) > _MAX_PDF_OBJECTEN:
                raise ValidationError(_GEEN_PDF, code="pdf_te_groot")
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):  # streams are dictionaries too
            yield obj
            stapel.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stapel.extend(obj)


def validate_pdf(bestand) -> None:
    """An uploaded file must be a real PDF without active content: parsed with pypdf,
    nothing before the header or after the last %%EOF (a browser could take that for
    HTML), no JavaScript, no automatic or launching actions, no attached files. Links
    (/URI, /GoTo) are fine. ValidationError in Dutch otherwise."""
    from pypdf import PdfReader

    bestand.seek(0)
    inhoud = bestand.read()
    bestand.seek(0)
    if not inhoud.startswith(b"%PDF-"):
        raise ValidationError(_GEEN_PDF, code="geen_pdf")
    einde = inhoud.rfind(b"%%EOF")
    if einde == -1 or inhoud[einde + 5 :].strip(b" \t\r\n\x00"):
        raise ValidationError(_GEEN_PDF, code="geen_pdf")
    begin = inhoud[:1024].lower()
    if any(teken in begin for teken in _HTML_TEKENS):
        raise ValidationError(_GEEN_PDF, code="geen_pdf")
    try:
        reader = PdfReader(io.BytesIO(inhoud), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _(
                    "Deze PDF is beveiligd met een wachtwoord. Voeg een PDF toe "
                    "zonder wachtwoord."
                ),
                code="pdf_beveiligd",
            )
        if len(reader.pages) < 1:
            raise ValidationError(_GEEN_PDF, code="geen_pdf")
        for onderdeel in _pdf_onderdelen(reader):
            if _PDF_VERBODEN_SLEUTELS.intersection(onderdeel.keys()) or (
                onderdeel.get("/S") in _PDF_VERBODEN_NAMEN
                or onderdeel.get("/Subtype") in _PDF_VERBODEN_NAMEN
            ):
                raise ValidationError(_ACTIEVE_PDF, code="pdf_actief")
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds for a damaged file  # noqa: BLE001
        raise ValidationError(_GEEN_PDF, code="geen_pdf") from exc
