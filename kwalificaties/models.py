import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KwalificatieQuerySet(models.QuerySet):
    def open_voor_instroom(self, op: datetime.date | None = None):
        """Kwalificaties a new traject may still start on (no einde instroom, or not
        past it)."""
        op = op or timezone.localdate()
        return self.filter(Q(einde_instroom__isnull=True) | Q(einde_instroom__gte=op))


class Kwalificatie(models.Model):
    """An mbo kwalificatie (from an SBB kwalificatiedossier: a profiel with its own
    crebo and validity dates)."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    crebo = models.CharField(
        _("crebo"),
        max_length=5,
        blank=True,
        validators=[
            RegexValidator(r"^\d{5}$", _("Een crebo-nummer bestaat uit 5 cijfers."))
        ],
    )
    niveau = models.PositiveSmallIntegerField(
        _("niveau"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    dossier = models.CharField(_("kwalificatiedossier"), max_length=200, blank=True)
    geldig_van = models.DateField(_("geldig vanaf"), null=True, blank=True)
    einde_instroom = models.DateField(
        _("einde instroom"),
        null=True,
        blank=True,
        help_text=_("Na deze datum starten er geen nieuwe trajecten meer."),
    )
    einde_opleiding = models.DateField(
        _("einde opleiding"),
        null=True,
        blank=True,
        help_text=_("Tot deze datum kan een lopend traject worden afgerond."),
    )

    objects = KwalificatieQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("kwalificatie")
        verbose_name_plural = _("kwalificaties")
        constraints = [
            models.UniqueConstraint(
                fields=["crebo"],
                condition=~Q(crebo=""),
                name="kwalificatie_crebo_uniek",
            ),
            models.CheckConstraint(
                condition=Q(niveau__gte=1, niveau__lte=4),
                name="kwalificatie_niveau_1_4",
            ),
            models.CheckConstraint(
                condition=Q(einde_instroom__isnull=True)
                | Q(einde_opleiding__isnull=True)
                | Q(einde_opleiding__gte=F("einde_instroom")),
                name="kwalificatie_einde_opleiding_na_instroom",
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.crebo})" if self.crebo else self.naam

    def clean(self):
        if (
            self.einde_instroom
            and self.einde_opleiding
            and self.einde_opleiding < self.einde_instroom
        ):
            raise ValidationError(
                {
                    "einde_opleiding": _(
                        "Het einde van de opleiding ligt niet vóór het einde van de "
                        "instroom."
                    )
                }
            )

    def instroom_controleren(self, op: datetime.date | None = None) -> None:
        """Refuse (ValidationError on the field `kwalificatie`, in Dutch) a new traject
        on a kwalificatie past its einde instroom."""
        op = op or timezone.localdate()
        if self.einde_instroom and self.einde_instroom < op:
            raise ValidationError(
                {
                    "kwalificatie": _(
                        "Voor %(naam)s kunnen geen nieuwe trajecten meer starten: de "
                        "instroom is gestopt op %(datum)s. Kies de kwalificatie die "
                        "ervoor in de plaats is gekomen."
                    )
                    % {
                        "naam": self.naam,
                        "datum": self.einde_instroom.strftime("%d-%m-%Y"),
                    }
                }
            )


class Kerntaak(models.Model):
    kwalificatie = models.ForeignKey(
        Kwalificatie,
        models.CASCADE,
        related_name="kerntaken",
        verbose_name=_("kwalificatie"),
    )
    code = models.CharField(_("code"), max_length=20)
    titel = models.CharField(_("titel"), max_length=200, blank=True)

    class Meta:
        ordering = ["kwalificatie", "code"]
        verbose_name = _("kerntaak")
        verbose_name_plural = _("kerntaken")
        constraints = [
            models.UniqueConstraint(
                fields=["kwalificatie", "code"], name="kerntaak_code_uniek"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.titel}".strip()


class WerkprocesQuerySet(models.QuerySet):
    def van_kwalificatie(self, kwalificatie):
        return self.filter(kerntaak__kwalificatie=kwalificatie)


class Werkproces(models.Model):
    kerntaak = models.ForeignKey(
        Kerntaak,
        models.CASCADE,
        related_name="werkprocessen",
        verbose_name=_("kerntaak"),
    )
    code = models.CharField(
        _("code"), max_length=20, help_text=_("Bijvoorbeeld B1-K1-W1.")
    )
    titel = models.CharField(_("titel"), max_length=300)

    objects = WerkprocesQuerySet.as_manager()

    class Meta:
        ordering = ["kerntaak__kwalificatie__naam", "code"]
        verbose_name = _("werkproces")
        verbose_name_plural = _("werkprocessen")
        constraints = [
            models.UniqueConstraint(
                fields=["kerntaak", "code"], name="werkproces_code_uniek"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.titel}"
