from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kwalificaties.models import Kwalificatie, Werkproces
from plpv_portal.core.forms import Datumveld
from plpv_portal.core.invoer import id_of_none

from .constants import (
    BEOORDELING_STAPPEN,
    AdviesUitkomst,
    Antwoord,
    Ondertekenwijze,
    Onderwerp,
    Partij,
    Routefase,
    TrajectStatus,
    UitvalReden,
)
from .models import Financiering, Plaatsing, Traject
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
        kwalificatie_id = id_of_none(
            self.data.get("kwalificatie") or self.initial.get("kwalificatie")
        )
        if kwalificatie_id:
            self.fields["werkprocessen"].queryset = Werkproces.objects.filter(
                kerntaak__kwalificatie_id=kwalificatie_id
            ).order_by("code")


class TrajectForm(forms.ModelForm):
    """Start a traject: the route and its first placement."""

    leerbedrijf = forms.ModelChoiceField(label=_("Leerbedrijf"), queryset=None)
    praktijkopleider = forms.ModelChoiceField(
        label=_("Praktijkopleider"),
        queryset=None,
        help_text=_("Een praktijkopleider van het gekozen leerbedrijf."),
    )
    routefase = forms.ChoiceField(
        label=_("Fase van de route bij dit leerbedrijf"),
        choices=Routefase.choices,
        initial=Routefase.PRAKTIJKLEREN,
    )

    class Meta:
        model = Traject
        fields = [
            "kwalificatie",
            "werkprocessen",
            "mbo_instelling",
            "jobcoach",
            "startdatum",
            "geplande_einddatum",
            "uren_per_week",
            "plaatsingstype",
            "baancreatie",
        ]
        widgets = {
            "werkprocessen": forms.CheckboxSelectMultiple,
            "startdatum": Datumveld(),
            "geplande_einddatum": Datumveld(),
        }

    def __init__(
        self,
        *args,
        leerbedrijven,
        praktijkopleiders,
        mbo_instellingen,
        jobcoaches,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["leerbedrijf"].queryset = leerbedrijven
        self.fields["praktijkopleider"].queryset = praktijkopleiders
        self.fields["praktijkopleider"].label_from_instance = lambda c: (
            f"{c.naam} ({c.leerbedrijf})"
        )
        self.fields["mbo_instelling"].queryset = mbo_instellingen
        self.fields["jobcoach"].queryset = jobcoaches
        kwalificatie = id_of_none(
            self.data.get("kwalificatie") or self.initial.get("kwalificatie")
        )
        werkprocessen = Werkproces.objects.select_related("kerntaak__kwalificatie")
        if kwalificatie:
            werkprocessen = werkprocessen.filter(kerntaak__kwalificatie_id=kwalificatie)
        self.fields["werkprocessen"].queryset = werkprocessen.order_by(
            "kerntaak__kwalificatie__naam", "kerntaak__code", "code"
        )
        self.fields["uren_per_week"].widget.attrs.update({"min": 1, "max": 40})

    def clean(self):
        data = super().clean()
        start, eind = data.get("startdatum"), data.get("geplande_einddatum")
        if start and eind and eind <= start:
            self.add_error(
                "geplande_einddatum", _("De einddatum moet na de startdatum liggen.")
            )
        lb, opleider = data.get("leerbedrijf"), data.get("praktijkopleider")
        if lb and opleider and opleider.leerbedrijf_id != lb.pk:
            self.add_error(
                "praktijkopleider", _("Kies een praktijkopleider van dit leerbedrijf.")
            )
        return data

    def plaatsing(self) -> Plaatsing:
        d = self.cleaned_data
        return Plaatsing(
            leerbedrijf=d["leerbedrijf"],
            praktijkopleider=d["praktijkopleider"],
            routefase=d["routefase"],
            startdatum=d["startdatum"],
            einddatum=d["geplande_einddatum"],
        )


class PlaatsingForm(forms.ModelForm):
    class Meta:
        model = Plaatsing
        fields = [
            "leerbedrijf",
            "praktijkopleider",
            "routefase",
            "startdatum",
            "einddatum",
        ]
        widgets = {"startdatum": Datumveld(), "einddatum": Datumveld()}

    def __init__(self, *args, leerbedrijven, praktijkopleiders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerbedrijf"].queryset = leerbedrijven
        self.fields["praktijkopleider"].queryset = praktijkopleiders
        self.fields["praktijkopleider"].label_from_instance = lambda c: (
            f"{c.naam} ({c.leerbedrijf})"
        )


class FinancieringForm(forms.ModelForm):
    class Meta:
        model = Financiering
        fields = ["regeling", "routefase", "betaler", "bedrag_mbo", "bedrag_werkgever"]

    def __init__(self, *args, betalers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["betaler"].queryset = betalers


class StatusForm(forms.Form):
    naar = forms.ChoiceField(
        label=_("Nieuwe status"),
        error_messages={
            "invalid_choice": _(
                "Deze stap kan nu niet. Kies een van de stappen in de lijst."
            )
        },
    )
    uitval_reden = forms.ChoiceField(
        label=_("Reden van uitval"),
        choices=[("", "---------"), *UitvalReden.choices],
        required=False,
        help_text=_("Alleen nodig bij 'Uitgevallen'."),
    )
    reden = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].choices = [
            (s, TrajectStatus(s).label)
            for s in TrajectStatus.values
            if s in traject.volgende_statussen()
            and (traject.status, s) not in BEOORDELING_STAPPEN
        ]

    def clean(self):
        data = super().clean()
        if data.get("naar") == TrajectStatus.UITGEVALLEN and not data.get(
            "uitval_reden"
        ):
            self.add_error("uitval_reden", _("Kies de reden van uitval."))
        return data


class OndertekeningForm(forms.Form):
    partij = forms.ChoiceField(label=_("Partij"), choices=Partij.choices)
    naam = forms.CharField(label=_("Naam van wie tekende"), max_length=150)
    rol = forms.CharField(label=_("Rol of functie"), max_length=100)
    datum = forms.DateField(label=_("Datum"), widget=Datumveld())
    wijze = forms.ChoiceField(
        label=_("Hoe is er getekend?"),
        choices=Ondertekenwijze.choices,
        widget=forms.RadioSelect,
    )
    bestand = forms.FileField(
        label=_("Getekende PDF"),
        required=False,
        help_text=_("Alleen bij tekenen op papier: een PDF van maximaal 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, partijen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partij"].choices = [(p, Partij(p).label) for p in partijen]
        self.fields["datum"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        if data.get("wijze") == Ondertekenwijze.PAPIER and not data.get("bestand"):
            self.add_error("bestand", _("Voeg de getekende overeenkomst toe als PDF."))
        return data
