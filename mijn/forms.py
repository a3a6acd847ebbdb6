from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Datumveld

GEBOORTEDATUM_HULP = _("Bijvoorbeeld 17-03-1990.")


class MijnForm(forms.Form):
    """Large fields for a phone; the label is bold, an error is marked on the field."""

    label_suffix = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.widget.attrs["class"] = "form-control form-control-lg"

    def add_error(self, field, error):
        super().add_error(field, error)
        if field in self.fields:  # every error passes here, also the view's own
            attrs = self.fields[field].widget.attrs
            attrs["class"] = "form-control form-control-lg is-invalid"
            attrs["aria-describedby"] = f"id_{field}_helptext id_{field}_fout"


class GeboortedatumForm(MijnForm):
    geboortedatum = forms.DateField(
        label=_("Wat is je geboortedatum?"),
        help_text=GEBOORTEDATUM_HULP,
        widget=Datumveld(attrs={"autocomplete": "bday"}),
        error_messages={
            "required": _("Vul je geboortedatum in."),
            "invalid": _("Vul een datum in, zoals 17-03-1990."),
        },
    )


class CodeForm(GeboortedatumForm):
    code = forms.CharField(
        label=_("Je code"),
        help_text=_("De code staat op de brief van je consulent."),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
        error_messages={"required": _("Vul je code in.")},
    )

    field_order = ["code", "geboortedatum"]
