from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from plpv_portal.core.tasks import mail_versturen
from plpv_portal.core.uitgaand import na_commit

from .models import Netwerkcontact, Organisatie


class InlogForm(AuthenticationForm):
    # One message for every failure, so it never tells whether an account exists.
    error_messages = {
        "invalid_login": _(
            "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en "
            "kleine letters."
        ),
        "inactive": _(
            "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en "
            "kleine letters."
        ),
    }


class WachtwoordVergetenForm(PasswordResetForm):
    """Password reset whose e-mail goes out through a Celery task after commit."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        onderwerp = "".join(
            loader.render_to_string(subject_template_name, context).splitlines()
        )
        tekst = loader.render_to_string(email_template_name, context)
        na_commit(
            mail_versturen,
            kwargs={"onderwerp": onderwerp, "tekst": tekst, "aan": [to_email]},
        )


class NetwerkcontactForm(forms.ModelForm):
    class Meta:
        model = Netwerkcontact
        fields = [
            "naam",
            "organisatie",
            "expertise",
            "toelichting",
            "telefoon",
            "email",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.zichtbaar_voor(user)

    def clean(self):
        data = super().clean()
        if not data.get("telefoon") and not data.get("email"):
            self.add_error("telefoon", _("Vul een telefoonnummer of e-mailadres in."))
        return data
