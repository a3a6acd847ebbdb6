"""The Checklist regionale samenwerking: questions as data, and every filled scan of a
region as a dated version that is never changed (only its 'gedeeld' switch)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from organisaties.constants import Rol
from organisaties.scoping import Zichtbaarheid, ZichtbaarQuerySet

from .constants import EERSTE_FASE, LAATSTE_FASE, Vraagsoort


class Thema(models.Model):
    """A part of the checklist, e.g. "Werkwijze" or "Afspraken in de regio"."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    uitleg = models.CharField(_("uitleg"), max_length=500, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = _("thema van de samenwerkingsscan")
        verbose_name_plural = _("thema's van de samenwerkingsscan")

    def __str__(self):
        return self.naam


class Vraag(models.Model):
    """One question. A 'fase' question is a dimension of the maturity table: its
    answer options are the five stages; an 'open' question asks for an agreement."""

    thema = models.ForeignKey(
        Thema, models.PROTECT, related_name="vragen", verbose_name=_("thema")
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    soort = models.CharField(_("soort"), max_length=10, choices=Vraagsoort)
    tekst = models.CharField(_("vraag"), max_length=300)
    uitleg = models.CharField(_("uitleg bij de vraag"), max_length=500, blank=True)
    verplicht = models.BooleanField(_("verplicht"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Een vraag die niet actief is, staat niet meer in een nieuwe scan. "
            "Oude scans houden hun antwoord."
        ),
    )

    class Meta:
        ordering = ["thema__volgorde", "thema", "volgorde", "pk"]
        verbose_name = _("vraag van de samenwerkingsscan")
        verbose_name_plural = _("vragen van de samenwerkingsscan")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=Vraagsoort.values), name="scanvraag_soort_geldig"
            ),
        ]

    def __str__(self):
        return self.tekst

    @property
    def is_fase(self) -> bool:
        return self.soort == Vraagsoort.FASE


class Antwoordoptie(models.Model):
    """One stage of a dimension: its number (1 to 5), name and description."""

    vraag = models.ForeignKey(
        Vraag, models.CASCADE, related_name="opties", verbose_name=_("vraag")
    )
    fase = models.PositiveSmallIntegerField(
        _("fase"), help_text=_("1 (laagste) tot en met 5 (hoogste).")
    )
    titel = models.CharField(_("naam van de fase"), max_length=150)
    beschrijving = models.TextField(_("beschrijving"), max_length=1000)

    class Meta:
        ordering = ["vraag", "fase"]
        verbose_name = _("antwoord (fase)")
        verbose_name_plural = _("antwoorden (fases)")
        constraints = [
            models.UniqueConstraint(
                fields=["vraag", "fase"], name="antwoordoptie_fase_uniek"
            ),
            models.CheckConstraint(
                condition=Q(fase__gte=EERSTE_FASE, fase__lte=LAATSTE_FASE),
                name="antwoordoptie_fase_1_tot_5",
            ),
        ]

    def __str__(self):
        return f"{self.fase}. {self.titel}"


class ScanQuerySet(ZichtbaarQuerySet):
    pass


class Scan(TimeStampedModel):
    """One filled checklist of a region: a version, never changed afterwards.

    The region's coordinators see every version; a version with `gedeeld` is also
    readable (never changeable) by the coordinators of other regions."""

    regio = models.ForeignKey(
        "organisaties.Arbeidsmarktregio",
        models.PROTECT,
        related_name="samenwerkingsscans",
        verbose_name=_("arbeidsmarktregio"),
    )
    versie = models.PositiveSmallIntegerField(_("versie"))
    ingevuld_op = models.DateTimeField(_("ingevuld op"), default=timezone.now)
    ingevuld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("ingevuld door"),
    )
    gedeeld = models.BooleanField(
        _("gedeeld met andere regio's"),
        default=False,
        help_text=_(
            "Regiocoördinatoren van andere regio's mogen deze versie lezen, niet wijzigen."
        ),
    )

    # The coordinators of the region; nobody else by region or organisation.
    zichtbaarheid = Zichtbaarheid(
        regio="regio",
        regiobreed=frozenset({Rol.REGIOCOORDINATOR}),
        organisatie_rollen=frozenset(),
    )
    objects = ScanQuerySet.as_manager()

    class Meta:
        ordering = ["regio", "-versie"]
        verbose_name = _("samenwerkingsscan")
        verbose_name_plural = _("samenwerkingsscans")
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "versie"], name="samenwerkingsscan_versie_uniek"
            ),
            models.CheckConstraint(
                condition=Q(versie__gte=1), name="samenwerkingsscan_versie_positief"
            ),
        ]

    def __str__(self):
        return f"Samenwerkingsscan {self.regio} versie {self.versie}"

    def get_absolute_url(self):
        return reverse("samenwerking:scan_detail", args=[self.pk])


class ScanAntwoord(models.Model):
    """An answer in a scan; keeps the question and the stage as they were asked, so
    an old version reads the same after the beheerder changed the questions."""

    scan = models.ForeignKey(Scan, models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(Vraag, models.PROTECT, related_name="+")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    thema = models.CharField(_("thema"), max_length=120)
    soort = models.CharField(_("soort"), max_length=10, choices=Vraagsoort)
    vraag_tekst = models.CharField(_("vraag"), max_length=300)
    optie = models.ForeignKey(
        Antwoordoptie, models.PROTECT, null=True, blank=True, related_name="+"
    )
    fase = models.PositiveSmallIntegerField(_("fase"), null=True, blank=True)
    fase_titel = models.CharField(_("naam van de fase"), max_length=150, blank=True)
    tekst = models.TextField(_("antwoord of toelichting"), max_length=2000, blank=True)

    class Meta:
        ordering = ["scan", "volgorde"]
        verbose_name = _("antwoord in een samenwerkingsscan")
        verbose_name_plural = _("antwoorden in een samenwerkingsscan")
        constraints = [
            models.UniqueConstraint(
                fields=["scan", "vraag"], name="scanantwoord_vraag_uniek"
            ),
            # A stage answer has its option and number; an open answer has neither.
            models.CheckConstraint(
                condition=(
                    Q(
                        soort=Vraagsoort.FASE,
                        optie__isnull=False,
                        fase__gte=EERSTE_FASE,
                        fase__lte=LAATSTE_FASE,
                    )
                    | Q(soort=Vraagsoort.OPEN, optie__isnull=True, fase__isnull=True)
                ),
                name="scanantwoord_fase_of_open",
            ),
        ]

    def __str__(self):
        if self.soort == Vraagsoort.FASE:
            return f"{self.vraag_tekst}: fase {self.fase} ({self.fase_titel})"
        return f"{self.vraag_tekst}: {self.tekst[:60]}"
