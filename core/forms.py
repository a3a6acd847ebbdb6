from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


class Datumveld(forms.DateInput):
    """The browser's own date picker; ISO format so that it shows the initial value."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class BasisContactmomentForm(forms.ModelForm):
    """The form of a contact log's entry (`core.models.BasisContactmoment`); a concrete
    form names the model in its `Meta(BasisContactmomentForm.Meta)`."""

    class Meta:
        fields = [
            "datum",
            "soort",
            "samenvatting",
            "volgende_actie",
            "volgende_actie_op",
        ]
        widgets = {
            "datum": Datumveld(),
            "volgende_actie_op": Datumveld(),
            "samenvatting": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()


def fout_in_formulier(form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to its field when the form has that field."""
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc)
