from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Datumveld
from organisaties.models import Arbeidsmarktregio, Organisatie

from .constants import BESTANDSSOORTEN, MAX_BESTAND_MB, Soort
from .models import Item
from .regels import mag_landelijk_beheren
from .selectors import item_list
from .validators import validate_document


class ItemForm(forms.ModelForm):
    trefwoorden = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        max_length=300,
        help_text=_(
            "Gescheiden door komma's, bijvoorbeeld: werkfit, horeca, subsidie."
        ),
    )

    class Meta:
        model = Item
        fields = [
            "soort",
            "titel",
            "samenvatting",
            "body",
            "trefwoorden",
            "sector",
            "regio",
            "eigenaar",
            "gerelateerd",
            "wie_mag",
            "voorwaarden",
            "max_duur_maanden",
            "max_bedrag",
            "geldig_van",
            "geldig_tot",
            "bestand",
        ]
        widgets = {
            "samenvatting": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "wie_mag": forms.Textarea(attrs={"rows": 2}),
            "voorwaarden": forms.Textarea(attrs={"rows": 3}),
            "geldig_van": Datumveld(),
            "geldig_tot": Datumveld(),
            "gerelateerd": forms.SelectMultiple(attrs={"size": 6}),
            "bestand": forms.ClearableFileInput(
                attrs={"accept": ",".join(BESTANDSSOORTEN)}
            ),
        }
        help_texts = {
            "wie_mag": _("Alleen bij een regeling."),
            "voorwaarden": _("Alleen bij een regeling."),
            "max_duur_maanden": _("Alleen bij een regeling."),
            "max_bedrag": _("Alleen bij een regeling. Bijvoorbeeld 2700."),
            "gerelateerd": _("Houd Ctrl (of Cmd) ingedrukt om meer te kiezen."),
            "bestand": _(
                "Alleen bij een document: PDF, Word, Excel, PowerPoint of "
                "OpenDocument, maximaal %(mb)s MB."
            )
            % {"mb": MAX_BESTAND_MB},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        regio = self.fields["regio"]
        regio.queryset = (
            Arbeidsmarktregio.objects.all()
            if user.is_superuser
            else Arbeidsmarktregio.objects.filter(organisaties=user.organisatie_id)
        )
        # Only a functioneel beheerder keeps national items; others pick a region.
        if mag_landelijk_beheren(user):
            regio.empty_label = _("Landelijk (voor iedereen)")
        else:
            regio.required = True
            regio.empty_label = None
        self.fields["eigenaar"].queryset = Organisatie.objects.zichtbaar_voor(user)
        self.fields["eigenaar"].initial = user.organisatie_id
        gerelateerd = item_list(user=user).prefetch_related(None)
        if self.instance.pk:
            gerelateerd = gerelateerd.exclude(pk=self.instance.pk)
            self.fields["trefwoorden"].initial = ", ".join(
                t.naam for t in self.instance.tags.all()
            )
        self.fields["gerelateerd"].queryset = gerelateerd
        self.fields["gerelateerd"].required = False

    def clean_bestand(self):
        bestand = self.cleaned_data.get("bestand")
        if bestand and hasattr(bestand, "content_type"):  # a new upload
            validate_document(bestand)
        return bestand

    def clean_trefwoorden(self):
        waarde = self.cleaned_data.get("trefwoorden", "")
        namen = [n.strip() for n in waarde.split(",") if n.strip()]
        if any(len(n) > 50 for n in namen):
            raise forms.ValidationError(
                _("Een trefwoord mag maximaal 50 tekens lang zijn.")
            )
        return namen

    def clean(self):
        data = super().clean()
        soort = data.get("soort")
        if soort == Soort.DOCUMENT and not data.get("bestand"):
            if "bestand" not in self.errors:
                self.add_error("bestand", _("Voeg het document toe als bestand."))
        elif soort and soort != Soort.DOCUMENT and data.get("bestand"):
            self.add_error(
                "bestand",
                _("Een bestand hoort alleen bij de soort Document. Kies die soort."),
            )
        van, tot = data.get("geldig_van"), data.get("geldig_tot")
        if van and tot and tot < van:
            self.add_error(
                "geldig_tot", _("Deze datum ligt voor 'geldig vanaf'. Controleer hem.")
            )
        return data
