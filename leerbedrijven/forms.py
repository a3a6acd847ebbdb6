from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieFormMixin
from core.forms import BasisContactmomentForm, Datumveld
from core.validators import normaliseer_postcode, validate_postcode
from kwalificaties.models import Werkproces
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie
from organisaties.validators import validate_kvk_nummer

from .constants import LeerbedrijfStatus
from .models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    Vestiging,
)
from .services import leerbaan_fouten


class WerkprocesKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kerntaak.kwalificatie.naam}: {obj.code} {obj.titel}"


def _werkprocessen_veld(**kwargs) -> WerkprocesKeuze:
    return WerkprocesKeuze(
        queryset=Werkproces.objects.select_related("kerntaak__kwalificatie"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        **kwargs,
    )


class LeerbedrijfForm(VersieFormMixin, forms.ModelForm):
    """Create and edit the profile; naam and KvK-nummer are saved on the organisation."""

    naam = forms.CharField(label=_("Naam van het bedrijf"), max_length=200)
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer"),
        max_length=8,
        validators=[validate_kvk_nummer],
        help_text=_("Het nummer uit het Handelsregister: 8 cijfers."),
    )
    werkprocessen = _werkprocessen_veld(
        label=_("Werkprocessen"), help_text=_("Wat kan een kandidaat hier leren?")
    )

    class Meta:
        model = Leerbedrijf
        fields = [
            "naam",
            "kvk_nummer",
            "regio",
            "sector",
            "soort",
            "biedt_springplank",
            "biedt_duurzaam",
            "baancreatie",
            "werkprocessen",
            "toelichting",
        ]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the user's own regions: a leerbedrijf elsewhere would vanish from view.
        regios = Arbeidsmarktregio.objects.all()
        if not user.is_superuser:
            regios = regios.filter(organisaties=user.organisatie_id)
        if self.instance.pk:
            regios = regios | Arbeidsmarktregio.objects.filter(
                pk=self.instance.regio_id
            )
            self.fields["naam"].initial = self.instance.organisatie.naam
            self.fields["kvk_nummer"].initial = self.instance.organisatie.kvk_nummer
        self.fields["regio"].queryset = regios.distinct()

    def clean_kvk_nummer(self):
        kvk_nummer = self.cleaned_data["kvk_nummer"]
        anderen = Organisatie.objects.filter(kvk_nummer=kvk_nummer)
        if self.instance.pk:
            anderen = anderen.exclude(pk=self.instance.organisatie_id)
        if anderen.exists():
            raise forms.ValidationError(
                _("Er is al een organisatie met dit KvK-nummer."), code="kvk_bestaat"
            )
        return kvk_nummer

    def service_kwargs(self) -> dict:
        """The cleaned data as keyword arguments for the services (without versie)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "versie"}


class StatusForm(forms.Form):
    naar = forms.ChoiceField(
        label=_("Nieuwe status"), choices=LeerbedrijfStatus.choices
    )
    reden = forms.CharField(
        label=_("Reden of toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, leerbedrijf=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The page offers only the allowed moves; the service judges what is posted.
        if leerbedrijf is not None:
            self.fields["naar"].choices = [
                (s, LeerbedrijfStatus(s).label)
                for s in leerbedrijf.volgende_statussen()
            ]


class OnderdeelForm(forms.ModelForm):
    """A form for a child row of a leerbedrijf; the instance carries the leerbedrijf."""

    def __init__(self, *args, leerbedrijf, **kwargs):
        self.leerbedrijf = leerbedrijf
        kwargs.setdefault("instance", self._meta.model(leerbedrijf=leerbedrijf))
        super().__init__(*args, **kwargs)

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ContactmomentForm(OnderdeelForm, BasisContactmomentForm):
    class Meta(BasisContactmomentForm.Meta):
        model = Contactmoment
        help_texts = {
            "samenvatting": _("Wat is besproken en wat is afgesproken?"),
            "volgende_actie": _(
                "Bijvoorbeeld: offerte sturen, of terugbellen over de erkenning."
            ),
            "volgende_actie_op": _("Verplicht als je een volgende actie invult."),
        }


class ErkenningForm(OnderdeelForm):
    class Meta:
        model = Erkenning
        fields = ["kwalificatie", "status", "aangevraagd_op", "erkend_op", "geldig_tot"]
        widgets = {
            "aangevraagd_op": Datumveld(),
            "erkend_op": Datumveld(),
            "geldig_tot": Datumveld(),
        }
        help_texts = {
            "erkend_op": _("Verplicht als de status Erkend is."),
            "geldig_tot": _("Staat in de brief of op de site van SBB."),
        }

    def clean_kwalificatie(self):
        kwalificatie = self.cleaned_data["kwalificatie"]
        bestaand = Erkenning.objects.filter(
            leerbedrijf=self.leerbedrijf, kwalificatie=kwalificatie
        ).exclude(pk=self.instance.pk)
        if bestaand.exists():
            raise forms.ValidationError(
                _(
                    "Dit leerbedrijf heeft al een erkenning voor deze kwalificatie. "
                    "Pas die erkenning aan."
                )
            )
        return kwalificatie


class LeerbaanForm(OnderdeelForm):
    werkprocessen = _werkprocessen_veld(
        label=_("Werkprocessen"),
        help_text=_("Alleen werkprocessen van de gekozen kwalificatie."),
    )

    class Meta:
        model = Leerbaan
        fields = [
            "kwalificatie",
            "werkprocessen",
            "aantal",
            "startdatum",
            "vestiging",
            "open",
        ]
        widgets = {"startdatum": Datumveld()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aantal"].widget.attrs["min"] = 1
        self.fields["vestiging"].queryset = Vestiging.objects.filter(
            leerbedrijf=self.leerbedrijf
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kwalificatie") is not None:
            fouten = leerbaan_fouten(
                leerbedrijf=self.leerbedrijf,
                kwalificatie=cleaned["kwalificatie"],
                werkprocessen=cleaned.get("werkprocessen") or (),
                vestiging=cleaned.get("vestiging"),
            )
            for veld, fout in fouten.items():
                self.add_error(veld, fout)
        return cleaned


class ContactpersoonForm(OnderdeelForm):
    class Meta:
        model = Contactpersoon
        fields = [
            "naam",
            "functie",
            "telefoon",
            "email",
            "is_praktijkopleider",
            "account",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Medewerker.objects.filter(
            organisatie=self.leerbedrijf.organisatie_id, is_active=True
        )
        self.fields["account"].empty_label = _("Geen account")


class VestigingForm(OnderdeelForm):
    class Meta:
        model = Vestiging
        fields = ["naam", "straat", "huisnummer", "postcode", "plaats"]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        validate_postcode(postcode)
        return normaliseer_postcode(postcode)
