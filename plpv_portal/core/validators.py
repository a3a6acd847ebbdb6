import re

from django.core.exceptions import ValidationError
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
