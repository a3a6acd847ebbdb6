import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEMO_WACHTWOORD = "plpv-demo"


def validate_kvk_nummer(value: str) -> None:
    """A KvK-nummer has exactly 8 digits."""
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError(
            _("Een KvK-nummer bestaat uit precies 8 cijfers."), code="kvk_nummer"
        )


def validate_brin_code(value: str) -> None:
    """A BRIN code is 2 digits followed by 2 letters or digits, e.g. 25PZ."""
    if not re.fullmatch(r"\d{2}[A-Z0-9]{2}", value or ""):
        raise ValidationError(
            _(
                "Een BRIN-code bestaat uit 2 cijfers en 2 hoofdletters of cijfers, "
                "bijvoorbeeld 25PZ."
            ),
            code="brin_code",
        )


class DemoWachtwoordValidator:
    """Production refuses the public demo password."""

    def validate(self, password, user=None):
        if password == DEMO_WACHTWOORD:
            raise ValidationError(
                _(
                    "Dit wachtwoord is openbaar bekend en mag hier niet gebruikt worden."
                ),
                code="demo_wachtwoord",
            )

    def get_help_text(self):
        return _("Je wachtwoord mag niet het demowachtwoord zijn.")
