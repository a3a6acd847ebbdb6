from django import forms
from django.core.exceptions import ValidationError


class Datumveld(forms.DateInput):
    """The browser's own date picker; ISO format so that it shows the initial value."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def fout_in_formulier(form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to its field when the form has that field."""
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc)
