"""Settings of the traject process that the functioneel beheerder keeps in the admin."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ENIGE_RIJ = 1


class TrajectInstellingen(models.Model):
    """One row (pk 1, a database constraint) of typed settings for starting trajecten.

    Regions differ in how strict they are about the Checklist inclusief advies before
    placement: by default a traject may start without an advice when the consulent
    gives a reason; `advies_verplicht` makes the advice a hard condition.
    """

    advies_verplicht = models.BooleanField(
        _("advies verplicht voor een traject"),
        default=False,
        help_text=_(
            "Aan: een traject kan alleen starten als de kandidaat een advies heeft "
            "(Checklist inclusief advies). Uit: zonder advies kan het ook, maar de "
            "consulent moet zeggen waarom."
        ),
    )

    class Meta:
        verbose_name = _("instellingen voor trajecten")
        verbose_name_plural = _("instellingen voor trajecten")
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=ENIGE_RIJ), name="trajectinstellingen_een_rij"
            )
        ]

    def __str__(self):
        return str(_("Instellingen voor trajecten"))

    @classmethod
    def huidig(cls) -> "TrajectInstellingen":
        """The settings; the defaults when the beheerder never saved them."""
        return cls.objects.filter(pk=ENIGE_RIJ).first() or cls(pk=ENIGE_RIJ)
