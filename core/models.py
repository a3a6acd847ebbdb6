from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inzending import Inzending  # noqa: F401  (registers the model)
from .validators import validate_niet_in_toekomst


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


class ContactmomentQuerySet(models.QuerySet):
    """The reads every contact log shares: which moment is the newest, and whose plan
    (next action) counts."""

    def nieuwste_eerst(self):
        """Newest first: by date, then by when it was recorded (pk: a total order)."""
        return self.order_by("-datum", "-created_at", "-pk")

    def geplande_nieuwste_eerst(self):
        """The moments with a planned next action, newest first: the first one's plan
        counts, a later contact replaces the plan of an earlier one."""
        return self.filter(volgende_actie_op__isnull=False).nieuwste_eerst()

    def laatst_geplande(self):
        """Per owner (the model's `eigenaar`) only the moment whose plan counts."""
        eigenaar = self.model.eigenaar
        laatste = (
            self.model.objects.filter(**{eigenaar: OuterRef(eigenaar)})
            .geplande_nieuwste_eerst()
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(laatste))


class BasisContactmoment(TimeStampedModel):
    """One entry of a contact log (with a kandidaat, with a leerbedrijf): what was
    discussed and, optionally, the next action with its date. A concrete log adds its
    owner (a foreign key named by `eigenaar`), its kinds of contact (`soort`) and the
    check constraint `ACTIE_HEEFT_DATUM` under its own name."""

    # The name of the concrete model's foreign key to the row the log belongs to.
    eigenaar: str

    datum = models.DateField(_("datum"), validators=[validate_niet_in_toekomst])
    samenvatting = models.TextField(_("samenvatting"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    volgende_actie = models.CharField(_("volgende actie"), max_length=200, blank=True)
    volgende_actie_op = models.DateField(_("volgende actie op"), null=True, blank=True)

    objects = ContactmomentQuerySet.as_manager()

    ACTIE_HEEFT_DATUM = Q(volgende_actie="") | Q(volgende_actie_op__isnull=False)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"

    def clean(self):
        if self.volgende_actie and not self.volgende_actie_op:
            raise ValidationError(
                {
                    "volgende_actie_op": _(
                        "Vul in wanneer de volgende actie moet gebeuren."
                    )
                }
            )


class SpreadsheetImport(models.Model):
    """The parsed rows of an uploaded spreadsheet between preview and confirm
    (`core.spreadsheet`). Kept here and not in the session: a session is
    read on every request, these rows can be large. Confirming locks the row and sets
    `verwerkt_op` in the same transaction as the import, so a token imports once; the
    rows (personal data) are emptied then. The session clean-up removes old ones."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    soort = models.CharField(_("soort"), max_length=50)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    keuzes = models.JSONField(_("keuzes"), default=dict)
    kolommen = models.JSONField(_("kolommen"), default=list)
    rijen = models.JSONField(_("rijen"), default=list)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    resultaat = models.JSONField(_("resultaat"), default=dict)

    class Meta:
        verbose_name = _("spreadsheet-import")
        verbose_name_plural = _("spreadsheet-imports")
        indexes = [models.Index(fields=["aangemaakt_op"])]

    def __str__(self):
        return f"{self.soort}: {self.bestandsnaam}"

    @property
    def verwerkt(self) -> bool:
        return self.verwerkt_op is not None


class UitgaandeTaak(models.Model):
    """The outbox: a Celery task to publish once the change that asked for it commits.

    `core.uitgaand.na_commit` writes the row in the same transaction as the
    change and publishes it on commit; a published row is deleted. A row that stays
    (broker away, process died before the commit hook ran) is published by the beat
    task `uitgaande_taken_versturen`. The kwargs may hold a mail text (a password reset
    link): the row lives only until the broker takes it.
    """

    taak = models.CharField(_("taak"), max_length=200)
    args = models.JSONField(_("argumenten"), default=list, blank=True)
    kwargs = models.JSONField(_("benoemde argumenten"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    pogingen = models.PositiveIntegerField(_("mislukte pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("uitgaande taak")
        verbose_name_plural = _("uitgaande taken")

    def __str__(self):
        return f"{self.taak} #{self.pk}"


class VastePagina(models.Model):
    """A public page whose text the functioneel beheerder keeps up to date in the
    admin: the toegankelijkheidsverklaring and the privacyverklaring. Linked in the
    footer of every page, also for visitors who are not logged in. The text is plain:
    an empty line starts a new paragraph (no HTML, so nothing can be injected)."""

    class Soort(models.TextChoices):
        TOEGANKELIJKHEID = "toegankelijkheid", _("Toegankelijkheidsverklaring")
        PRIVACY = "privacy", _("Privacyverklaring")

    soort = models.CharField(
        _("soort"), max_length=30, choices=Soort.choices, unique=True
    )
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(
        _("tekst"),
        max_length=20000,
        help_text=_("Gewone tekst. Een lege regel begint een nieuwe alinea."),
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["soort"]
        verbose_name = _("vaste pagina")
        verbose_name_plural = _("vaste pagina's")

    def __str__(self):
        return self.titel
