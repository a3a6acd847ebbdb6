"""Where 4-digit postcode areas lie, for the distance in matching."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PostcodeGebied(models.Model):
    """The centroid of one 4-digit postcode area (PC4). Loaded by the beheerder from a
    CSV file (`manage.py postcodegebieden_laden`); the portal never asks an external
    service. Without rows, matching simply shows no distances."""

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    lat = models.FloatField(
        _("breedtegraad"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    lon = models.FloatField(
        _("lengtegraad"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        constraints = [
            models.CheckConstraint(
                condition=Q(pc4__regex=r"^[1-9][0-9]{3}$"), name="postcodegebied_pc4"
            ),
            models.CheckConstraint(
                condition=Q(lat__gte=-90, lat__lte=90, lon__gte=-180, lon__lte=180),
                name="postcodegebied_coordinaten",
            ),
        ]

    def __str__(self):
        return self.pc4
