from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from core.forms import Datumveld

from .constants import MAX_UREN_PER_WEEK, AfwezigheidReden

UREN_FOUT = _("Vul een aantal uren in van 0 tot en met %(max)s.") % {
    "max": MAX_UREN_PER_WEEK
}


class UrenVeld(forms.DecimalField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Gewerkte uren"),
            max_digits=3,
            decimal_places=1,
            error_messages={
                "required": UREN_FOUT,
                "invalid": UREN_FOUT,
                "max_digits": UREN_FOUT,
                "max_decimal_places": _("Gebruik hoogstens één cijfer na de komma."),
            },
            validators=[
                MinValueValidator(0, message=UREN_FOUT),
                MaxValueValidator(MAX_UREN_PER_WEEK, message=UREN_FOUT),
            ],
            widget=forms.NumberInput(
                attrs={"inputmode": "decimal", "step": "0.5", "min": 0, "max": 60}
            ),
            **kwargs,
        )


class WeekForm(forms.Form):
    """Confirm a week (the one-tap button sends the planned hours only)."""

    gewerkt_uren = UrenVeld()
    afwezigheid_reden = forms.ChoiceField(
        label=_("Reden van afwezigheid"),
        choices=[("", _("Geen: alle uren gewerkt")), *AfwezigheidReden.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Alleen als er minder uren zijn gewerkt dan gepland."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting (niet verplicht)"), max_length=200, required=False
    )


class CorrectieForm(WeekForm):
    reden = forms.CharField(
        label=_("Waarom corrigeer je deze week?"),
        max_length=300,
        error_messages={"required": _("Schrijf op waarom je de week corrigeert.")},
    )
    versie = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1
    )


class GesprekForm(forms.Form):
    datum = forms.DateField(label=_("Datum van het gesprek"), widget=Datumveld())
    kandidaat_aanwezig = forms.BooleanField(
        label=_("De kandidaat was erbij"), required=False, initial=True
    )
    praktijkopleider_aanwezig = forms.BooleanField(
        label=_("De praktijkopleider was erbij"), required=False, initial=True
    )
    consulent_aanwezig = forms.BooleanField(
        label=_("De consulent was erbij"), required=False, initial=True
    )
    anderen_aanwezig = forms.CharField(
        label=_("Wie was er nog meer bij? (niet verplicht)"),
        max_length=200,
        required=False,
    )
    goed_ging = forms.CharField(
        label=_("Wat ging goed?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf op wat er goed ging.")},
    )
    afspraken = forms.CharField(
        label=_("Afspraken"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class ActieForm(forms.Form):
    omschrijving = forms.CharField(label=_("Actie"), max_length=200, required=False)
    eigenaar = forms.ModelChoiceField(
        label=_("Wie doet het?"), queryset=None, required=False
    )
    uiterlijk_op = forms.DateField(
        label=_("Uiterlijk op"), widget=Datumveld(), required=False
    )

    def __init__(self, *args, eigenaren=None, **kwargs):
        super().__init__(*args, **kwargs)
        from organisaties.models import Medewerker

        self.fields["eigenaar"].queryset = Medewerker.objects.filter(
            pk__in=[m.pk for m in eigenaren or []]
        )

    def clean(self):
        data = super().clean()
        gevuld = [data.get(v) for v in ("omschrijving", "eigenaar", "uiterlijk_op")]
        if any(gevuld) and not all(gevuld):
            for veld, fout in (
                ("omschrijving", _("Beschrijf de actie.")),
                ("eigenaar", _("Kies wie de actie doet.")),
                ("uiterlijk_op", _("Kies wanneer de actie klaar moet zijn.")),
            ):
                if not data.get(veld) and veld not in self.errors:
                    self.add_error(veld, fout)
        return data


# Three rows of actions, each a form of its own (prefix actie1..actie3): no
# management form that a hand-made request could break.
ACTIE_RIJEN = 3


def actie_formulieren(data=None, *, eigenaren) -> list[ActieForm]:
    return [
        ActieForm(data, prefix=f"actie{i}", eigenaren=eigenaren)
        for i in range(1, ACTIE_RIJEN + 1)
    ]


class OpPapierForm(forms.Form):
    getekend_op = forms.DateField(label=_("Getekend op"), widget=Datumveld())


class RitmeForm(forms.Form):
    weken = forms.IntegerField(
        label=_("Voortgangsgesprek elke zoveel weken"),
        min_value=1,
        max_value=26,
        error_messages={
            "min_value": _("Kies 1 tot en met 26 weken."),
            "max_value": _("Kies 1 tot en met 26 weken."),
            "required": _("Kies 1 tot en met 26 weken."),
        },
    )
