from django import forms
from django.utils.translation import gettext_lazy as _

from .services import (
    MAX_TEKST,
    ONBEKENDE_FASE,
    TE_LANG,
    VERPLICHT_FASE,
    VERPLICHT_OPEN,
    Invoer,
    toelichtingveld,
    veldnaam,
)


def _optielabel(optie) -> str:
    return f"Fase {optie.fase}: {optie.titel}. {optie.beschrijving}"


class ScanForm(forms.Form):
    """The checklist: per dimension a radio group of its five stages (and a
    toelichting), per agreement a text field; the questions come from the database."""

    def __init__(self, *args, vragen, vorige: dict[str, Invoer], **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = vragen
        for vraag in vragen:
            eerder = vorige.get(vraag.code, Invoer())
            if vraag.is_fase:
                opties = list(vraag.opties.all())
                gekozen = str(eerder.optie) if eerder.optie else None
                self.fields[veldnaam(vraag)] = forms.ChoiceField(
                    label=vraag.tekst,
                    help_text=vraag.uitleg,
                    choices=[(str(o.pk), _optielabel(o)) for o in opties],
                    widget=forms.RadioSelect,
                    required=vraag.verplicht,
                    initial=gekozen if gekozen in {str(o.pk) for o in opties} else None,
                    error_messages={
                        "required": VERPLICHT_FASE,
                        "invalid_choice": ONBEKENDE_FASE,
                    },
                )
                self.fields[toelichtingveld(vraag)] = forms.CharField(
                    label=_("Toelichting (niet verplicht)"),
                    required=False,
                    max_length=MAX_TEKST,
                    initial=eerder.tekst,
                    widget=forms.Textarea(
                        attrs={
                            "rows": 2,
                            # The visible label repeats; the accessible name says which.
                            "aria-label": f"Toelichting bij: {vraag.tekst}",
                        }
                    ),
                    error_messages={"max_length": TE_LANG},
                )
            else:
                self.fields[veldnaam(vraag)] = forms.CharField(
                    label=vraag.tekst,
                    help_text=vraag.uitleg,
                    required=vraag.verplicht,
                    max_length=MAX_TEKST,
                    initial=eerder.tekst,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    error_messages={"required": VERPLICHT_OPEN, "max_length": TE_LANG},
                )

    def themas(self):
        """[(thema, [(vraag, field, toelichting field or None)])] for the template."""
        groepen: list = []
        for vraag in self.vragen:
            if not groepen or groepen[-1][0] != vraag.thema:
                groepen.append((vraag.thema, []))
            groepen[-1][1].append(
                (
                    vraag,
                    self[veldnaam(vraag)],
                    self[toelichtingveld(vraag)] if vraag.is_fase else None,
                )
            )
        return groepen

    def invoer(self) -> dict[str, Invoer]:
        """The cleaned answers as the service takes them."""
        data = self.cleaned_data
        uit = {}
        for vraag in self.vragen:
            if vraag.is_fase:
                uit[vraag.code] = Invoer(
                    optie=data.get(veldnaam(vraag)) or None,
                    tekst=data.get(toelichtingveld(vraag), ""),
                )
            else:
                uit[vraag.code] = Invoer(tekst=data.get(veldnaam(vraag), ""))
        return uit


class DelenForm(forms.Form):
    gedeeld = forms.BooleanField(
        label=_("Delen met andere regio's"),
        required=False,
        help_text=_(
            "Regiocoördinatoren van andere regio's mogen deze versie dan lezen."
        ),
    )
