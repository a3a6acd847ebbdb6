from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Datumveld
from core.lijsten import SnelleSelect
from kwalificaties.models import Kwalificatie


class DashboardFilterForm(forms.Form):
    """Period (on the intake date), referring organisation and kwalificatie.

    Every field is optional; an invalid value gives a message next to its field
    and the page then shows no figures at all.
    """

    van = forms.DateField(
        label=_("Intake vanaf"),
        required=False,
        widget=Datumveld(),
        error_messages={"invalid": _("Vul een echte datum in, bijvoorbeeld 1-1-2025.")},
    )
    tot = forms.DateField(
        label=_("Intake tot en met"),
        required=False,
        widget=Datumveld(),
        error_messages={
            "invalid": _("Vul een echte datum in, bijvoorbeeld 31-12-2025.")
        },
    )
    organisatie = forms.ModelChoiceField(
        label=_("Verwijzende organisatie"),
        queryset=None,
        required=False,
        empty_label=_("Alle organisaties"),
        widget=SnelleSelect,
        error_messages={
            "invalid_choice": _("Deze organisatie staat niet in de lijst. Kies er een.")
        },
    )
    kwalificatie = forms.ModelChoiceField(
        label=_("Kwalificatie"),
        queryset=Kwalificatie.objects.order_by("naam"),
        required=False,
        empty_label=_("Alle kwalificaties"),
        widget=SnelleSelect,
        error_messages={
            "invalid_choice": _(
                "Deze kwalificatie staat niet in de lijst. Kies er een."
            )
        },
    )

    def __init__(self, *args, organisaties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisaties is None:
            del self.fields["organisatie"]
        else:
            self.fields["organisatie"].queryset = organisaties

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error(
                "tot",
                _(
                    "Deze datum ligt vóór 'Intake vanaf'. Kies een datum op of na %(van)s."
                )
                % {"van": van.strftime("%d-%m-%Y")},
            )
        return data

    def filter(self) -> dict:
        """The cleaned filter as `Populatie.gefilterd` takes it."""
        data = self.cleaned_data
        organisatie, kwalificatie = data.get("organisatie"), data.get("kwalificatie")
        return {
            "van": data.get("van"),
            "tot": data.get("tot"),
            "organisatie_id": organisatie.pk if organisatie else None,
            "kwalificatie_id": kwalificatie.pk if kwalificatie else None,
        }
