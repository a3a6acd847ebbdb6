"""An organisation's system that calls the API (`ApiClient`): a hashed token, acting as
one named medewerker, whose roles and scope are exactly the client's."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

TOKEN_PREFIX = "plpv_"


def token_hash(token: str) -> str:
    """The stored form of a token. A token is 256 random bits, so one SHA-256 is
    enough (a slow password hash protects guessable secrets, not random ones)."""
    return hashlib.sha256(token.encode()).hexdigest()


def nieuw_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiClient(TimeStampedModel):
    """A client system of an organisation (a municipality's case system, a school's
    student administration, a BI tool). It acts as `medewerker`: every request sees
    and may do exactly what that person sees and may do in the portal, and the audit
    trail names that person as the actor."""

    naam = models.CharField(
        _("naam"),
        max_length=100,
        help_text=_("Bijvoorbeeld: Suite4Sociaal Domein gemeente Enschede."),
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="api_clients",
        verbose_name=_("handelt namens"),
        help_text=_(
            "De koppeling ziet en doet precies wat deze medewerker in het portaal "
            "ziet en mag. Kies bij voorkeur een apart account voor de koppeling."
        ),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_begin = models.CharField(
        _("begin van de sleutel"), max_length=12, blank=True, editable=False
    )
    ingetrokken_op = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, editable=False
    )
    laatst_gebruikt_op = models.DateTimeField(
        _("laatst gebruikt op"), null=True, blank=True, editable=False
    )
    # Empty until the medewerker picked the key up (api/sleutels/): until then no
    # key works, and nobody (not the beheerder who made the client) has seen one.
    opgehaald_op = models.DateTimeField(
        _("sleutel opgehaald op"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")
        ordering = ["naam", "pk"]

    def __str__(self):
        return self.naam

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None

    @property
    def wacht_op_ophalen(self) -> bool:
        return self.actief and self.opgehaald_op is None


class Idempotentiesleutel(models.Model):
    """The first answer to a POST sent with an `Idempotency-Key` header, kept a day:
    the same key again (same person, same endpoint) gets this answer back and
    creates nothing (api/idempotentie.py). In the database, so every web process
    sees it, and its unique constraint settles two requests at the same moment."""

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    eindpunt = models.CharField(_("eindpunt"), max_length=300)
    sleutel = models.CharField(_("sleutel"), max_length=255)
    vingerafdruk = models.CharField(_("vingerafdruk van de inhoud"), max_length=64)
    status = models.PositiveSmallIntegerField(_("status"), null=True)
    # The body exactly as sent (jsonb would reorder its keys).
    antwoord = models.TextField(_("antwoord"), blank=True)
    locatie = models.CharField(_("Location"), max_length=500, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("idempotentiesleutel")
        verbose_name_plural = _("idempotentiesleutels")
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "eindpunt", "sleutel"],
                name="idempotentiesleutel_uniek",
            )
        ]
        indexes = [
            models.Index(fields=["aangemaakt"], name="idempotentie_aangemaakt_idx")
        ]

    def __str__(self):
        return self.sleutel
