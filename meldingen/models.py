"""Notifications (`Melding`) and the settings of the reminder rules (`Herinnering`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Bezorging(models.TextChoices):
    """How a person receives the notifications of one kind (`MeldingVoorkeur`)."""

    PORTAAL = "portaal", _("Alleen in het portaal")
    DIRECT = "direct", _("Direct per e-mail")
    DAGELIJKS = "dagelijks", _("Dagelijks overzicht per e-mail")


STANDAARD_BEZORGING = Bezorging.DAGELIJKS


class MeldingQuerySet(models.QuerySet):
    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)


class Melding(models.Model):
    """An in-app notification for one person. `oorzaak` names the cause (for example
    "overeenkomst_ongetekend:12"), so that each cause reaches a person only once.
    `onderwerp` names what it is about ("traject:12"; empty: nothing to group it with),
    `bezorging` how the person wanted this kind delivered when it was sent, and
    `gemaild_op` when its e-mail (direct or in the daily digest) was queued."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="meldingen",
        verbose_name=_("ontvanger"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("veroorzaakt door"),
    )
    oorzaak = models.CharField(_("oorzaak"), max_length=100)
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=100, blank=True)
    bezorging = models.CharField(
        _("bezorging"),
        max_length=20,
        choices=Bezorging.choices,
        default=Bezorging.PORTAAL,
    )
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["ontvanger", "oorzaak"], name="melding_eenmaal_per_oorzaak"
            ),
            models.CheckConstraint(
                condition=Q(bezorging__in=Bezorging.values),
                name="melding_bezorging_geldig",
            ),
        ]
        indexes = [
            # The bell counts the unread notifications on every page.
            models.Index(
                fields=["ontvanger"],
                condition=Q(gelezen_op__isnull=True),
                name="melding_ongelezen_idx",
            ),
            models.Index(
                fields=["ontvanger", "-aangemaakt_op"], name="melding_lijst_idx"
            ),
            models.Index(
                fields=["ontvanger", "onderwerp"],
                condition=~Q(onderwerp=""),
                name="melding_onderwerp_idx",
            ),
            # The daily digest: unread notifications waiting for it.
            models.Index(
                fields=["ontvanger"],
                condition=Q(
                    bezorging="dagelijks",
                    gemaild_op__isnull=True,
                    gelezen_op__isnull=True,
                ),
                name="melding_overzicht_idx",
            ),
        ]

    def __str__(self):
        return self.titel

    @property
    def gelezen(self) -> bool:
        return self.gelezen_op is not None


class Herinnering(models.Model):
    """The setting of one reminder rule (`meldingen.herinneringen`): whether it
    runs and its period in days. The functioneel beheerder changes these in the admin."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    dagen = models.PositiveSmallIntegerField(
        _("dagen"),
        help_text=_("Wat het aantal dagen betekent, staat in de omschrijving."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")

    def __str__(self):
        return self.omschrijving


class MeldingVoorkeur(models.Model):
    """How one person wants the notifications of one kind (`meldingen.soorten`). No
    row: the default, a daily digest (`STANDAARD_BEZORGING`)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="meldingvoorkeuren",
        verbose_name=_("gebruiker"),
    )
    soort = models.CharField(_("soort melding"), max_length=50)
    bezorging = models.CharField(
        _("bezorging"), max_length=20, choices=Bezorging.choices
    )

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "soort"], name="meldingvoorkeur_eenmaal_per_soort"
            ),
            models.CheckConstraint(
                condition=Q(bezorging__in=Bezorging.values),
                name="meldingvoorkeur_bezorging_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(soort=""), name="meldingvoorkeur_soort_niet_leeg"
            ),
        ]

    def __str__(self):
        return f"{self.gebruiker}: {self.soort} ({self.get_bezorging_display()})"
