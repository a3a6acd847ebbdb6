from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import Datumveld
from core.validators import validate_niet_in_toekomst

from .constants import BewijsSoort, Niveau
from .models import Bewijs, Gedragsvoorbeeld, Ontwikkeldoel, Werkopdracht


class ObservatieForm(forms.Form):
    """A date plus, per gedragsvoorbeeld, a level (radio) and a short note; an empty
    level means: not seen this time."""

    datum = forms.DateField(
        label=_("Datum"), widget=Datumveld(), validators=[validate_niet_in_toekomst]
    )

    def __init__(self, *args, groepen, **kwargs):
        # groepen: [(werkproces, [gedragsvoorbeeld, ...]), ...]
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()
        self.groepen = []
        for werkproces, voorbeelden in groepen:
            rijen = []
            for gv in voorbeelden:
                self.fields[f"niveau_{gv.pk}"] = forms.ChoiceField(
                    label=gv.tekst,
                    choices=Niveau.choices,
                    required=False,
                    widget=forms.RadioSelect,
                )
                self.fields[f"notitie_{gv.pk}"] = forms.CharField(
                    label=_("Notitie (kort)"), max_length=200, required=False
                )
                rijen.append((gv, self[f"niveau_{gv.pk}"], self[f"notitie_{gv.pk}"]))
            self.groepen.append((werkproces, rijen))

    def scores(self) -> dict[int, tuple[str, str]]:
        uit = {}
        for _werkproces, rijen in self.groepen:
            for gv, _niveau, _notitie in rijen:
                niveau = self.cleaned_data.get(f"niveau_{gv.pk}")
                if niveau:
                    uit[gv.pk] = (niveau, self.cleaned_data.get(f"notitie_{gv.pk}", ""))
        return uit

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.scores():
            raise forms.ValidationError(
                _("Kies bij minstens één gedragsvoorbeeld een niveau.")
            )
        return cleaned


