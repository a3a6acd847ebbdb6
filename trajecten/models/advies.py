from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from trajecten.constants import AdviesUitkomst, Antwoord, Effect, Onderwerp


class ChecklistVraag(models.Model):
    """One question of the Checklist inclusief advies; the set is data, kept by a beheerder."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=20, choices=Onderwerp)
    tekst = models.CharField(_("vraag"), max_length=300)
    uitleg = models.CharField(_("uitleg bij de vraag"), max_length=300, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)
    effect_ja = models.CharField(
        _("bij 'ja'"), max_length=30, choices=Effect, default=Effect.GEEN
    )
    effect_deels = models.CharField(
        _("bij 'deels'"), max_length=30, choices=Effect, default=Effect.GEEN
    )
    effect_nee = models.CharField(
        _("bij 'nee'"), max_length=30, choices=Effect, default=Effect.GEEN
    )

    class Meta:
        ordering = ["onderwerp", "volgorde", "pk"]
        verbose_name = _("vraag van de checklist")
        verbose_name_plural = _("vragen van de checklist")

    def __str__(self):
        return self.tekst

    def effect(self, antwoord: str) -> str:
        return getattr(self, f"effect_{antwoord}", Effect.GEEN)


class Advies(TimeStampedModel):
    """A dated decision record of the Checklist inclusief advies for one candidate.

    Never changed after it is made: a new assessment is a new version, and the
    previous version stays readable (`actueel` marks the newest).
    """

    kandidaat = models.ForeignKey(
        "kandidaten.Kandidaat",
        models.PROTECT,
        related_name="adviezen",
        verbose_name=_("kandidaat"),
    )
    versie = models.PositiveSmallIntegerField(_("versie"))
    actueel = models.BooleanField(_("actueel"), default=True)
    kwalificatie = models.ForeignKey(
        "kwalificaties.Kwalificatie",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kwalificatie"),
    )
    leerbedrijf = models.ForeignKey(
        "leerbedrijven.Leerbedrijf",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="adviezen",
        verbose_name=_("voorgesteld leerbedrijf"),
    )
    mbo_medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="adviezen_als_mbo",
        verbose_name=_("mbo-medewerker"),
    )
    mbo_instelling = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        related_name="adviezen",
        verbose_name=_("mbo-instelling"),
    )
    voorgesteld = models.CharField(
        _("voorgesteld door het portaal"), max_length=30, choices=AdviesUitkomst
    )
    redenen = models.JSONField(_("waarom dit voorstel"), default=list)
    besluit = models.CharField(_("advies"), max_length=30, choices=AdviesUitkomst)
    motivatie = models.TextField(_("motivatie"))
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    class Meta:
        ordering = ["kandidaat", "-versie"]
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        constraints = [
            models.UniqueConstraint(
                fields=["kandidaat", "versie"], name="advies_versie_uniek"
            ),
            models.UniqueConstraint(
                fields=["kandidaat"],
                condition=Q(actueel=True),
                name="advies_een_actueel",
            ),
            models.CheckConstraint(
                condition=Q(besluit__in=AdviesUitkomst.values)
                & Q(voorgesteld__in=AdviesUitkomst.values),
                name="advies_uitkomst_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(motivatie=""), name="advies_heeft_motivatie"
            ),
        ]

    def __str__(self):
        return (
            f"Advies {self.versie} voor {self.kandidaat}: {self.get_besluit_display()}"
        )

    def get_absolute_url(self):
        return reverse("trajecten:advies_detail", args=[self.pk])

    @property
    def wijkt_af(self) -> bool:
        return self.besluit != self.voorgesteld


class AdviesAntwoord(models.Model):
    """An answer in an advies; keeps the question's text as it was asked."""

    advies = models.ForeignKey(Advies, models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(ChecklistVraag, models.PROTECT, related_name="+")
    vraag_tekst = models.CharField(_("vraag"), max_length=300)
    onderwerp = models.CharField(_("onderwerp"), max_length=20, choices=Onderwerp)
    antwoord = models.CharField(_("antwoord"), max_length=10, choices=Antwoord)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["onderwerp", "vraag__volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["advies", "vraag"], name="advies_antwoord_uniek"
            )
        ]

    def __str__(self):
        return f"{self.vraag_tekst}: {self.get_antwoord_display()}"
