"""Notifications (`Melding`) and the settings of the reminder rules (`Herinnering`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeldingQuerySet(models.QuerySet):
    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)


class Melding(models.Model):
    """An in-app notification for one person. `oorzaak` names the cause (for example
    "overeenkomst_ongetekend:12"), so that each cause reaches a person only once."""

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
