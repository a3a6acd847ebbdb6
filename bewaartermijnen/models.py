"""The retention periods (one row of settings) and the record of each anonymisation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ENIGE_RIJ = 1


class Bewaartermijnen(models.Model):
    """One row (pk 1, a database constraint) of retention periods per category. The
    functioneel beheerder changes them in the admin and reads them on the page
    *Bewaartermijnen*; the daily task `bewaartermijnen_toepassen` applies them. The
    defaults and why are in the README (section Bewaartermijnen)."""

    kandidaat_jaren = models.PositiveSmallIntegerField(
        _("kandidaat met traject: jaren"),
        default=2,
        help_text=_(
            "Zoveel jaar na de uitkomst of de laatste nameting van het laatste traject "
            "worden de persoonsgegevens van de kandidaat geanonimiseerd."
        ),
    )
    aanmelding_maanden = models.PositiveSmallIntegerField(
        _("aanmelding zonder traject: maanden"),
        default=12,
        help_text=_(
            "Zoveel maanden na het laatste contact worden de gegevens van een "
            "kandidaat die nooit een traject had geanonimiseerd."
        ),
    )
    audit_jaren = models.PositiveSmallIntegerField(
        _("audittrail: jaren"),
        default=5,
        help_text=_("Regels in de audittrail die ouder zijn, worden verwijderd."),
    )
    meldingen_dagen = models.PositiveSmallIntegerField(
        _("meldingen: dagen"),
        default=90,
        help_text=_("Meldingen die ouder zijn, worden verwijderd."),
    )
    sessies_dagen = models.PositiveSmallIntegerField(
        _("tijdelijke gegevens: dagen"),
        default=1,
        help_text=_(
            "Voorbeelden van imports en formuliersleutels worden na zoveel dagen "
            "verwijderd. Verlopen sessies gaan meteen."
        ),
    )

    class Meta:
        verbose_name = _("bewaartermijnen")
        verbose_name_plural = _("bewaartermijnen")
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=ENIGE_RIJ), name="bewaartermijnen_een_rij"
            ),
            # A period of zero would anonymise a candidate the day their traject ends.
            models.CheckConstraint(
                condition=Q(kandidaat_jaren__gte=1)
                & Q(aanmelding_maanden__gte=1)
                & Q(audit_jaren__gte=1)
                & Q(meldingen_dagen__gte=1)
                & Q(sessies_dagen__gte=1),
                name="bewaartermijnen_minstens_een",
                violation_error_message=_("Een bewaartermijn is minstens 1."),
            ),
        ]
        permissions = [
            ("anonimiseren", _("Kan een kandidaat op verzoek anonimiseren")),
        ]

    def __str__(self):
        return str(_("Bewaartermijnen"))

    @classmethod
    def huidig(cls) -> "Bewaartermijnen":
        """The settings; the defaults when the beheerder never saved them."""
        return cls.objects.filter(pk=ENIGE_RIJ).first() or cls(pk=ENIGE_RIJ)


class AnonimiseringReden(models.TextChoices):
    TERMIJN = "termijn", _("Bewaartermijn verstreken")
    VERZOEK = "verzoek", _("Verzoek om verwijdering")


class Anonimisering(models.Model):
    """That (and why) one candidate was anonymised. Holds no personal value: the
    candidate by id, the staff member who honoured a request, and their reason."""

    kandidaat = models.OneToOneField(
        "kandidaten.Kandidaat",
        models.PROTECT,
        related_name="anonimisering",
        verbose_name=_("kandidaat"),
    )
    op = models.DateTimeField(_("geanonimiseerd op"))
    soort = models.CharField(_("waarom"), max_length=20, choices=AnonimiseringReden)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    reden = models.TextField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-op"]
        verbose_name = _("anonimisering")
        verbose_name_plural = _("anonimiseringen")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=AnonimiseringReden.values),
                name="anonimisering_soort_geldig",
            ),
            # A request is always by a person and with a reason.
            models.CheckConstraint(
                condition=~Q(soort="verzoek") | (Q(door__isnull=False) & ~Q(reden="")),
                name="anonimisering_verzoek_door_en_reden",
            ),
        ]

    def __str__(self):
        return _("Anonimisering van kandidaat %(pk)s") % {"pk": self.kandidaat_id}
