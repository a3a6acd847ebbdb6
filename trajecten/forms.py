from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieFormMixin
from core.forms import Datumveld
from core.invoer import id_of_none
from kwalificaties.models import Kwalificatie, Werkproces
from organisaties.models import Organisatie

from .constants import (
    BEOORDELING_STAPPEN,
    AdviesUitkomst,
    Antwoord,
    Ondertekenwijze,
    Onderwerp,
    Partij,
    Regeling,
    Routefase,
    TrajectStatus,
    UitvalReden,
)
from .models import Financiering, Plaatsing, Traject
from .services import (
    CorrectieInvoer,
    GegevenAntwoord,
    financiering_veld,
    plaatsing_veld,
)


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
        zonder_advies: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if zonder_advies:
            # Only when the candidate has no advice (yet): the service checks it too.
            self.fields["zonder_advies_reden"] = forms.CharField(
                label=_("Waarom start het traject zonder advies?"),
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=1000,
                help_text=_(
                    "Normaal komt eerst de Checklist inclusief advies. Schrijf kort "
                    "op waarom dat nu niet kan of niet nodig is."
                ),
                error_messages={
                    "required": _(
                        "Deze kandidaat heeft nog geen advies. Schrijf op waarom "
                        "het traject toch al start."
                    )
                },
            )
        self.fields["leerbedrijf"].queryset = leerbedrijven
        self.fields["praktijkopleider"].queryset = praktijkopleiders
        self.fields["praktijkopleider"].label_from_instance = lambda c: (
            f"{c.naam} ({c.leerbedrijf})"
        )
        self.fields["mbo_instelling"].queryset = mbo_instellingen
        self.fields["jobcoach"].queryset = jobcoaches
        # Only kwalificaties still open for instroom are offered; one past its einde
        # instroom (an old advice, a stale page) gets the clear message of clean below.
        veld = self.fields["kwalificatie"]
        veld.widget.choices = forms.ModelChoiceField(
            queryset=Kwalificatie.objects.open_voor_instroom(),
            empty_label=veld.empty_label,
        ).choices
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

    def clean_kwalificatie(self):
        kwalificatie = self.cleaned_data["kwalificatie"]
        try:
            kwalificatie.instroom_controleren()  # the service checks it too
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["kwalificatie"]) from exc
        return kwalificatie

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


def overlap_bedoeld_veld() -> forms.BooleanField:
    """The checkbox that allows placements of one traject to overlap (adding a
    placement and correcting a traject; the services check the overlap)."""
    return forms.BooleanField(
        label=_("De overlap is bedoeld"),
        required=False,
        help_text=_(
            "Zet dit vinkje alleen als twee plaatsingen echt een tijd tegelijk "
            "lopen. Zonder vinkje mogen de plaatsingen niet overlappen."
        ),
    )


