from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inzending import Inzending  # noqa: F401  (registers the model)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


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
    """The setting of one reminder rule (`plpv_portal.core.herinneringen`): whether it
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


class SpreadsheetImport(models.Model):
    """The parsed rows of an uploaded spreadsheet between preview and confirm
    (`plpv_portal.core.spreadsheet`). Kept here and not in the session: a session is
    read on every request, these rows can be large. Confirming locks the row and sets
    `verwerkt_op` in the same transaction as the import, so a token imports once; the
    rows (personal data) are emptied then. The session clean-up removes old ones."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    soort = models.CharField(_("soort"), max_length=50)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    keuzes = models.JSONField(_("keuzes"), default=dict)
    kolommen = models.JSONField(_("kolommen"), default=list)
    rijen = models.JSONField(_("rijen"), default=list)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    resultaat = models.JSONField(_("resultaat"), default=dict)

    class Meta:
        verbose_name = _("spreadsheet-import")
        verbose_name_plural = _("spreadsheet-imports")
        indexes = [models.Index(fields=["aangemaakt_op"])]

    def __str__(self):
        return f"{self.soort}: {self.bestandsnaam}"

    @property
    def verwerkt(self) -> bool:
        return self.verwerkt_op is not None


class UitgaandeTaak(models.Model):
    """The outbox: a Celery task to publish once the change that asked for it commits.

    `plpv_portal.core.uitgaand.na_commit` writes the row in the same transaction as the
    change and publishes it on commit; a published row is deleted. A row that stays
    (broker away, process died before the commit hook ran) is published by the beat
    task `uitgaande_taken_versturen`. The kwargs may hold a mail text (a password reset
    link): the row lives only until the broker takes it.
    """

    taak = models.CharField(_("taak"), max_length=200)
    args = models.JSONField(_("argumenten"), default=list, blank=True)
    kwargs = models.JSONField(_("benoemde argumenten"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    pogingen = models.PositiveIntegerField(_("mislukte pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("uitgaande taak")
        verbose_name_plural = _("uitgaande taken")

    def __str__(self):
        return f"{self.taak} #{self.pk}"
