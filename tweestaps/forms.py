from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        error_messages={"required": _("Vul de code in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 10}
        ),
    )

    def __init__(self, *args, controle, help_text="", foutmelding=None, **kwargs):
        """`controle(code) -> bool` checks the code (and counts a wrong one)."""
        super().__init__(*args, **kwargs)
        self.controle = controle
        self.foutmelding = foutmelding
        self.fields["code"].help_text = help_text

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not self.controle(code):
            raise forms.ValidationError(
                self.foutmelding
                or _(
                    "Deze code klopt niet. Kijk of je de nieuwste code uit de app "
                    "hebt overgenomen, of gebruik een herstelcode."
                ),
                code="fout",
            )
        return code
