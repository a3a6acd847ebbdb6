from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersieModel
from core.models import BasisContactmoment, TimeStampedModel
from core.validators import validate_niet_in_toekomst, validate_postcode
from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio, Organisatie
from organisaties.scoping import Zichtbaarheid, ZichtbaarQuerySet

from .constants import (
    Bron,
    ContactSoort,
    Fase,
    GebeurtenisSoort,
    Opleiding,
    Startkwalificatie,
    Uitkering,
    WerkfitFase,
)


def validate_geboortedatum(value: date) -> None:
    vandaag = timezone.localdate()
    if value > vandaag:
        raise ValidationError(_("Een geboortedatum kan niet in de toekomst liggen."))
    if value.year < vandaag.year - 100:
        raise ValidationError(
            _("Controleer het jaar: deze geboortedatum is te lang geleden.")
        )


class KandidaatQuerySet(ZichtbaarQuerySet):
    pass


class Kandidaat(VersieModel, TimeStampedModel):
    """A candidate for praktijkleren: the intake and where they are in the process."""

    # --- person ---
    voornaam = models.CharField(_("voornaam"), max_length=100)
    achternaam = models.CharField(_("achternaam"), max_length=100)
    geboortedatum = models.DateField(
        _("geboortedatum"), validators=[validate_geboortedatum]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, validators=[validate_postcode]
    )
    woonplaats = models.CharField(_("gemeente"), max_length=100)
    # Only when the installation turns BSN on (KANDIDAAT_BSN_AAN); encrypted at rest.
    bsn_versleuteld = models.BinaryField(_("BSN (versleuteld)"), null=True, blank=True)

    # --- case ---
    regio = models.ForeignKey(
        Arbeidsmarktregio,
        models.PROTECT,
        related_name="kandidaten",
        verbose_name=_("regio"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        models.PROTECT,
        related_name="kandidaten",
        verbose_name=_("verwijzende organisatie"),
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="caseload",
        verbose_name=_("consulent"),
    )
    jobcoach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobcoach_van",
        verbose_name=_("jobcoach"),
    )
    fase = models.CharField(
        _("fase"), max_length=20, choices=Fase, default=Fase.AANGEMELD
    )

    # --- background ---
    bron = models.CharField(_("aangemeld door"), max_length=20, choices=Bron)
    uitkering = models.CharField(_("uitkering"), max_length=20, choices=Uitkering)
    hoogste_opleiding = models.CharField(
        _("hoogste opleiding"), max_length=20, choices=Opleiding
    )
    startkwalificatie = models.CharField(
        _("startkwalificatie"), max_length=20, choices=Startkwalificatie
    )
    startkwalificatie_motivatie = models.TextField(
        _("waarom toch praktijkleren?"),
        blank=True,
        help_text=_("Verplicht als de kandidaat al een startkwalificatie heeft."),
    )
    arbeidsbeperking = models.BooleanField(_("arbeidsbeperking"), default=False)
    statushouder = models.BooleanField(_("statushouder"), default=False)
    laaggeletterd = models.BooleanField(_("laaggeletterd"), default=False)
    voortijdig_schoolverlater = models.BooleanField(
        _("voortijdig schoolverlater"), default=False
    )
    pro_vso = models.BooleanField(
        _("achtergrond praktijkonderwijs of vso"), default=False
    )
    in_traject_bij_intake = models.BooleanField(
        _("zit al in een traject"), default=False
    )
    werkt_bij_intake = models.BooleanField(_("heeft al werk"), default=False)
    lopend_toelichting = models.CharField(
        _("welk traject of werk?"), max_length=200, blank=True
    )
    werkfit_fase = models.CharField(
        _("werkfit"), max_length=20, choices=WerkfitFase, blank=True
    )
    wens_sector = models.CharField(_("gewenste sector"), max_length=100, blank=True)
    wens_beroep = models.CharField(
        _("gewenst beroep of werk"), max_length=100, blank=True
    )

    # --- consent (AVG) ---
    toestemming_op = models.DateField(
        _("toestemming gegeven op"), validators=[validate_niet_in_toekomst]
    )
    toestemming_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("toestemming vastgelegd door"),
    )
    # Set when the retention period ended or an erasure request was honoured
    # (bewaartermijnen): the personal fields are emptied, ids and facts stay.
    geanonimiseerd_op = models.DateTimeField(
        _("geanonimiseerd op"), null=True, blank=True, editable=False
    )

    objects = KandidaatQuerySet.as_manager()

    # The referring organisation's staff, the own consulent and jobcoach, and the
    # coordinator of the region. A functioneel beheerder manages the system, not
    # cases, and does not see candidates.
    zichtbaarheid = Zichtbaarheid(
        regio="regio",
        organisaties=("organisatie",),
        personen=("consulent", "jobcoach"),
        regiobreed=frozenset({Rol.REGIOCOORDINATOR}),
        organisatie_rollen=frozenset(
            {Rol.CONSULENT, Rol.JOBCOACH, Rol.MBO_MEDEWERKER, Rol.REGIOCOORDINATOR}
        ),
    )

    class Meta:
        ordering = ["achternaam", "voornaam"]
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        permissions = [
            ("view_team", _("Kan het teamoverzicht van de regio zien")),
            # Background, timeline and advice; a praktijkopleider only sees the person
            # and the placement.
            ("view_dossier", _("Kan het volledige dossier van een kandidaat zien")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(fase__in=Fase.values), name="kandidaat_fase_geldig"
            ),
            models.CheckConstraint(
                condition=~Q(startkwalificatie=Startkwalificatie.JA)
                | ~Q(startkwalificatie_motivatie=""),
                name="kandidaat_startkwalificatie_motivatie",
                violation_error_message=_(
                    "Leg uit waarom praktijkleren past, als de kandidaat al een "
                    "startkwalificatie heeft."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["regio", "fase"]),
            models.Index(fields=["consulent", "fase"]),
            # The dashboards' period filter (intake date) within a region and across
            # all regions (the comparison), without reading every candidate.
            models.Index(
                fields=["regio", "toestemming_op"], name="kandidaat_regio_intake_idx"
            ),
            # The caseload's order: a page of 50 is read from the index, not sorted
            # out of every candidate in scope.
            models.Index(
                fields=["achternaam", "voornaam", "id"], name="kandidaat_naam_idx"
            ),
        ]

    def __str__(self):
        return f"{self.voornaam} {self.achternaam}"

    def get_absolute_url(self):
        return reverse("kandidaten:kandidaat_detail", args=[self.pk])

    @property
    def leeftijd(self) -> int:
        vandaag = timezone.localdate()
        g = self.geboortedatum
        return vandaag.year - g.year - ((vandaag.month, vandaag.day) < (g.month, g.day))

    @property
    def bsn_gemaskeerd(self) -> str:
        """The BSN as '******123', or '' when none is stored."""
        if not self.bsn_versleuteld:
            return ""
        from core.crypto import ontsleutel

        return "******" + ontsleutel(self.bsn_versleuteld)[-3:]

    @property
    def doelgroepen(self) -> list[str]:
        velden = [
            "arbeidsbeperking",
            "statushouder",
            "laaggeletterd",
            "voortijdig_schoolverlater",
            "pro_vso",
        ]
        return [
            str(self._meta.get_field(v).verbose_name)
            for v in velden
            if getattr(self, v)
        ]


class Contactmoment(BasisContactmoment):
    eigenaar = "kandidaat"

    kandidaat = models.ForeignKey(
        Kandidaat,
        models.CASCADE,
        related_name="contactmomenten",
        verbose_name=_("kandidaat"),
    )
    soort = models.CharField(_("soort contact"), max_length=20, choices=ContactSoort)

    class Meta:
        ordering = ["-datum", "-created_at"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        constraints = [
            models.CheckConstraint(
                condition=BasisContactmoment.ACTIE_HEEFT_DATUM,
                name="kandidaat_contact_actie_heeft_datum",
                violation_error_message=_("Kies een datum voor de volgende actie."),
            ),
        ]
        indexes = [
            # The team view counts candidates without contact in the last 30 days:
            # an index-only range scan instead of reading every contact moment.
            models.Index(
                fields=["datum", "kandidaat"], name="kandidaat_contact_datum_idx"
            ),
        ]


class Gebeurtenis(models.Model):
    """One entry in a candidate's timeline. Every app writes here through
    `services.gebeurtenis_vastleggen`; the candidate page reads only this log."""

    kandidaat = models.ForeignKey(
        Kandidaat,
        models.CASCADE,
        related_name="gebeurtenissen",
        verbose_name=_("kandidaat"),
    )
    op = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=GebeurtenisSoort)
    titel = models.CharField(_("wat"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")

    def __str__(self):
        return self.titel
