"""The outcome form and the short follow-up form. They check the input's shape; the
rules (dates, work needs a contract) live in the services, which return their errors
per field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import Datumveld
from trajecten.constants import UitvalReden
from uitkomsten.constants import Contractsoort, Situatie, UitkomstSoort

from .constants import MAX_TOELICHTING, MAX_UREN_PER_WEEK

LEEG = [("", "---------")]


class _WerkVelden(forms.Form):
    contractsoort = forms.ChoiceField(
        label=_("Soort contract"),
        choices=LEEG + Contractsoort.choices,
        required=False,
        help_text=_("Alleen invullen als de kandidaat werkt."),
    )
    uren_per_week = forms.IntegerField(
        label=_("Uren per week"),
        min_value=1,
        max_value=MAX_UREN_PER_WEEK,
        required=False,
        help_text=_("Alleen invullen als de kandidaat werkt."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        max_length=MAX_TOELICHTING,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class UitkomstForm(_WerkVelden):
    soort = forms.ChoiceField(
        label=_("Waar gaat de kandidaat naartoe?"),
        choices=UitkomstSoort.choices,
        widget=forms.RadioSelect,
    )
    datum = forms.DateField(
        label=_("Sinds wanneer?"),
        widget=Datumveld(),
        help_text=_("Niet voor het einde van het traject en niet in de toekomst."),
    )
    uitval_reden = forms.ChoiceField(
        label=_("Reden van uitval"),
        choices=LEEG + UitvalReden.choices,
        required=False,
        help_text=_("Alleen nodig bij 'Uitgevallen'."),
    )

    field_order = [
        "soort",
        "datum",
        "contractsoort",
        "uren_per_week",
        "uitval_reden",
        "toelichting",
    ]


class VervolgmetingForm(_WerkVelden):
    situatie = forms.ChoiceField(
        label=_("Wat doet de kandidaat nu?"),
        choices=Situatie.choices,
        widget=forms.RadioSelect,
    )
    gemeten_op = forms.DateField(
        label=_("Datum van het gesprek"),
        widget=Datumveld(),
        initial=timezone.localdate,
    )

    field_order = [
        "situatie",
        "gemeten_op",
        "contractsoort",
        "uren_per_week",
        "toelichting",
    ]
