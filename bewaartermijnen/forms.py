from django import forms
from django.utils.translation import gettext_lazy as _


class AnonimiserenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom moeten de gegevens weg?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: de kandidaat vroeg op 3 maart per brief om verwijdering. "
            "Noem geen naam of andere persoonsgegevens: deze tekst blijft bewaard."
        ),
        error_messages={"required": _("Schrijf op waarom de gegevens weg moeten.")},
    )
