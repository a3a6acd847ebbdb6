from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Bezorging
from .soorten import soorten


class VoorkeurenForm(forms.Form):
    """One choice per kind of notification: how it reaches the user."""

    def __init__(self, *args, huidig: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for soort in soorten():
            self.fields[soort.code] = forms.ChoiceField(
                label=soort.naam,
                choices=Bezorging.choices,
                initial=huidig.get(soort.code),
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies hoe je deze meldingen wilt krijgen."),
                    "invalid_choice": _("Kies een van de mogelijkheden."),
                },
            )
