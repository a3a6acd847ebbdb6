"""Attendance per placement and ISO week, and the progress meetings of a traject.

Subsidy and regional funding ask per traject for an attendance register at the
leerbedrijf and proof of guidance: the praktijkopleider confirms each week's hours
(`Aanwezigheid`, corrections kept in `AanwezigheidCorrectie`), and every few weeks a
three-party `Voortgangsgesprek` is recorded and signed.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieModel
from core.models import TimeStampedModel

from .constants import (
    MAX_UREN_PER_WEEK,
    STANDAARD_GESPREK_WEKEN,
    AfwezigheidReden,
    GesprekPartij,
)

ENIGE_RIJ = 1
UREN_VALIDATORS = [MinValueValidator(0), MaxValueValidator(MAX_UREN_PER_WEEK)]


def _uren_veld(label):
    return models.DecimalField(
        label, max_digits=3, decimal_places=1, validators=UREN_VALIDATORS
    )


class VoortgangInstellingen(models.Model):
    """One row (pk 1) the functioneel beheerder keeps in the admin."""

    gesprek_weken = models.PositiveSmallIntegerField(
        _("voortgangsgesprek elke zoveel weken"),
        default=STANDAARD_GESPREK_WEKEN,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
        help_text=_(
            "Hoe vaak kandidaat, praktijkopleider en consulent samen de voortgang "
            "bespreken. Een consulent kan het per traject anders instellen."
        ),
    )

    class Meta:
        verbose_name = _("instellingen voor voortgang")
        verbose_name_plural = _("instellingen voor voortgang")
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=ENIGE_RIJ), name="voortgangsinstellingen_een_rij"
            ),
            models.CheckConstraint(
                condition=Q(gesprek_weken__gte=1, gesprek_weken__lte=26),
                name="voortgangsinstellingen_weken_1_26",
            ),
        ]

    def __str__(self):
        return str(_("Instellingen voor voortgang"))

    @classmethod
    def huidig(cls) -> "VoortgangInstellingen":
        return cls.objects.filter(pk=ENIGE_RIJ).first() or cls(pk=ENIGE_RIJ)


class Gespreksritme(TimeStampedModel):
    """A traject's own rhythm of progress meetings (else the beheerder's default)."""

    traject = models.OneToOneField(
        "trajecten.Traject", models.CASCADE, related_name="gespreksritme"
    )
    weken = models.PositiveSmallIntegerField(
        _("elke zoveel weken"), validators=[MinValueValidator(1), MaxValueValidator(26)]
    )

    class Meta:
        verbose_name = _("gespreksritme")
        verbose_name_plural = _("gespreksritmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(weken__gte=1, weken__lte=26), name="gespreksritme_1_26"
            )
        ]

    def __str__(self):
        return f"{self.traject}: {self.weken}"


class Aanwezigheid(VersieModel, TimeStampedModel):
    """The hours a candidate worked at the placement's leerbedrijf in one ISO week,
    confirmed by the praktijkopleider. `week` is the Monday of that week."""

    plaatsing = models.ForeignKey(
        "trajecten.Plaatsing", models.CASCADE, related_name="aanwezigheden"
    )
    week = models.DateField(_("week (maandag)"))
    gepland_uren = _uren_veld(_("geplande uren"))
    gewerkt_uren = _uren_veld(_("gewerkte uren"))
    afwezigheid_reden = models.CharField(
        _("reden van afwezigheid"), max_length=20, choices=AfwezigheidReden, blank=True
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("bevestigd door"),
    )
    bevestigd_op = models.DateTimeField(_("bevestigd op"))

    class Meta:
        ordering = ["plaatsing", "week"]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["plaatsing", "week"], name="aanwezigheid_een_per_week"
            ),
            models.CheckConstraint(
                condition=Q(week__iso_week_day=1), name="aanwezigheid_week_is_maandag"
            ),
            models.CheckConstraint(
                condition=Q(
                    gewerkt_uren__gte=0,
                    gewerkt_uren__lte=MAX_UREN_PER_WEEK,
                    gepland_uren__gte=0,
                    gepland_uren__lte=MAX_UREN_PER_WEEK,
                ),
                name="aanwezigheid_uren_0_60",
            ),
            models.CheckConstraint(
                condition=Q(gewerkt_uren__gte=F("gepland_uren"))
                | ~Q(afwezigheid_reden=""),
                name="aanwezigheid_minder_uren_met_reden",
                violation_error_message=_(
                    "Minder uren dan gepland: kies een reden van afwezigheid."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.plaatsing} {self.iso_week}: {self.gewerkt_uren}"

    @property
    def iso_week(self) -> str:
        jaar, nummer, _dag = self.week.isocalendar()
        return f"{jaar}-W{nummer:02d}"

    @property
    def afwezig_uren(self):
        return max(self.gepland_uren - self.gewerkt_uren, 0)


class AanwezigheidCorrectie(models.Model):
    """A change of a confirmed week: the old and new values and why."""

    aanwezigheid = models.ForeignKey(
        Aanwezigheid, models.CASCADE, related_name="correcties"
    )
    oud_uren = _uren_veld(_("oude uren"))
    nieuw_uren = _uren_veld(_("nieuwe uren"))
    oud_reden = models.CharField(max_length=20, choices=AfwezigheidReden, blank=True)
    nieuw_reden = models.CharField(max_length=20, choices=AfwezigheidReden, blank=True)
    reden = models.CharField(_("waarom gecorrigeerd"), max_length=300)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    op = models.DateTimeField(_("op"))

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("correctie van aanwezigheid")
        verbose_name_plural = _("correcties van aanwezigheid")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reden=""), name="aanwezigheidcorrectie_met_reden"
            )
        ]

    def __str__(self):
        return f"{self.aanwezigheid}: {self.oud_uren} -> {self.nieuw_uren}"


class Voortgangsgesprek(TimeStampedModel):
    """A progress meeting of candidate, praktijkopleider and consulent."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="voortgangsgesprekken"
    )
    datum = models.DateField(_("datum van het gesprek"))
    kandidaat_aanwezig = models.BooleanField(_("kandidaat was erbij"), default=True)
    praktijkopleider_aanwezig = models.BooleanField(
        _("praktijkopleider was erbij"), default=True
    )
    consulent_aanwezig = models.BooleanField(_("consulent was erbij"), default=True)
    anderen_aanwezig = models.CharField(_("ook aanwezig"), max_length=200, blank=True)
    goed_ging = models.TextField(_("wat ging goed"))
    afspraken = models.TextField(_("afspraken"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("voortgangsgesprek")
        verbose_name_plural = _("voortgangsgesprekken")

    def __str__(self):
        return f"{self.traject}: {self.datum:%d-%m-%Y}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("voortgang:gesprek", args=[self.pk])

    @property
    def aanwezigen(self) -> str:
        namen = [
            str(naam)
            for aanwezig, naam in (
                (self.kandidaat_aanwezig, _("kandidaat")),
                (self.praktijkopleider_aanwezig, _("praktijkopleider")),
                (self.consulent_aanwezig, _("consulent")),
                (bool(self.anderen_aanwezig), self.anderen_aanwezig),
            )
            if aanwezig
        ]
        return ", ".join(namen) or "—"


class GesprekOndertekening(models.Model):
    """One party's signature. The candidate's is, for now, on paper: the consulent
    ticks it (`op_papier`, with the date on the paper); later the candidate signs in
    their own view (then `door` stays empty and `op_papier` false)."""

    gesprek = models.ForeignKey(
        Voortgangsgesprek, models.CASCADE, related_name="ondertekeningen"
    )
    partij = models.CharField(_("partij"), max_length=20, choices=GesprekPartij)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    op_papier = models.BooleanField(_("op papier getekend"), default=False)
    getekend_op = models.DateField(_("getekend op"))
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ondertekening van een voortgangsgesprek")
        verbose_name_plural = _("ondertekeningen van voortgangsgesprekken")
        constraints = [
            models.UniqueConstraint(
                fields=["gesprek", "partij"], name="gesprekondertekening_een_per_partij"
            ),
            # Praktijkopleider and consulent sign as themselves in the portal.
            models.CheckConstraint(
                condition=Q(partij=GesprekPartij.KANDIDAAT)
                | Q(door__isnull=False, op_papier=False),
                name="gesprekondertekening_zelf_getekend",
            ),
        ]

    def __str__(self):
        return f"{self.gesprek}: {self.get_partij_display()}"


class GesprekActie(TimeStampedModel):
    """An action agreed in a meeting, with an owner and a due date."""

    gesprek = models.ForeignKey(
        Voortgangsgesprek, models.CASCADE, related_name="acties"
    )
    omschrijving = models.CharField(_("actie"), max_length=200)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="gesprek_acties",
        verbose_name=_("wie"),
    )
    uiterlijk_op = models.DateField(_("uiterlijk op"))
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["uiterlijk_op", "pk"]
        verbose_name = _("actie uit een voortgangsgesprek")
        verbose_name_plural = _("acties uit voortgangsgesprekken")

    def __str__(self):
        return self.omschrijving
