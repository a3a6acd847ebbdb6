from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.template import loader
from django.utils.translation import gettext_lazy as _

from core.ratelimit import binnen_limiet, client_ip
from core.tasks import mail_versturen
from core.uitgaand import na_commit

from .models import Netwerkcontact, Organisatie

# Checks a higher app adds (from its AppConfig.ready) to the password login, run once
# the password was found right: each returns None, or a Dutch message that refuses
# the login (sso: "your organisation logs you in through its own provider").
WACHTWOORD_CONTROLES: list[Callable[..., str | None]] = []


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

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        for controle in WACHTWOORD_CONTROLES:
            if melding := controle(user):
                raise ValidationError(melding, code="ander_inlogmiddel")


class WachtwoordVergetenForm(PasswordResetForm):
    """Password reset whose e-mail goes out through a Celery task after commit."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, *args, request=None, **kwargs):
        """Send the mail, unless this client address or this e-mail address asked too
        often. Counted whether or not an account exists, and the page answers the
        same either way: nothing tells whether the address is known."""
        limiet, venster = settings.WACHTWOORD_RESET_LIMIET
        if request is not None and not binnen_limiet(
            "wachtwoord-reset",
            f"ip:{client_ip(request)}",
            f"email:{self.cleaned_data['email'].strip().lower()}",
            limiet=limiet,
            venster=venster,
        ):
            messages.warning(
                request,
                _(
                    "Er is de laatste tijd al vaak een link aangevraagd. Daarom sturen "
                    "we nu geen nieuwe e-mail. Probeer het over %(minuten)s minuten "
                    "opnieuw."
                )
                % {"minuten": venster // 60},
            )
            return None
        return super().save(*args, request=request, **kwargs)

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
