from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_niet_in_toekomst(value) -> None:
    """A date of something that already happened cannot lie after today."""
    if value and value > timezone.localdate():
        raise ValidationError(
            _("Deze datum ligt in de toekomst. Vul de datum in waarop het was."),
            code="in_toekomst",
        )
