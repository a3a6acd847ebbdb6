from django import forms
from django.utils.translation import gettext_lazy as _

from kwalificaties.models import Kwalificatie, Werkproces

from .constants import AdviesUitkomst, Antwoord, Onderwerp
from .services import GegevenAntwoord


class AdviesForm(forms.Form):
    """The checklist: context, one radio group per question, then the decision.

    With `beslissen=False` (the 'bereken' step) the decision fields are optional.
    """

    mbo_medewerker = forms.ModelChoiceField(
        label=_("Samen met (mbo-medewerker)"),
        queryset=None,
        help_text=_(
            "De adviseur van de mbo-instelling met wie je de checklist invult."
        ),
    )
    kwalificatie = forms.ModelChoiceField(
        label=_("Kwalificatie"),
        queryset=Kwalificatie.objects.all(),
        required=False,
        help_text=_("Het mbo-beroep waarin de kandidaat zou kunnen leren."),
    )
    leerbedrijf = forms.ModelChoiceField(
        label=_("Voorgesteld leerbedrijf"),
        queryset=None,
        required=False,
        help_text=_(
            "Laat leeg als er nog geen leerbedrijf is. Dan slaat de checklist de "
            "vragen over het leerbedrijf over."
        ),
    )
    besluit = forms.ChoiceField(
        label=_("Jullie advies"),
        choices=[("", "---------"), *AdviesUitkomst.choices],
        required=False,
    )
    motivatie = forms.CharField(
        label=_("Motivatie"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Waarom geven jullie dit advies? Zeker nodig als het afwijkt van het voorstel."
        ),
    )

    def __init__(
        self, *args, vragen, mbo_medewerkers, leerbedrijven, beslissen=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.vragen = vragen
        self.fields["mbo_medewerker"].queryset = mbo_medewerkers
        self.fields["leerbedrijf"].queryset = leerbedrijven
        for vraag in vragen:
            self.fields[f"vraag_{vraag.code}"] = forms.ChoiceField(
                label=vraag.tekst,
                help_text=vraag.uitleg,
                choices=Antwoord.choices,
                widget=forms.RadioSelect,
                # Leerbedrijf questions only count when a leerbedrijf is proposed.
                required=vraag.onderwerp == Onderwerp.KANDIDAAT,
            )
            self.fields[f"toelichting_{vraag.code}"] = forms.CharField(
                label=_("Toelichting (niet verplicht)"),
                max_length=300,
                required=False,
                # The visible label repeats per question; the accessible name says which.
                widget=forms.TextInput(
                    attrs={"aria-label": f"Toelichting bij: {vraag.tekst}"}
                ),
            )
        if beslissen:
            self.fields["besluit"].required = True
            self.fields["motivatie"].required = True

    def vraagvelden(self, onderwerp: str):
        """(radio field, toelichting field) per question of one subject, for the template."""
        return [
            (self[f"vraag_{v.code}"], self[f"toelichting_{v.code}"])
            for v in self.vragen
            if v.onderwerp == onderwerp
        ]

    def clean(self):
        data = super().clean()
        if data.get("leerbedrijf"):
            for vraag in self.vragen:
                if vraag.onderwerp == Onderwerp.LEERBEDRIJF and not data.get(
                    f"vraag_{vraag.code}"
                ):
                    self.add_error(
                        f"vraag_{vraag.code}",
                        _("Beantwoord deze vraag, of laat het leerbedrijf leeg."),
                    )
        return data

    def gegeven_antwoorden(self) -> list[GegevenAntwoord]:
        met_leerbedrijf = self.cleaned_data.get("leerbedrijf") is not None
        return [
            GegevenAntwoord(
                vraag=v,
                antwoord=self.cleaned_data[f"vraag_{v.code}"],
                toelichting=self.cleaned_data.get(f"toelichting_{v.code}", ""),
            )
            for v in self.vragen
            if self.cleaned_data.get(f"vraag_{v.code}")
            and (v.onderwerp == Onderwerp.KANDIDAAT or met_leerbedrijf)
        ]


class MatchingForm(forms.Form):
    """GET form: the kwalificatie and the werkprocessen the candidate wants to learn."""

    kwalificatie = forms.ModelChoiceField(
        label=_("Kwalificatie"), queryset=Kwalificatie.objects.all()
    )
    werkprocessen = forms.ModelMultipleChoiceField(
        label=_("Werkprocessen die de kandidaat wil leren"),
        queryset=Werkproces.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Kies niets om op alle werkprocessen van de kwalificatie te zoeken."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kwalificatie_id = self.data.get("kwalificatie") or self.initial.get(
            "kwalificatie"
        )
        if kwalificatie_id and str(kwalificatie_id).isdigit():
            self.fields["werkprocessen"].queryset = Werkproces.objects.filter(
                kerntaak__kwalificatie_id=kwalificatie_id
            ).order_by("code")
