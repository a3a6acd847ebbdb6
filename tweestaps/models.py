"""Two-step login (TOTP via django-otp): which roles must use it, and what happened.

The devices themselves are django-otp's (`otp_totp.TOTPDevice` for the app,
`otp_static.StaticDevice` for the recovery codes).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisaties.constants import Rol
from organisaties.models import Medewerker


class TweedeStapRegel(models.Model):
    """Whether people with this role must log in with a second step. One row per
    role, made after every migrate (`services.regels_aanvullen`); the functioneel
    beheerder turns them on and off in the admin."""

    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices, unique=True)
    verplicht = models.BooleanField(
        _("tweede stap verplicht"),
        default=True,
        help_text=_(
            "Aan: wie deze rol heeft, logt in met wachtwoord én een code uit een "
            "app op de telefoon."
        ),
    )

    class Meta:
        ordering = ["rol"]
        verbose_name = _("tweede stap per rol")
        verbose_name_plural = _("tweede stap per rol")
        constraints = [
            models.CheckConstraint(
                condition=Q(rol__in=Rol.values), name="tweedestapregel_rol_geldig"
            )
        ]

    def __str__(self):
        return str(Rol(self.rol).label)


class Soort(models.TextChoices):
    INGESTELD = "ingesteld", _("App ingesteld")
    HERSTELCODE_GEBRUIKT = "herstelcode_gebruikt", _("Herstelcode gebruikt")
    HERSTELCODES_VERNIEUWD = "herstelcodes_vernieuwd", _("Nieuwe herstelcodes")
    GEBLOKKEERD = "geblokkeerd", _("Geblokkeerd na te veel verkeerde codes")
    OPNIEUW_INSTELLEN = "opnieuw_instellen", _("Teruggezet door beheerder")


class TweedeStapGebeurtenis(models.Model):
    """The audit trail of the second step: set up, recovery code used, locked out,
    reset by a beheerder. Rows are only added."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    soort = models.CharField(_("wat"), max_length=30, choices=Soort.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("gebeurtenis tweede stap")
        verbose_name_plural = _("gebeurtenissen tweede stap")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=Soort.values),
                name="tweedestapgebeurtenis_soort_geldig",
            )
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.op:%d-%m-%Y %H:%M})"


class TweedeStapAccount(Medewerker):
    """The accounts as the admin's page "Tweede stap per medewerker" shows them:
    whether the app is set up, and the action that resets it."""

    class Meta:
        proxy = True
        verbose_name = _("tweede stap van een medewerker")
        verbose_name_plural = _("tweede stap per medewerker")
