"""The child rows of a leerbedrijf: vestigingen, contactpersonen, erkenningen,
leerbanen and contactmomenten."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import BasisContactmoment, TimeStampedModel
from core.validators import validate_postcode
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.constants import (
    ContactmomentSoort,
    ErkenningStatus,
)
from leerbedrijven.querysets import ErkenningQuerySet, waarschuwingsgrens

from .leerbedrijf import Leerbedrijf


class Vestiging(TimeStampedModel):
    leerbedrijf = models.ForeignKey(
        Leerbedrijf,
        models.CASCADE,
        related_name="vestigingen",
        verbose_name=_("leerbedrijf"),
    )
    naam = models.CharField(
        _("naam vestiging"),
        max_length=200,
        blank=True,
        help_text=_("Alleen nodig als het bedrijf meer vestigingen heeft."),
    )
    straat = models.CharField(_("straat"), max_length=200)
    huisnummer = models.CharField(
        _("huisnummer"), max_length=10, help_text=_("Met toevoeging, bijvoorbeeld 12a.")
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        validators=[validate_postcode],
        help_text=_("Bijvoorbeeld 7511 AB."),
    )
    plaats = models.CharField(_("plaats"), max_length=100)

    class Meta:
        ordering = ["plaats", "straat", "huisnummer"]
        verbose_name = _("vestiging")
        verbose_name_plural = _("vestigingen")
        constraints = [
            # Stored normalised ("7511 AB"), so that searching and sorting agree.
            models.CheckConstraint(
                condition=Q(postcode__regex=r"^[1-9][0-9]{3} [A-Z]{2}$"),
                name="vestiging_postcode_genormaliseerd",
            ),
        ]

    def __str__(self):
        adres = f"{self.straat} {self.huisnummer}, {self.plaats}"
        return f"{self.naam} ({adres})" if self.naam else adres


class Contactpersoon(TimeStampedModel):
    """A contact at the company; a praktijkopleider may also have a login (account)."""

    leerbedrijf = models.ForeignKey(
        Leerbedrijf,
        models.CASCADE,
        related_name="contactpersonen",
        verbose_name=_("leerbedrijf"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    is_praktijkopleider = models.BooleanField(
        _("is praktijkopleider"),
        default=False,
        help_text=_("Begeleidt en beoordeelt kandidaten op de werkplek."),
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="contactpersoon_bij",
        verbose_name=_("account in het portaal"),
        help_text=_("Alleen als deze persoon zelf inlogt in het portaal."),
    )

    class Meta:
        ordering = ["-is_praktijkopleider", "naam"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self):
        return self.naam

    def clean(self):
        if (
            self.account_id
            and self.leerbedrijf_id
            and self.account.organisatie_id != self.leerbedrijf.organisatie_id
        ):
            raise ValidationError(
                {
                    "account": _(
                        "Kies een account van een medewerker van dit bedrijf zelf."
                    )
                }
            )


class Erkenning(TimeStampedModel):
    """The SBB erkenning of a leerbedrijf for one kwalificatie."""

    leerbedrijf = models.ForeignKey(
        Leerbedrijf,
        models.CASCADE,
        related_name="erkenningen",
        verbose_name=_("leerbedrijf"),
    )
    kwalificatie = models.ForeignKey(
        Kwalificatie,
        models.PROTECT,
        related_name="erkenningen",
        verbose_name=_("kwalificatie"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ErkenningStatus,
        default=ErkenningStatus.AANGEVRAAGD,
    )
    aangevraagd_op = models.DateField(_("aangevraagd op"), null=True, blank=True)
    erkend_op = models.DateField(_("erkend op"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)

    objects = ErkenningQuerySet.as_manager()

    class Meta:
        ordering = ["kwalificatie__naam"]
        verbose_name = _("erkenning")
        verbose_name_plural = _("erkenningen")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ErkenningStatus.values),
                name="erkenning_status_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(status=ErkenningStatus.ERKEND)
                | Q(erkend_op__isnull=False),
                name="erkenning_erkend_heeft_datum",
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True)
                | Q(erkend_op__isnull=True)
                | Q(geldig_tot__gte=models.F("erkend_op")),
                name="erkenning_geldig_tot_na_erkend_op",
            ),
            models.UniqueConstraint(
                fields=["leerbedrijf", "kwalificatie"],
                name="erkenning_uniek_per_kwalificatie",
                violation_error_message=_(
                    "Dit leerbedrijf heeft al een erkenning voor deze kwalificatie."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.kwalificatie}: {self.get_status_display()}"

    def clean(self):
        # The same rules as the constraints, but with the message next to the field.
        fouten = {}
        if self.status == ErkenningStatus.ERKEND and not self.erkend_op:
            fouten["erkend_op"] = _("Vul de datum in waarop de erkenning is gegeven.")
        if self.geldig_tot and self.erkend_op and self.geldig_tot < self.erkend_op:
            fouten["geldig_tot"] = _(
                "De erkenning kan niet eerder aflopen dan de datum van erkennen."
            )
        if fouten:
            raise ValidationError(fouten)

    @property
    def verloopt_binnenkort(self) -> bool:
        """ERKEND and geldig_tot within ERKENNING_WAARSCHUWING_MAANDEN from today."""
        return (
            self.status == ErkenningStatus.ERKEND
            and self.geldig_tot is not None
            and timezone.localdate() <= self.geldig_tot <= waarschuwingsgrens()
        )

    @property
    def datum_verstreken(self) -> bool:
        """Still marked ERKEND although geldig_tot has passed."""
        return (
            self.status == ErkenningStatus.ERKEND
            and self.geldig_tot is not None
            and self.geldig_tot < timezone.localdate()
        )


class Leerbaan(TimeStampedModel):
    """Open places at a leerbedrijf to learn werkprocessen of one kwalificatie."""

    leerbedrijf = models.ForeignKey(
        Leerbedrijf,
        models.CASCADE,
        related_name="leerbanen",
        verbose_name=_("leerbedrijf"),
    )
    kwalificatie = models.ForeignKey(
        Kwalificatie,
        models.PROTECT,
        related_name="leerbanen",
        verbose_name=_("kwalificatie"),
    )
    werkprocessen = models.ManyToManyField(
        Werkproces,
        blank=True,
        related_name="leerbanen",
        verbose_name=_("werkprocessen"),
        help_text=_("Alleen werkprocessen van de gekozen kwalificatie."),
    )
    aantal = models.PositiveSmallIntegerField(
        _("aantal plaatsen"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Hoeveel kandidaten kunnen hier leren?"),
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    vestiging = models.ForeignKey(
        Vestiging,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="leerbanen",
        verbose_name=_("vestiging"),
    )
    open = models.BooleanField(
        _("open"),
        default=True,
        help_text=_("Zet uit als de plaatsen vol zijn of niet meer bestaan."),
    )

    class Meta:
        ordering = ["-open", "kwalificatie__naam"]
        verbose_name = _("leerbaan")
        verbose_name_plural = _("leerbanen")
        constraints = [
            models.CheckConstraint(
                condition=Q(aantal__gte=1), name="leerbaan_aantal_minstens_1"
            ),
        ]

    def __str__(self):
        return f"{self.kwalificatie} ({self.aantal})"


class Contactmoment(BasisContactmoment):
    """One entry of the contact log with a leerbedrijf."""

    eigenaar = "leerbedrijf"

    leerbedrijf = models.ForeignKey(
        Leerbedrijf,
        models.CASCADE,
        related_name="contactmomenten",
        verbose_name=_("leerbedrijf"),
    )
    soort = models.CharField(
        _("soort contact"), max_length=20, choices=ContactmomentSoort
    )

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=ContactmomentSoort.values),
                name="contactmoment_soort_geldig",
            ),
            models.CheckConstraint(
                condition=BasisContactmoment.ACTIE_HEEFT_DATUM,
                name="contactmoment_actie_heeft_datum",
            ),
        ]
