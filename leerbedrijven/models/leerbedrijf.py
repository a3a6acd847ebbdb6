"""The Leerbedrijf profile and its status history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieModel
from core.models import TimeStampedModel
from kwalificaties.constants import Sector
from kwalificaties.models import Werkproces
from leerbedrijven.constants import (
    TRANSITIONS,
    Baancreatie,
    LeerbedrijfSoort,
    LeerbedrijfStatus,
)
from leerbedrijven.querysets import LeerbedrijfQuerySet
from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio, Organisatie
from organisaties.scoping import Zichtbaarheid


class Leerbedrijf(VersieModel, TimeStampedModel):
    """The recruitment profile of an employer; naam and KvK-nummer live on its
    Organisatie, which is also what its medewerkers (praktijkopleiders) belong to."""

    organisatie = models.OneToOneField(
        Organisatie,
        models.PROTECT,
        related_name="leerbedrijf",
        verbose_name=_("organisatie"),
    )
    regio = models.ForeignKey(
        Arbeidsmarktregio,
        models.PROTECT,
        related_name="leerbedrijven",
        verbose_name=_("arbeidsmarktregio"),
        help_text=_("De regio waar het bedrijf gevestigd is."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector)
    soort = models.CharField(
        _("soort werkgever"),
        max_length=20,
        choices=LeerbedrijfSoort,
        default=LeerbedrijfSoort.REGULIER,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=LeerbedrijfStatus,
        default=LeerbedrijfStatus.BENADERD,
    )
    biedt_springplank = models.BooleanField(
        _("biedt springplanklocatie"),
        default=False,
        help_text=_(
            "Een tijdelijke plek om te leren en werkervaring op te doen, als opstap "
            "naar ander werk."
        ),
    )
    biedt_duurzaam = models.BooleanField(
        _("biedt duurzame plaatsing"),
        default=False,
        help_text=_("De kandidaat kan na het leren bij dit bedrijf blijven werken."),
    )
    baancreatie = models.CharField(
        _("baancreatie"),
        max_length=20,
        choices=Baancreatie,
        default=Baancreatie.GEEN,
        help_text=_(
            "Jobcarving: taken uit bestaande functies halen voor één persoon. "
            "Functiecreatie: nieuwe functies maken voor een groep, zoals groenhulp."
        ),
    )
    werkprocessen = models.ManyToManyField(
        Werkproces,
        blank=True,
        related_name="leerbedrijven",
        verbose_name=_("werkprocessen"),
        help_text=_("Wat kan een kandidaat hier leren?"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    objects = LeerbedrijfQuerySet.as_manager()

    # Employer recruitment is shared by gemeente and UWV in a region, so every role
    # but the praktijkopleider sees all leerbedrijven of its regions; a praktijkopleider
    # sees their own company, and anyone linked as contactpersoon with an account.
    zichtbaarheid = Zichtbaarheid(
        regio="regio",
        organisaties=("organisatie",),
        personen=("contactpersonen__account",),
        regiobreed=frozenset(Rol.values) - {Rol.PRAKTIJKOPLEIDER},
        organisatie_rollen=frozenset(Rol.values),
    )

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = _("leerbedrijf")
        verbose_name_plural = _("leerbedrijven")
        constraints = [
            models.CheckConstraint(
                condition=Q(sector__in=Sector.values), name="leerbedrijf_sector_geldig"
            ),
            models.CheckConstraint(
                condition=Q(soort__in=LeerbedrijfSoort.values),
                name="leerbedrijf_soort_geldig",
            ),
            models.CheckConstraint(
                condition=Q(status__in=LeerbedrijfStatus.values),
                name="leerbedrijf_status_geldig",
            ),
            models.CheckConstraint(
                condition=Q(baancreatie__in=Baancreatie.values),
                name="leerbedrijf_baancreatie_geldig",
            ),
        ]

    def __str__(self):
        return self.organisatie.naam

    def get_absolute_url(self):
        return reverse("leerbedrijven:leerbedrijf_detail", args=[self.pk])

    @property
    def naam(self) -> str:
        return self.organisatie.naam

    @property
    def kvk_nummer(self) -> str:
        return self.organisatie.kvk_nummer

    def volgende_statussen(self) -> list[str]:
        """The statuses this leerbedrijf may move to, in the order of the choices."""
        return [s for s in LeerbedrijfStatus.values if s in TRANSITIONS[self.status]]


class LeerbedrijfStatuswijziging(models.Model):
    """One status change of a leerbedrijf (the first row has an empty `van`)."""

    leerbedrijf = models.ForeignKey(
        Leerbedrijf,
        models.CASCADE,
        related_name="statuswijzigingen",
        verbose_name=_("leerbedrijf"),
    )
    van = models.CharField(
        _("van"), max_length=20, choices=LeerbedrijfStatus, blank=True
    )
    naar = models.CharField(_("naar"), max_length=20, choices=LeerbedrijfStatus)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), auto_now_add=True)
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(naar__in=LeerbedrijfStatus.values)
                & (Q(van="") | Q(van__in=LeerbedrijfStatus.values)),
                name="leerbedrijfstatuswijziging_status_geldig",
            ),
        ]

    def __str__(self):
        return f"{self.get_van_display() or '—'} → {self.get_naar_display()}"
