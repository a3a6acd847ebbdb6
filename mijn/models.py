"""One-time access for a candidate to their own pages (`/mijn/`)."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ToegangSoort


def sleutel_hash(sleutel: str) -> str:
    """The stored form of a link token or code. The tokens are random and long
    (a link 256 bits, a code about 56 bits plus the date of birth and the attempt
    limits), so a plain SHA-256 suffices: no slow password hash is needed."""
    return hashlib.sha256(sleutel.encode()).hexdigest()


class ToegangQuerySet(models.QuerySet):
    def bruikbaar(self):
        """Not used, not burned or replaced, not expired."""
        return self.filter(
            gebruikt_op__isnull=True,
            vervallen_op__isnull=True,
            geldig_tot__gt=timezone.now(),
        )


class Toegang(models.Model):
    """A one-time link (sent by e-mail) or code (printed) that lets a candidate in,
    together with their date of birth. Only the hash of the secret is stored."""

    kandidaat = models.ForeignKey(
        "kandidaten.Kandidaat",
        models.CASCADE,
        related_name="+",
        verbose_name=_("kandidaat"),
    )
    soort = models.CharField(_("soort"), max_length=10, choices=ToegangSoort)
    sleutel_hash = models.CharField(max_length=64, unique=True)
    geldig_tot = models.DateTimeField(_("geldig tot"))
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    # Burned after too many wrong dates of birth, or replaced by a newer one.
    vervallen_op = models.DateTimeField(_("vervallen op"), null=True, blank=True)
    mislukte_pogingen = models.PositiveSmallIntegerField(default=0)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = ToegangQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegang voor de kandidaat")
        verbose_name_plural = _("toegangen voor de kandidaat")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=ToegangSoort.values),
                name="toegang_soort_geldig",
            ),
        ]
        indexes = [models.Index(fields=["kandidaat", "soort"])]

    def __str__(self):
        return f"{self.get_soort_display()} voor {self.kandidaat_id}"
