from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from .constants import DossierStatus


def _zip_pad(aanvraag, filename):
    return f"dossiers/{aanvraag.traject_id}/financieringsdossier-{aanvraag.pk}.zip"


class Dossieraanvraag(TimeStampedModel):
    """One request for a traject's funding dossier; the ZIP is made by a Celery task
    (`dossier.tasks.dossier_maken`) and stored in media. A new request replaces the
    older ones of the traject (their files are removed)."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="dossieraanvragen"
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DossierStatus,
        default=DossierStatus.WACHTRIJ,
    )
    bestand = models.FileField(_("ZIP"), upload_to=_zip_pad, blank=True)
    fout = models.CharField(_("wat misging"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("aanvraag financieringsdossier")
        verbose_name_plural = _("aanvragen financieringsdossier")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DossierStatus.values),
                name="dossieraanvraag_status_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(status=DossierStatus.KLAAR) | ~Q(bestand=""),
                name="dossieraanvraag_klaar_heeft_zip",
            ),
        ]

    def __str__(self):
        return f"Financieringsdossier {self.traject_id} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("dossier:status", args=[self.pk])