class PlaatsingForm(forms.ModelForm):
    """A later placement of a traject; the overlap checkbox only when the traject
    already has a placement."""

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

    def __init__(self, *args, traject, leerbedrijven, praktijkopleiders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerbedrijf"].queryset = leerbedrijven
        self.fields["praktijkopleider"].queryset = praktijkopleiders
        self.fields["praktijkopleider"].label_from_instance = lambda c: (
            f"{c.naam} ({c.leerbedrijf})"
        )
        if traject.plaatsingen.exists():
            self.fields["overlap_bedoeld"] = overlap_bedoeld_veld()


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


class CorrectieForm(VersieFormMixin, forms.Form):
    """Correct a running traject: every field starts at today's value; what the user
    changes is what the service records. One field per placement date and per
    financing value (named by `plaatsing_veld` / `financiering_veld`)."""

    startdatum = forms.DateField(label=_("Startdatum"), widget=Datumveld())
    geplande_einddatum = forms.DateField(
        label=_("Geplande einddatum"), widget=Datumveld()
    )
    uren_per_week = forms.IntegerField(
        label=_("Uren per week"), min_value=1, max_value=40
    )
    werkprocessen = forms.ModelMultipleChoiceField(
        label=_("Werkprocessen"),
        queryset=Werkproces.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één werkproces.")},
    )
    reden = forms.CharField(
        label=_("Waarom corrigeer je het traject?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: typefout bij de einddatum, of het leerbedrijf wil minder "
            "uren. Iedereen die het traject kan zien, kan dit lezen."
        ),
        error_messages={"required": _("Schrijf op waarom je het traject corrigeert.")},
    )

    def __init__(self, *args, traject, plaatsingen, financieringen, betalers, **kwargs):
        super().__init__(*args, **kwargs)
        self.traject = traject
        self.plaatsingen = plaatsingen
        self.financieringen = financieringen
        self.fields["versie"].initial = traject.versie
        self.fields["versie"].required = True
        self.fields["startdatum"].initial = traject.startdatum
        self.fields["geplande_einddatum"].initial = traject.geplande_einddatum
        self.fields["uren_per_week"].initial = traject.uren_per_week
        werkprocessen = self.fields["werkprocessen"]
        werkprocessen.queryset = (
            Werkproces.objects.filter(kerntaak__kwalificatie_id=traject.kwalificatie_id)
            .select_related("kerntaak")
            .order_by("kerntaak__code", "code")
        )
        werkprocessen.initial = [w.pk for w in traject.werkprocessen.all()]
        for p in plaatsingen:
            for attr, label in (
                ("startdatum", _("Startdatum")),
                ("einddatum", _("Einddatum")),
            ):
                self.fields[plaatsing_veld(p.pk, attr)] = forms.DateField(
                    label=label,
                    initial=getattr(p, attr),
                    widget=Datumveld(),
                )
        if len(plaatsingen) > 1:
            self.fields["overlap_bedoeld"] = overlap_bedoeld_veld()
        for f in financieringen:
            self.fields[financiering_veld(f.pk, "regeling")] = forms.ChoiceField(
                label=_("Regeling"), choices=Regeling.choices, initial=f.regeling
            )
            # The current payer is always a choice, also when the user no longer
            # sees that organisation: submitting the page never drops it unasked.
            self.fields[financiering_veld(f.pk, "betaler")] = forms.ModelChoiceField(
                label=_("Wie betaalt"),
                queryset=Organisatie.objects.filter(
                    Q(pk__in=betalers.values("pk")) | Q(pk=f.betaler_id)
                ).order_by("naam"),
                required=False,
                initial=f.betaler_id,
            )
            for attr, label in (
                ("bedrag_mbo", _("Bedrag mbo-kosten (euro)")),
                ("bedrag_werkgever", _("Vergoeding werkgever (euro)")),
            ):
                self.fields[financiering_veld(f.pk, attr)] = forms.DecimalField(
                    label=label,
                    min_value=0,
                    max_digits=9,
                    decimal_places=2,
                    initial=getattr(f, attr),
                )

    def plaatsing_velden(self):
        """(placement, start field, end field) for the template."""
        return [
            (
                p,
                self[plaatsing_veld(p.pk, "startdatum")],
                self[plaatsing_veld(p.pk, "einddatum")],
            )
            for p in self.plaatsingen
        ]

    def financiering_velden(self):
        """(financing, [its fields]) for the template."""
        return [
            (
                f,
                [
                    self[financiering_veld(f.pk, attr)]
                    for attr in (
                        "regeling",
                        "betaler",
                        "bedrag_mbo",
                        "bedrag_werkgever",
                    )
                ],
            )
            for f in self.financieringen
        ]

    def invoer(self) -> CorrectieInvoer:
        d = self.cleaned_data
        return CorrectieInvoer(
            startdatum=d["startdatum"],
            geplande_einddatum=d["geplande_einddatum"],
            uren_per_week=d["uren_per_week"],
            werkprocessen=list(d["werkprocessen"]),
            plaatsingen={
                p.pk: (
                    d[plaatsing_veld(p.pk, "startdatum")],
                    d[plaatsing_veld(p.pk, "einddatum")],
                )
                for p in self.plaatsingen
            },
            financieringen={
                f.pk: {
                    attr: d[financiering_veld(f.pk, attr)]
                    for attr in (
                        "regeling",
                        "betaler",
                        "bedrag_mbo",
                        "bedrag_werkgever",
                    )
                }
                for f in self.financieringen
            },
        )
