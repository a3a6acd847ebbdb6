from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from trajecten.constants import CorrectieVeld


class TrajectCorrectie(models.Model):
    """One correction of a running traject: who, when and why. What changed is in its
    regels (one per field, old and new value as the page showed them)."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="correcties"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("wanneer"), auto_now_add=True)
    reden = models.TextField(_("reden"), max_length=1000)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("correctie van een traject")
        verbose_name_plural = _("correcties van trajecten")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reden__regex=r"^\s*$"),
                name="trajectcorrectie_heeft_reden",
                violation_error_message=_(
                    "Schrijf op waarom je het traject corrigeert."
                ),
            ),
        ]

    def __str__(self):
        return f"Correctie van {self.traject_id} op {self.op:%d-%m-%Y}"


class TrajectCorrectieRegel(models.Model):
    """One changed field of a correction: old → new, as text (a placement or financing
    is named in `onderwerp`, so the history still reads well when it is gone)."""

    correctie = models.ForeignKey(
        TrajectCorrectie, models.CASCADE, related_name="regels"
    )
    veld = models.CharField(_("veld"), max_length=40, choices=CorrectieVeld)
    onderwerp = models.CharField(_("van"), max_length=200, blank=True)
    oud = models.TextField(_("was"))
    nieuw = models.TextField(_("wordt"))

    class Meta:
        ordering = ["correctie", "pk"]
        verbose_name = _("gecorrigeerd veld")
        verbose_name_plural = _("gecorrigeerde velden")
        constraints = [
            models.CheckConstraint(
                condition=Q(veld__in=CorrectieVeld.values),
                name="trajectcorrectieregel_veld_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(oud=F("nieuw")),
                name="trajectcorrectieregel_echte_wijziging",
            ),
        ]

    def __str__(self):
        return f"{self.get_veld_display()}: {self.oud} → {self.nieuw}"
