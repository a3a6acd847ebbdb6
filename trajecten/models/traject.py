from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieModel
from core.datums import plus_maanden
from core.models import TimeStampedModel
from leerbedrijven.constants import Baancreatie
from organisaties.constants import Rol
from organisaties.scoping import Zichtbaarheid, ZichtbaarQuerySet
from trajecten.constants import (
    ACTIEVE_STATUSSEN,
    REGELING_MAX_MAANDEN,
    TRANSITIONS,
    Plaatsingstype,
    Regeling,
    Routefase,
    TrajectStatus,
    UitvalReden,
)


class TrajectQuerySet(ZichtbaarQuerySet):
    pass


class Traject(VersieModel, TimeStampedModel):
    """One route of a candidate towards a praktijkverklaring, from placement to follow-up."""

    kandidaat = models.ForeignKey(
        "kandidaten.Kandidaat",
        models.PROTECT,
        related_name="trajecten",
        verbose_name=_("kandidaat"),
    )
    advies = models.ForeignKey(
        "trajecten.Advies",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="trajecten",
        verbose_name=_("advies"),
    )
    kwalificatie = models.ForeignKey(
        "kwalificaties.Kwalificatie",
        models.PROTECT,
        related_name="+",
        verbose_name=_("kwalificatie"),
    )
    werkprocessen = models.ManyToManyField(
        "kwalificaties.Werkproces",
        related_name="+",
        verbose_name=_("werkprocessen"),
    )
    mbo_instelling = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        related_name="trajecten_als_mbo",
        verbose_name=_("mbo-instelling"),
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="trajecten_als_consulent",
        verbose_name=_("consulent"),
    )
    jobcoach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajecten_als_jobcoach",
        verbose_name=_("jobcoach"),
    )
    startdatum = models.DateField(_("startdatum"))
    geplande_einddatum = models.DateField(_("geplande einddatum"))
    einddatum = models.DateField(_("werkelijke einddatum"), null=True, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    plaatsingstype = models.CharField(
        _("soort plaatsing"), max_length=20, choices=Plaatsingstype
    )
    baancreatie = models.CharField(
        _("baancreatie"), max_length=20, choices=Baancreatie, default=Baancreatie.GEEN
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=TrajectStatus,
        default=TrajectStatus.PLAATSING_VOORBEREID,
    )
    uitval_reden = models.CharField(
        _("reden van uitval"), max_length=20, choices=UitvalReden, blank=True
    )
    # The process puts the Checklist inclusief advies before placement: a traject
    # started without an advice says why (trajecten.services.traject_starten).
    zonder_advies_reden = models.TextField(
        _("waarom zonder advies?"), max_length=1000, blank=True
    )

    objects = TrajectQuerySet.as_manager()

    # The team of the traject: the referring organisation (through the candidate), the
    # mbo-instelling, the leerbedrijven of its placements; in person the consulent,
    # jobcoach and the praktijkopleiders of its placements.
    zichtbaarheid = Zichtbaarheid(
        regio="kandidaat__regio",
        organisaties=("kandidaat__organisatie", "mbo_instelling"),
        personen=("consulent", "jobcoach", "plaatsingen__praktijkopleider__account"),
        regiobreed=frozenset({Rol.REGIOCOORDINATOR}),
        organisatie_rollen=frozenset(
            {Rol.CONSULENT, Rol.JOBCOACH, Rol.MBO_MEDEWERKER, Rol.REGIOCOORDINATOR}
        ),
    )

    class Meta:
        ordering = ["-startdatum", "-pk"]
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TrajectStatus.values),
                name="traject_status_geldig",
            ),
            models.CheckConstraint(
                condition=Q(geplande_einddatum__gt=F("startdatum")),
                name="traject_einde_na_start",
                violation_error_message=_("De einddatum moet na de startdatum liggen."),
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__gte=1, uren_per_week__lte=40),
                name="traject_uren_1_40",
            ),
            models.CheckConstraint(
                condition=~Q(status=TrajectStatus.UITGEVALLEN) | ~Q(uitval_reden=""),
                name="traject_uitval_heeft_reden",
            ),
            models.CheckConstraint(
                condition=~Q(
                    status__in=[TrajectStatus.AFGESLOTEN, TrajectStatus.UITGEVALLEN]
                )
                | Q(einddatum__isnull=False),
                name="traject_einde_heeft_datum",
            ),
        ]
        indexes = [
            # The list's order (newest start first): a page is read from the index
            # instead of sorting every traject in scope.
            models.Index(fields=["-startdatum", "-id"], name="traject_lijst_idx"),
        ]

    def __str__(self):
        return f"{self.kandidaat} · {self.kwalificatie.naam}"

    def get_absolute_url(self):
        return reverse("trajecten:traject_detail", args=[self.pk])

    def volgende_statussen(self) -> set[str]:
        return TRANSITIONS[self.status]

    def moet_actief_zijn(self) -> None:
        """Placements, funding and agreements only change while the traject is
        active: a ValidationError (Dutch) otherwise."""
        if self.status not in ACTIEVE_STATUSSEN:
            raise ValidationError(
                _("Dit traject is %s: er kan niets meer aan worden veranderd.")
                % self.get_status_display().lower()
            )


