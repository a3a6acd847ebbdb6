"""Reusable filters and annotations for leerbedrijven and erkenningen."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.datums import plus_maanden
from organisaties.scoping import ZichtbaarQuerySet

from .constants import ErkenningStatus


def waarschuwingsgrens(vandaag: date | None = None) -> date:
    """The last geldig_tot that still counts as 'verloopt binnenkort'."""
    vandaag = vandaag or timezone.localdate()
    return plus_maanden(vandaag, settings.ERKENNING_WAARSCHUWING_MAANDEN)


class ErkenningQuerySet(models.QuerySet):
    def geldig(self):
        """ERKEND and not past its geldig_tot: usable for a placement today."""
        return self.filter(
            Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=timezone.localdate()),
            status=ErkenningStatus.ERKEND,
        )

    def verloopt_binnenkort(self):
        """ERKEND erkenningen whose geldig_tot falls within the warning period."""
        vandaag = timezone.localdate()
        return self.filter(
            status=ErkenningStatus.ERKEND,
            geldig_tot__gte=vandaag,
            geldig_tot__lte=waarschuwingsgrens(vandaag),
        )


def _per_leerbedrijf(qs: models.QuerySet, aggregaat) -> Coalesce:
    # A correlated subquery per count: several Count()s over joins would multiply
    # each other's rows, and the outer query keeps one row per leerbedrijf.
    subquery = (
        qs.filter(leerbedrijf=OuterRef("pk"))
        .order_by()
        .values("leerbedrijf")
        .annotate(n=aggregaat)
        .values("n")
    )
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


class LeerbedrijfQuerySet(ZichtbaarQuerySet):
    # The leerbedrijf's parts are reached through its reverse relations, so this module
    # needs no import of the models that import it.
    def _deel(self, relatie: str) -> type[models.Model]:
        return self.model._meta.get_field(relatie).related_model

    def met_tellingen(self):
        """Adds aantal_open_leerbanen, aantal_open_plaatsen, aantal_erkend and
        aantal_verloopt_binnenkort (one subquery each, no extra queries per row)."""
        Erkenning, Leerbaan = self._deel("erkenningen"), self._deel("leerbanen")
        open_leerbanen = Leerbaan.objects.filter(open=True)
        return self.annotate(
            aantal_open_leerbanen=_per_leerbedrijf(open_leerbanen, Count("pk")),
            aantal_open_plaatsen=_per_leerbedrijf(open_leerbanen, Sum("aantal")),
            aantal_erkend=_per_leerbedrijf(Erkenning.objects.geldig(), Count("pk")),
            aantal_verloopt_binnenkort=_per_leerbedrijf(
                Erkenning.objects.verloopt_binnenkort(), Count("pk")
            ),
        )

    def erkend_voor(self, kwalificatie):
        """Leerbedrijven with a valid ERKEND erkenning for `kwalificatie`."""
        Erkenning = self._deel("erkenningen")
        return self.filter(
            Exists(
                Erkenning.objects.geldig().filter(
                    leerbedrijf=OuterRef("pk"), kwalificatie=kwalificatie
                )
            )
        )

    def met_open_leerbanen(self, ja: bool = True):
        """Leerbedrijven with (or, with ja=False, without) an open leerbaan."""
        Leerbaan = self._deel("leerbanen")
        heeft = Exists(Leerbaan.objects.filter(leerbedrijf=OuterRef("pk"), open=True))
        return self.filter(heeft if ja else ~heeft)