class OntwikkeldoelForm(forms.ModelForm):
    class Meta:
        model = Ontwikkeldoel
        fields = ["werkproces", "doel", "afgesproken_op", "actief"]
        widgets = {
            "afgesproken_op": Datumveld(),
            "doel": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkproces"].queryset = traject.werkprocessen.all()
        self.fields["afgesproken_op"].initial = timezone.localdate()


class EindbeoordelingForm(forms.Form):
    # Shares the progress page with the POP form: a prefix keeps the ids unique, so
    # every label belongs to its own field.
    prefix = "eind"

    werkproces = forms.ModelChoiceField(label=_("Werkproces"), queryset=None)
    beheerst = forms.TypedChoiceField(
        label=_("Beheerst"),
        choices=[("ja", _("Ja, beheerst")), ("nee", _("Nee, nog niet"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    datum = forms.DateField(label=_("Datum"), widget=Datumveld())
    motivatie = forms.CharField(
        label=_("Motivatie (niet verplicht)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkproces"].queryset = traject.werkprocessen.all()
        self.fields["datum"].initial = timezone.localdate()


class TerugsturenForm(forms.Form):
    opmerking = forms.CharField(
        label=_("Wat moet er nog gebeuren?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class _BegeleidingForm(forms.ModelForm):
    def __init__(self, *args, leerbedrijven, algemeen_toegestaan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerbedrijf"].queryset = leerbedrijven
        self.fields["leerbedrijf"].required = not algemeen_toegestaan
        self.fields["werkproces"].queryset = self.fields[
            "werkproces"
        ].queryset.select_related("kerntaak__kwalificatie")


class GedragsvoorbeeldForm(_BegeleidingForm):
    class Meta:
        model = Gedragsvoorbeeld
        fields = ["werkproces", "tekst", "volgorde", "leerbedrijf", "actief"]


class WerkopdrachtForm(_BegeleidingForm):
    class Meta:
        model = Werkopdracht
        fields = ["werkproces", "titel", "instructie", "leerbedrijf", "actief"]
        widgets = {"instructie": forms.Textarea(attrs={"rows": 3})}


class UitreikenForm(forms.Form):
    plaats = forms.CharField(label=_("Plaats van uitreiking"), max_length=100)
    uitgereikt_op = forms.DateField(
        label=_("Datum van uitreiking"),
        widget=Datumveld(),
        validators=[validate_niet_in_toekomst],
        initial=timezone.localdate,
    )


class IntrekkenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom trek je de praktijkverklaring in?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CredentialControleForm(forms.Form):
    """An uploaded credential: the .jwt or .json file, or its text pasted. Size-bounded
    (`credential.MAX_GROOTTE`); `cleaned_data["jwt"]` holds the compact VC-JWT."""

    bestand = forms.FileField(
        label=_("Bestand (.jwt of .json)"),
        required=False,
        help_text=_("Het bestand dat u van de kandidaat of de mbo-instelling kreeg."),
    )
    tekst = forms.CharField(
        label=_("Of plak de tekst"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
    )

    def clean(self):
        from . import credential as vc

        data = super().clean()
        bestand, tekst = data.get("bestand"), data.get("tekst") or ""
        if bestand and tekst:
            raise forms.ValidationError(
                _("Kies één: een bestand óf geplakte tekst, niet allebei.")
            )
        if bestand:
            if bestand.size > vc.MAX_GROOTTE:
                raise forms.ValidationError(
                    _(
                        "Het bestand is te groot. Een praktijkverklaring is kleiner dan %(kb)d kB."
                    )
                    % {"kb": vc.MAX_GROOTTE // 1024}
                )
            try:
                tekst = bestand.read(vc.MAX_GROOTTE + 1).decode("utf-8")
            except UnicodeDecodeError:
                tekst = ""
        elif len(tekst.encode()) > vc.MAX_GROOTTE:
            raise forms.ValidationError(
                _(
                    "De tekst is te lang. Een praktijkverklaring is kleiner dan %(kb)d kB."
                )
                % {"kb": vc.MAX_GROOTTE // 1024}
            )
        if not tekst.strip():
            raise forms.ValidationError(
                _("Kies een bestand of plak de tekst van de praktijkverklaring.")
                if not bestand
                else _("Dit bestand is geen praktijkverklaring (.jwt of .json).")
            )
        try:
            data["jwt"] = vc.jwt_uit_invoer(tekst)
        except vc.OngeldigeInvoer:
            raise forms.ValidationError(
                _(
                    "Dit is geen praktijkverklaring die het portaal kan lezen. Upload het "
                    ".jwt- of .json-bestand zoals u het kreeg, zonder iets te veranderen."
                )
            ) from None
        return data


class BewijsForm(forms.ModelForm):
    """Another proof: kind, issuer, date, a description, an optional PDF and (for a
    werknemersvaardigheden-certificaat) the gedragsvoorbeelden it covers."""

    class Meta:
        model = Bewijs
        fields = [
            "soort",
            "uitgever",
            "datum",
            "omschrijving",
            "document",
            "gedragsvoorbeelden",
        ]
        widgets = {
            "datum": Datumveld(),
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "gedragsvoorbeelden": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, gedragsvoorbeelden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = BewijsSoort.choices
        self.fields["gedragsvoorbeelden"].queryset = gedragsvoorbeelden
        self.fields["gedragsvoorbeelden"].label_from_instance = lambda gv: (
            f"{gv.werkproces.code}: {gv.tekst}"
        )
        self.fields["document"].widget = forms.ClearableFileInput(
            attrs={"accept": "application/pdf"}
        )

    def _post_clean(self):
        # The service validates and saves (document, gedragsvoorbeelden included).
        pass


class MboVerklaringIntrekkenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom trek je de mbo-verklaring in?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MboVerklaringForm(forms.Form):
    """The parts of the mbo-verklaring: the traject's valid praktijkverklaringen and
    its other proofs (exam results among them)."""

    praktijkverklaringen = forms.ModelMultipleChoiceField(
        label=_("Praktijkverklaringen"),
        queryset=None,
        error_messages={"required": _("Kies minstens één praktijkverklaring.")},
        widget=forms.CheckboxSelectMultiple,
    )
    bewijzen = forms.ModelMultipleChoiceField(
        label=_("Examenresultaten en andere bewijzen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, praktijkverklaringen, bewijzen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["praktijkverklaringen"].queryset = praktijkverklaringen
        self.fields["praktijkverklaringen"].label_from_instance = lambda v: (
            f"Praktijkverklaring {v.nummer} ({v.uitgereikt_op:%d-%m-%Y})"
        )
        self.fields["bewijzen"].queryset = bewijzen
        self.fields["bewijzen"].label_from_instance = lambda b: (
            f"{b.get_soort_display()}: {b.uitgever} ({b.datum:%d-%m-%Y})"
        )
