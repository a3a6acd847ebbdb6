from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from trajecten.constants import (
    PARTIJEN,
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
)


class Overeenkomst(models.Model):
    """One of the three agreements of a traject; its text lives in its versions."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="overeenkomsten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=OvereenkomstSoort)

    class Meta:
        ordering = ["traject", "soort"]
        verbose_name = _("overeenkomst")
        verbose_name_plural = _("overeenkomsten")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "soort"], name="overeenkomst_uniek"
            ),
        ]

    def __str__(self):
        return self.get_soort_display()

    @property
    def partijen(self) -> list[str]:
        return PARTIJEN[self.soort]


def _pdf_pad(versie, filename):
    return f"overeenkomsten/{versie.overeenkomst.traject_id}/{versie.overeenkomst.soort}-v{versie.nummer}.pdf"


class OvereenkomstVersie(TimeStampedModel):
    """A generated text of an agreement. New traject data means a new version; old
    versions and their signatures are kept."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, models.CASCADE, related_name="versies"
    )
    nummer = models.PositiveSmallIntegerField(_("versie"))
    gegevens = models.JSONField(_("gegevens in deze versie"))
    vingerafdruk = models.CharField(max_length=64)
    pdf = models.FileField(_("PDF"), upload_to=_pdf_pad, blank=True)
    pdf_status = models.CharField(
        _("PDF"), max_length=20, choices=PdfStatus, default=PdfStatus.WACHTRIJ
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["overeenkomst", "-nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["overeenkomst", "nummer"], name="overeenkomstversie_uniek"
            ),
            models.CheckConstraint(
                condition=~Q(pdf_status=PdfStatus.KLAAR) | ~Q(pdf=""),
                name="overeenkomstversie_klaar_heeft_pdf",
            ),
        ]

    def __str__(self):
        return f"{self.overeenkomst} versie {self.nummer}"


def _handtekening_pad(ondertekening, filename):
    versie = ondertekening.versie
    return (
        f"overeenkomsten/{versie.overeenkomst.traject_id}/getekend-"
        f"{versie.overeenkomst.soort}-v{versie.nummer}-{ondertekening.partij}.pdf"
    )


class Ondertekening(models.Model):
    """The signature of one party on one version."""

    versie = models.ForeignKey(
        OvereenkomstVersie, models.CASCADE, related_name="ondertekeningen"
    )
    partij = models.CharField(_("partij"), max_length=20, choices=Partij)
    naam = models.CharField(_("naam van wie tekende"), max_length=150)
    rol = models.CharField(_("rol of functie"), max_length=100)
    datum = models.DateField(_("datum"))
    wijze = models.CharField(_("hoe"), max_length=20, choices=Ondertekenwijze)
    bestand = models.FileField(
        _("getekende PDF"), upload_to=_handtekening_pad, blank=True
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["versie", "partij"]
        constraints = [
            models.UniqueConstraint(
                fields=["versie", "partij"], name="ondertekening_uniek"
            ),
            models.CheckConstraint(
                condition=~Q(wijze=Ondertekenwijze.PAPIER) | ~Q(bestand=""),
                name="ondertekening_papier_heeft_bestand",
            ),
        ]

    def __str__(self):
        return f"{self.get_partij_display()}: {self.naam}"
