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
