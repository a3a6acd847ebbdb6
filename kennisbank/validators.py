"""Checks on uploaded documents: extension, content signature and size."""

import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.validators import validate_pdf

from .constants import BESTANDSSOORTEN, MAX_BESTAND_MB

# What an office file (a ZIP container) must hold to be what its extension says.
_ZIP_INHOUD = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".pptx": "ppt/presentation.xml",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _inhoud_klopt(bestand, extensie: str) -> bool:
    bestand.seek(0)
    begin = bestand.read(8)
    bestand.seek(0)
    if extensie == ".pdf":
        return begin.startswith(b"%PDF-")
    if not begin.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(bestand) as zf:
            if extensie == ".odt":
                return zf.read("mimetype").strip() == _ODT_MIMETYPE
            return _ZIP_INHOUD[extensie] in zf.namelist()
    except (zipfile.BadZipFile, KeyError):
        return False
    finally:
        bestand.seek(0)


def validate_document(bestand) -> None:
    """A PDF or office file (.pdf .docx .xlsx .pptx .odt) of at most 10 MB whose
    content matches its extension; a renamed file of another kind is refused."""
    extensie = Path(bestand.name or "").suffix.lower()
    if extensie not in BESTANDSSOORTEN:
        raise ValidationError(
            _(
                "Dit soort bestand kan niet. Kies een PDF, Word-, Excel-, "
                "PowerPoint- of OpenDocument-bestand (.pdf, .docx, .xlsx, .pptx, .odt)."
            ),
            code="extensie",
        )
    if bestand.size > MAX_BESTAND_MB * 1024 * 1024:
        raise ValidationError(
            _("Het bestand is te groot. Het mag maximaal %(mb)s MB zijn."),
            code="te_groot",
            params={"mb": MAX_BESTAND_MB},
        )
    if extensie == ".pdf":
        try:  # a real PDF, without scripts, actions or attachments
            validate_pdf(bestand)
        except ValidationError as exc:
            if exc.code != "geen_pdf":
                raise
            # Not a PDF at all: the same message as a renamed office file.
            _inhoud_past_niet(extensie)
    elif not _inhoud_klopt(bestand, extensie):
        _inhoud_past_niet(extensie)


def _inhoud_past_niet(extensie: str):
    raise ValidationError(
        _(
            "De inhoud van het bestand past niet bij %(ext)s. Sla het opnieuw op "
            "als %(ext)s en probeer het nog eens."
        ),
        code="inhoud",
        params={"ext": extensie},
    )
