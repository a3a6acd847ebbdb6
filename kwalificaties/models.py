from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kwalificatie(models.Model):
    """An mbo kwalificatie (from an SBB kwalificatiedossier)."""

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
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)

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
        ]

    def __str__(self):
        return f"{self.naam} ({self.crebo})" if self.crebo else self.naam


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