class TrajectStatuswijziging(models.Model):
    traject = models.ForeignKey(
        Traject, models.CASCADE, related_name="statuswijzigingen"
    )
    van = models.CharField(_("van"), max_length=30, choices=TrajectStatus, blank=True)
    naar = models.CharField(_("naar"), max_length=30, choices=TrajectStatus)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    op = models.DateTimeField(_("wanneer"), auto_now_add=True)
    reden = models.CharField(_("waarom"), max_length=300, blank=True)

    class Meta:
        ordering = ["-op", "-pk"]

    def __str__(self):
        return f"{self.get_van_display() or '—'} → {self.get_naar_display()}"


class Plaatsing(TimeStampedModel):
    """A period at one leerbedrijf within the traject (e.g. werkfit first, then the employer)."""

    traject = models.ForeignKey(Traject, models.CASCADE, related_name="plaatsingen")
    leerbedrijf = models.ForeignKey(
        "leerbedrijven.Leerbedrijf",
        models.PROTECT,
        related_name="plaatsingen",
        verbose_name=_("leerbedrijf"),
    )
    vestiging = models.ForeignKey(
        "leerbedrijven.Vestiging",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vestiging"),
    )
    praktijkopleider = models.ForeignKey(
        "leerbedrijven.Contactpersoon",
        models.PROTECT,
        related_name="plaatsingen",
        verbose_name=_("praktijkopleider"),
    )
    routefase = models.CharField(
        _("fase van de route"),
        max_length=20,
        choices=Routefase,
        default=Routefase.PRAKTIJKLEREN,
    )
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))

    class Meta:
        ordering = ["startdatum", "pk"]
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gt=F("startdatum")),
                name="plaatsing_einde_na_start",
                violation_error_message=_("De einddatum moet na de startdatum liggen."),
            ),
        ]

    def __str__(self):
        return f"{self.leerbedrijf} ({self.get_routefase_display()})"

    def clean(self):
        # The constraint's message, but next to the end date in a form.
        if self.startdatum and self.einddatum and self.einddatum <= self.startdatum:
            raise ValidationError(
                {"einddatum": _("De einddatum moet na de startdatum liggen.")}
            )


class Financiering(TimeStampedModel):
    """Who pays what for (a phase of) the traject."""

    traject = models.ForeignKey(Traject, models.CASCADE, related_name="financieringen")
    regeling = models.CharField(_("regeling"), max_length=30, choices=Regeling)
    routefase = models.CharField(
        _("voor de fase"),
        max_length=20,
        choices=Routefase,
        blank=True,
        help_text=_("Leeg: voor het hele traject."),
    )
    betaler = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie betaalt"),
    )
    bedrag_mbo = models.DecimalField(
        _("bedrag mbo-kosten (euro)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    bedrag_werkgever = models.DecimalField(
        _("vergoeding werkgever (euro)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("financiering")
        verbose_name_plural = _("financieringen")
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag_mbo__gte=0, bedrag_werkgever__gte=0),
                name="financiering_bedragen_positief",
            ),
        ]

    def __str__(self):
        return self.get_regeling_display()

    @property
    def max_maanden(self) -> int | None:
        """The scheme's maximum duration in months (None: no maximum)."""
        return REGELING_MAX_MAANDEN.get(self.regeling)

    def regeling_einde(self) -> date | None:
        """The last day the scheme pays for: its maximum duration from the traject's
        start; None for a scheme without a maximum. The traject page's warning and the
        reminder 'regeling_maximum' both count with it."""
        if not self.max_maanden:
            return None
        return plus_maanden(self.traject.startdatum, self.max_maanden)
