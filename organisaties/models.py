from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from .constants import Expertise, OrganisatieType, Rol
from .scoping import Zichtbaarheid, ZichtbaarQuerySet
from .validators import validate_brin_code, validate_kvk_nummer


class Arbeidsmarktregio(models.Model):
    """One of the 35 arbeidsmarktregio's (CBS code AM01..AM35)."""

    code = models.CharField(_("CBS-code"), max_length=4, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("arbeidsmarktregio")
        verbose_name_plural = _("arbeidsmarktregio's")

    def __str__(self):
        return self.naam


class OrganisatieQuerySet(ZichtbaarQuerySet):
    pass


class Organisatie(TimeStampedModel):
    naam = models.CharField(_("naam"), max_length=200)
    type = models.CharField(
        _("soort organisatie"), max_length=30, choices=OrganisatieType
    )
    regios = models.ManyToManyField(
        Arbeidsmarktregio,
        related_name="organisaties",
        verbose_name=_("arbeidsmarktregio's"),
        help_text=_("De regio's waarin deze organisatie werkt."),
    )
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk_nummer]
    )
    brin_code = models.CharField(
        _("BRIN-code"),
        max_length=4,
        blank=True,
        validators=[validate_brin_code],
        help_text=_("Alleen voor mbo-instellingen."),
    )

    objects = OrganisatieQuerySet.as_manager()

    # Organisations are the region's network: everyone in a region may see them.
    zichtbaarheid = Zichtbaarheid(regio="regios", regiobreed=frozenset(Rol.values))

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=OrganisatieType.values),
                name="organisatie_type_geldig",
            ),
            models.CheckConstraint(
                condition=Q(kvk_nummer="") | Q(kvk_nummer__regex=r"^[0-9]{8}$"),
                name="organisatie_kvk_nummer_8_cijfers",
            ),
            models.CheckConstraint(
                condition=Q(brin_code="")
                | Q(brin_code__regex=r"^[0-9]{2}[A-Z0-9]{2}$"),
                name="organisatie_brin_code_geldig",
            ),
            models.UniqueConstraint(
                fields=["kvk_nummer"],
                condition=~Q(kvk_nummer=""),
                name="organisatie_kvk_nummer_uniek",
                violation_error_message=_(
                    "Er is al een organisatie met dit KvK-nummer."
                ),
            ),
            models.UniqueConstraint(
                fields=["brin_code"],
                condition=~Q(brin_code=""),
                name="organisatie_brin_code_uniek",
                violation_error_message=_(
                    "Er is al een organisatie met deze BRIN-code."
                ),
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("organisaties:organisatie_detail", args=[self.pk])


class MedewerkerQuerySet(ZichtbaarQuerySet):
    pass


class MedewerkerManager(UserManager.from_queryset(MedewerkerQuerySet)):
    pass


class Medewerker(AbstractUser):
    """A person who logs in: belongs to one organisation and holds one or more roles.

    Roles are Django groups named after `Rol` values; see `rollen.py`.
    """

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("organisatie"),
        help_text=_("Leeg alleen voor de installatiebeheerder (superuser)."),
    )
    functie = models.CharField(_("functie"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    objects = MedewerkerManager()

    # Colleagues of the own organisation; the whole region for coordinators; oneself.
    zichtbaarheid = Zichtbaarheid(
        regio="organisatie__regios", organisaties=("organisatie",), personen=("pk",)
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_superuser=True) | Q(organisatie__isnull=False),
                name="medewerker_heeft_organisatie",
                violation_error_message=_("Kies de organisatie van deze medewerker."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_absolute_url(self):
        return reverse("organisaties:medewerker_detail", args=[self.pk])

    @cached_property
    def rollen(self) -> frozenset[str]:
        """The role codes of this user (its group names that are roles)."""
        return frozenset(g.name for g in self.groups.all() if g.name in Rol.values)

    @cached_property
    def regio_ids(self) -> list[int]:
        """The ids of the arbeidsmarktregio's the user's organisation works in: looked
        up once per request (the user object lives as long as the request), so every
        scoped query of the request filters on a short list the index can use."""
        if not self.organisatie_id:
            return []
        return list(
            Arbeidsmarktregio.objects.filter(organisaties=self.organisatie_id)
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    @property
    def rol_labels(self) -> list[str]:
        return [Rol(r).label for r in Rol.values if r in self.rollen]

    def heeft_rol(self, *rollen: str) -> bool:
        return bool(self.rollen & set(rollen))

    @property
    def is_beheerder(self) -> bool:
        return self.is_superuser or Rol.FUNCTIONEEL_BEHEERDER in self.rollen


class NetwerkcontactQuerySet(ZichtbaarQuerySet):
    pass


class Netwerkcontact(TimeStampedModel):
    """A person in the region's network (Netwerk in beeld), kept by the coordinator."""

    organisatie = models.ForeignKey(
        Organisatie,
        models.PROTECT,
        related_name="netwerkcontacten",
        verbose_name=_("organisatie"),
    )
    naam = models.CharField(_("naam"), max_length=150)
    expertise = models.CharField(
        _("rol of expertise"), max_length=30, choices=Expertise
    )
    toelichting = models.CharField(
        _("waarvoor kun je hem of haar bellen?"), max_length=300, blank=True
    )
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    gecontroleerd_op = models.DateField(_("laatst gecontroleerd op"))
    gecontroleerd_door = models.ForeignKey(
        "Medewerker",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gecontroleerd door"),
    )

    objects = NetwerkcontactQuerySet.as_manager()

    # The network is shared: everyone in the region reads it.
    zichtbaarheid = Zichtbaarheid(
        regio="organisatie__regios", regiobreed=frozenset(Rol.values)
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("netwerkcontact")
        verbose_name_plural = _("netwerkcontacten")
        constraints = [
            models.CheckConstraint(
                condition=Q(expertise__in=Expertise.values),
                name="netwerkcontact_expertise_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(telefoon="") | ~Q(email=""),
                name="netwerkcontact_bereikbaar",
                violation_error_message=_("Vul een telefoonnummer of e-mailadres in."),
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.organisatie})"
