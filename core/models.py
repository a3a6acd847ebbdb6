from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inzending import Inzending  # noqa: F401  (registers the model)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


class SpreadsheetImport(models.Model):
    """The parsed rows of an uploaded spreadsheet between preview and confirm
    (`core.spreadsheet`). Kept here and not in the session: a session is
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

    `core.uitgaand.na_commit` writes the row in the same transaction as the
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
