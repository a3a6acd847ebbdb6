from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieFormMixin
from core.crypto import versleutel
from core.forms import BasisContactmomentForm, Datumveld
from core.validators import normaliseer_postcode, validate_bsn
from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio, Medewerker
from organisaties.selectors import medewerkers_in_regio

from .constants import Startkwalificatie
from .models import Contactmoment, Kandidaat


class KandidaatForm(VersieFormMixin, forms.ModelForm):
    """Intake and edit of a kandidaat; choices are limited to the user's organisation."""

    toestemming = forms.BooleanField(
        label=_("De kandidaat geeft toestemming om zijn of haar gegevens te verwerken"),
        help_text=_("Zonder toestemming kun je de kandidaat niet aanmelden."),
    )

    class Meta:
        model = Kandidaat
        fields = [
            "voornaam",
            "achternaam",
            "geboortedatum",
            "email",
            "telefoon",
            "postcode",
            "woonplaats",
            "regio",
            "consulent",
            "jobcoach",
            "bron",
            "uitkering",
            "hoogste_opleiding",
            "startkwalificatie",
            "startkwalificatie_motivatie",
            "arbeidsbeperking",
            "statushouder",
            "laaggeletterd",
            "voortijdig_schoolverlater",
            "pro_vso",
            "in_traject_bij_intake",
            "werkt_bij_intake",
            "lopend_toelichting",
            "werkfit_fase",
            "wens_sector",
            "wens_beroep",
            "toestemming_op",
        ]
        widgets = {
            "geboortedatum": Datumveld(),
            "toestemming_op": Datumveld(),
            "startkwalificatie_motivatie": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisatie = user.organisatie
        collega = Medewerker.objects.filter(organisatie=organisatie, is_active=True)
        self.fields["consulent"].queryset = collega.filter(groups__name=Rol.CONSULENT)
        self.fields["jobcoach"].queryset = medewerkers_in_regio(
            user=user, rol=Rol.JOBCOACH
        )
        self.fields["regio"].queryset = (
            organisatie.regios.all()
            if organisatie
            else Arbeidsmarktregio.objects.none()
        )
        if not self.instance.pk:
            self.fields["consulent"].initial = user.pk
            self.fields["toestemming_op"].initial = timezone.localdate()
            regios = list(self.fields["regio"].queryset[:2])
            if len(regios) == 1:
                self.fields["regio"].initial = regios[0].pk
        else:
            del self.fields["toestemming"]  # given at intake; the date stays editable
        if settings.KANDIDAAT_BSN_AAN:
            self.fields["bsn"] = forms.CharField(
                label=_("BSN"),
                required=False,
                max_length=9,
                validators=[validate_bsn],
                help_text=(
                    _("Opgeslagen: %s. Vul alleen in om te wijzigen.")
                    % self.instance.bsn_gemaskeerd
                    if self.instance.bsn_versleuteld
                    else _("Alleen invullen als dat voor de regeling nodig is.")
                ),
                widget=forms.TextInput(
                    attrs={"autocomplete": "off", "inputmode": "numeric"}
                ),
            )

    def _post_clean(self):
        super()._post_clean()
        if self.cleaned_data.get("bsn"):
            self.instance.bsn_versleuteld = versleutel(self.cleaned_data["bsn"])

    def gewijzigde_velden(self) -> list[str]:
        """Model fields the user changed (for the timeline)."""
        namen = {"bsn": "bsn_versleuteld"}
        return [
            namen.get(v, v)
            for v in self.changed_data
            if v not in ("versie", "toestemming")
        ]

    def clean_postcode(self):
        return normaliseer_postcode(self.cleaned_data["postcode"])

    def clean(self):
        data = super().clean()
        if (
            data.get("startkwalificatie") == Startkwalificatie.JA
            and not data.get("startkwalificatie_motivatie", "").strip()
        ):
            self.add_error(
                "startkwalificatie_motivatie",
                _(
                    "Leg uit waarom praktijkleren past, als de kandidaat al een "
                    "startkwalificatie heeft."
                ),
            )
        if (
            data.get("in_traject_bij_intake") or data.get("werkt_bij_intake")
        ) and not data.get("lopend_toelichting", "").strip():
            self.add_error(
                "lopend_toelichting", _("Vul in welk traject of werk dit is.")
            )
        return data


class ContactmomentForm(BasisContactmomentForm):
    class Meta(BasisContactmomentForm.Meta):
        model = Contactmoment
