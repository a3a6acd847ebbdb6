from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.crypto import ontsleutel, versleutel
from core.models import TimeStampedModel
from organisaties.constants import Rol

SLEUTEL = "SSO_SLEUTEL"
# Paths under /inloggen/sso/ that are not an organisation.
GERESERVEERD = {"terug"}


class SsoKoppeling(TimeStampedModel):
    """An organisation's own OpenID Connect provider: its people log in there.

    The beheerder enters the issuer, client id and secret; the endpoints come from the
    provider's discovery document when the koppeling is saved (`services`).
    """

    organisatie = models.OneToOneField(
        "organisaties.Organisatie",
        models.CASCADE,
        related_name="sso_koppeling",
        verbose_name=_("organisatie"),
    )
    slug = models.SlugField(
        _("korte naam in het inlogadres"),
        unique=True,
        help_text=_(
            "Het inlogadres wordt /inloggen/sso/<korte naam>/. Leeg: gemaakt uit de "
            "naam van de organisatie."
        ),
    )
    actief = models.BooleanField(
        _("aan"),
        default=True,
        help_text=_(
            "Uit: niemand van deze organisatie kan met de organisatie inloggen."
        ),
    )
    issuer = models.URLField(
        _("adres van de provider (issuer)"),
        max_length=300,
        help_text=_(
            "Bijvoorbeeld https://login.microsoftonline.com/<tenant>/v2.0. Het adres "
            "van het discovery-document (…/.well-known/openid-configuration) mag ook."
        ),
    )
    client_id = models.CharField(_("client id"), max_length=255)
    client_secret_versleuteld = models.BinaryField(editable=False)
    claim_email = models.CharField(
        _("claim met het e-mailadres"),
        max_length=100,
        default="email",
        help_text=_(
            "De claim die zegt wie de gebruiker is: zijn e-mailadres, zoals het bij "
            "de medewerker in het portaal staat. Meestal 'email'."
        ),
    )
    email_altijd_gecontroleerd = models.BooleanField(
        _("provider geeft alleen gecontroleerde e-mailadressen"),
        default=False,
        help_text=_(
            "Aan: het e-mailadres telt ook zonder email_verified=true (bijvoorbeeld "
            "het eigen accountsysteem van de organisatie). Uit: alleen een "
            "e-mailadres met email_verified=true koppelt een account."
        ),
    )
    accounts_aanmaken = models.BooleanField(
        _("nieuwe accounts aanmaken"),
        default=False,
        help_text=_(
            "Aan: iemand zonder account in het portaal krijgt er een bij de eerste "
            "keer inloggen. Uit: alleen bestaande medewerkers kunnen inloggen."
        ),
    )
    nieuwe_accounts_rol = models.CharField(
        _("rol van nieuwe accounts"),
        max_length=30,
        blank=True,
        choices=[(r.value, r.label) for r in Rol if r != Rol.FUNCTIONEEL_BEHEERDER],
        help_text=_("Leeg: geen rol; de functioneel beheerder geeft die later."),
    )
    wachtwoord_toegestaan = models.BooleanField(
        _("ook inloggen met wachtwoord"),
        default=False,
        help_text=_(
            "Uit: medewerkers van deze organisatie loggen alleen in via hun "
            "organisatie. Functioneel beheerders kunnen altijd ook met hun wachtwoord "
            "inloggen (voor als de provider onbereikbaar is)."
        ),
    )
    # From the discovery document (services.koppeling_opslaan).
    authorization_endpoint = models.URLField(max_length=500, editable=False)
    token_endpoint = models.URLField(max_length=500, editable=False)
    userinfo_endpoint = models.URLField(max_length=500, blank=True, editable=False)
    jwks_uri = models.URLField(max_length=500, editable=False)
    end_session_endpoint = models.URLField(max_length=500, blank=True, editable=False)

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = _("SSO-koppeling")
        verbose_name_plural = _("SSO-koppelingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(accounts_aanmaken=True) | Q(nieuwe_accounts_rol=""),
                name="ssokoppeling_rol_alleen_bij_aanmaken",
            ),
        ]

    def __str__(self):
        return str(self.organisatie)

    def clean(self):
        if self.slug in GERESERVEERD:
            raise ValidationError({"slug": _("Kies een andere korte naam.")})

    def get_absolute_url(self):
        return reverse("sso:start", args=[self.slug])

    @property
    def client_secret(self) -> str:
        return ontsleutel(self.client_secret_versleuteld, instelling=SLEUTEL)

    @client_secret.setter
    def client_secret(self, waarde: str) -> None:
        self.client_secret_versleuteld = versleutel(waarde, instelling=SLEUTEL)


class SsoIdentiteit(TimeStampedModel):
    """A medewerker's account at the organisation's provider: its stable `sub`.

    Made at the first login (matched by e-mail); later logins find the medewerker by
    `sub` alone, so a changed e-mail address at the provider changes nothing.
    """

    koppeling = models.ForeignKey(
        SsoKoppeling,
        models.CASCADE,
        related_name="identiteiten",
        verbose_name=_("SSO-koppeling"),
    )
    medewerker = models.ForeignKey(
        "organisaties.Medewerker",
        models.CASCADE,
        related_name="sso_identiteiten",
        verbose_name=_("medewerker"),
    )
    issuer = models.CharField(_("issuer"), max_length=300)
    sub = models.CharField(_("sub (vaste id bij de provider)"), max_length=255)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"))

    class Meta:
        ordering = ["-laatst_gebruikt"]
        verbose_name = _("SSO-account")
        verbose_name_plural = _("SSO-accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["koppeling", "issuer", "sub"], name="ssoidentiteit_sub_uniek"
            ),
            models.UniqueConstraint(
                fields=["koppeling", "issuer", "medewerker"],
                name="ssoidentiteit_een_per_medewerker",
            ),
        ]

    def __str__(self):
        return f"{self.medewerker} ({self.koppeling})"
