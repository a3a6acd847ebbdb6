"""Outcomes of trajecten and the follow-up measurements after them: the data the
regional dashboards measure effectiveness with ("meet twee keer", seed 000)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from trajecten.constants import UitvalReden

from .constants import (
    WERK_SITUATIES,
    WERK_UITKOMSTEN,
    Contractsoort,
    Situatie,
    UitkomstSoort,
)


class Uitkomst(TimeStampedModel):
    """Where the candidate went at the end of one traject (one per traject)."""

    traject = models.OneToOneField(
        "trajecten.Traject", models.CASCADE, related_name="uitkomst"
    )
    soort = models.CharField(_("uitkomst"), max_length=30, choices=UitkomstSoort)
    datum = models.DateField(_("datum"))
    contractsoort = models.CharField(
        _("soort contract"), max_length=20, choices=Contractsoort, blank=True
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), null=True, blank=True
    )
    uitval_reden = models.CharField(
        _("reden van uitval"), max_length=20, choices=UitvalReden, blank=True
    )
    toelichting = models.TextField(_("toelichting"), max_length=1000, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )

    class Meta:
        verbose_name = _("uitkomst")
        verbose_name_plural = _("uitkomsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=UitkomstSoort.values),
                name="uitkomst_soort_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(soort__in=WERK_UITKOMSTEN)
                | (~Q(contractsoort="") & Q(uren_per_week__gt=0)),
                name="uitkomst_werk_heeft_contract",
                violation_error_message=_(
                    "Vul bij werk het soort contract en de uren per week in."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(soort=UitkomstSoort.UITGEVALLEN) | ~Q(uitval_reden=""),
                name="uitkomst_uitval_heeft_reden",
                violation_error_message=_("Kies de reden van uitval."),
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__isnull=True) | Q(uren_per_week__lte=60),
                name="uitkomst_uren_redelijk",
            ),
        ]

    def __str__(self):
        return self.get_soort_display()


class Vervolgmeting(TimeStampedModel):
    """A follow-up measurement some months after the end of a traject; planned
    automatically when the outcome is recorded, filled in by the consulent."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="vervolgmetingen"
    )
    maanden = models.PositiveSmallIntegerField(_("maanden na het einde"))
    gepland_op = models.DateField(_("gepland op"), db_index=True)
    gemeten_op = models.DateField(_("gemeten op"), null=True, blank=True)
    situatie = models.CharField(
        _("situatie"), max_length=20, choices=Situatie, blank=True
    )
    contractsoort = models.CharField(
        _("soort contract"), max_length=20, choices=Contractsoort, blank=True
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), null=True, blank=True
    )
    toelichting = models.TextField(_("toelichting"), max_length=1000, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name = _("vervolgmeting")
        verbose_name_plural = _("vervolgmetingen")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "maanden"], name="vervolgmeting_uniek"
            ),
            models.CheckConstraint(
                condition=Q(situatie="") | Q(situatie__in=Situatie.values),
                name="vervolgmeting_situatie_geldig",
            ),
            models.CheckConstraint(
                condition=Q(gemeten_op__isnull=True, situatie="")
                | Q(gemeten_op__isnull=False) & ~Q(situatie=""),
                name="vervolgmeting_gemeten_heeft_situatie",
            ),
            models.CheckConstraint(
                condition=~Q(situatie__in=WERK_SITUATIES)
                | (~Q(contractsoort="") & Q(uren_per_week__gt=0)),
                name="vervolgmeting_werk_heeft_contract",
                violation_error_message=_(
                    "Vul bij werk het soort contract en de uren per week in."
                ),
            ),
        ]

    def __str__(self):
        return _("Meting na %d maanden") % self.maanden

    @property
    def is_te_laat(self) -> bool:
        """Planned before today and not measured yet."""
        return self.gemeten_op is None and self.gepland_op < timezone.localdate()
