import uuid
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from kwalificaties.constants import Sector
from organisaties.constants import Rol
from organisaties.scoping import Zichtbaarheid, ZichtbaarQuerySet, zichtbaar_filter

from .constants import Soort
from .html import opschonen


class Tag(models.Model):
    """A keyword (trefwoord) that groups items across kinds, e.g. "werkfit"."""

    naam = models.CharField(_("naam"), max_length=50, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")

    def __str__(self):
        return self.naam


class ItemQuerySet(ZichtbaarQuerySet):
    def zichtbaar_voor(self, user):
        """National items for every logged-in user, regional ones through the scope.

        The regional part is the usual `Zichtbaarheid` (every role in the item's
        region); a national item has no region, so no scope path can reach it and it
        is added here with `regio IS NULL`.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()  # `Q(...) | Q()` would drop the empty "everything" Q
        return self.filter(Q(regio__isnull=True) | zichtbaar_filter(self.model, user))


def zoekvector() -> SearchVector:
    """The Dutch full-text vector of an item, as `selectors.item_zoeken` builds it.

    The GIN index below is on this exact expression: PostgreSQL uses an expression
    index only for the same expression, so a change here belongs in both places.
    """
    return (
        SearchVector("titel", weight="A", config="dutch")
        + SearchVector("samenvatting", weight="B", config="dutch")
        + SearchVector("body", weight="C", config="dutch")
    )


def _bestand_pad(item: "Item", bestandsnaam: str) -> str:
    # A random name: the original name may hold personal data and is kept apart.
    return f"kennisbank/{uuid.uuid4().hex}{Path(bestandsnaam).suffix.lower()}"


class Item(TimeStampedModel):
    """One piece of knowledge: an instrument, regeling, praktijkvoorbeeld, document or FAQ."""

    soort = models.CharField(_("soort"), max_length=20, choices=Soort)
    titel = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    samenvatting = models.TextField(
        _("samenvatting"),
        max_length=600,
        help_text=_("Twee of drie zinnen in eenvoudige taal. Zonder opmaak."),
    )
    body = models.TextField(
        _("tekst"),
        blank=True,
        # Help texts are rendered as HTML (crispy and the admin): the tag names are
        # written as entities, so they show as text instead of an empty link and lists.
        help_text=_(
            "Opmaak kan met &lt;p&gt;, &lt;strong&gt;, &lt;em&gt;, &lt;ul&gt;, &lt;ol&gt;, "
            "&lt;li&gt;, &lt;h3&gt;, &lt;h4&gt; en &lt;a href&gt;. Andere opmaak wordt "
            "verwijderd."
        ),
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="items", verbose_name=_("trefwoorden")
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector, blank=True)
    regio = models.ForeignKey(
        "organisaties.Arbeidsmarktregio",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regio"),
        help_text=_("Leeg: een landelijk item, voor iedereen zichtbaar."),
    )
    eigenaar = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar"),
        help_text=_("De organisatie die dit item bijhoudt."),
    )
    laatst_gecontroleerd_op = models.DateField(_("laatst gecontroleerd op"))
    gecontroleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gecontroleerd door"),
    )
    gerelateerd = models.ManyToManyField(
        "self", blank=True, symmetrical=True, verbose_name=_("zie ook")
    )

    # Only for a regeling (financiering).
    wie_mag = models.TextField(_("voor wie"), blank=True)
    voorwaarden = models.TextField(_("voorwaarden"), blank=True)
    max_duur_maanden = models.PositiveSmallIntegerField(
        _("maximale duur (maanden)"), null=True, blank=True
    )
    max_bedrag = models.DecimalField(
        _("maximaal bedrag (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    geldig_van = models.DateField(_("geldig vanaf"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)

    # Only for a document; served by `ItemBestandView`, never as public media.
    bestand = models.FileField(_("bestand"), upload_to=_bestand_pad, blank=True)
    bestandsnaam = models.CharField(
        _("naam van het bestand"), max_length=200, blank=True
    )

    objects = ItemQuerySet.as_manager()

    # Regional items: everyone in the region reads them (national ones: see the QuerySet).
    zichtbaarheid = Zichtbaarheid(regio="regio", regiobreed=frozenset(Rol.values))

    class Meta:
        ordering = ["titel"]
        verbose_name = _("kennisbankitem")
        verbose_name_plural = _("kennisbankitems")
        indexes = [
            # PostgreSQL only: the migration skips it on SQLite (`make run`), where
            # search is a plain icontains.
            GinIndex(zoekvector(), name="kennisbank_item_zoek_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=Soort.values), name="kennisbank_item_soort_geldig"
            ),
            models.CheckConstraint(
                condition=Q(sector="") | Q(sector__in=Sector.values),
                name="kennisbank_item_sector_geldig",
            ),
            models.CheckConstraint(
                condition=Q(geldig_van__isnull=True)
                | Q(geldig_tot__isnull=True)
                | Q(geldig_tot__gte=models.F("geldig_van")),
                name="kennisbank_item_geldig_tot_na_van",
                violation_error_message=_(
                    "De einddatum ligt voor de begindatum. Controleer de datums."
                ),
            ),
            models.CheckConstraint(
                condition=Q(soort=Soort.DOCUMENT) | Q(bestand=""),
                name="kennisbank_item_bestand_alleen_bij_document",
            ),
        ]

    def __str__(self):
        return self.titel

    def save(self, *args, **kwargs):
        # Sanitised here, not in a service, so that no path (admin, seed, shell) can
        # store a script that the detail page would render as HTML.
        self.body = opschonen(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kennisbank:item_detail", args=[self.slug])

    @property
    def is_landelijk(self) -> bool:
        return self.regio_id is None

    @property
    def bereik_label(self) -> str:
        return str(_("Landelijk")) if self.is_landelijk else str(self.regio)

    @property
    def moet_gecontroleerd(self) -> bool:
        """True when the last check is older than KENNISBANK_CONTROLE_MAANDEN."""
        return self.laatst_gecontroleerd_op < controle_grens()

    @property
    def is_verlopen(self) -> bool:
        """A regeling whose end date has passed (still shown: trajecten may refer to it)."""
        return bool(self.geldig_tot and self.geldig_tot < timezone.localdate())


def controle_grens() -> date:
    """Items last checked before this date count as out of date."""
    return timezone.localdate() - timedelta(
        days=30 * settings.KENNISBANK_CONTROLE_MAANDEN
    )
