"""Reminder rules of verklaringen, registered with the core registry from `ready()`."""

from datetime import date, timedelta

from django.db.models import Max, Prefetch
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.herinneringen import regel_registreren
from meldingen.services import melding_versturen
from trajecten.constants import TrajectStatus
from trajecten.models import Plaatsing, Traject


def zonder_observatie(trajecten, *, vandaag: date, dagen: int):
    """The lopend trajecten among `trajecten` whose newest observation (or, without
    one, the start) is at least `dagen` days old, annotated with that date as `sinds`.
    The rule below and the consulent's "Vandaag" on the home page share it."""
    return (
        trajecten.filter(status=TrajectStatus.LOPEND)
        .annotate(sinds=Coalesce(Max("observaties__datum"), "startdatum"))
        .filter(sinds__lte=vandaag - timedelta(days=dagen))
    )


@regel_registreren(
    "geen_observatie",
    gettext_lazy(
        "Geen observatie: herinner de praktijkopleider en de consulent als een lopend "
        "traject zoveel dagen geen observatie (0-meting of tussenresultaat) had."
    ),
    standaard_dagen=21,
)
def geen_observatie(vandaag: date, dagen: int) -> int:
    """A lopend traject whose newest observation (or, without one, its start) is at
    least `dagen` days old: notify the praktijkopleiders with an account and the
    consulent, once per gap (the cause names the date the gap began)."""
    trajecten = (
        zonder_observatie(Traject.objects.all(), vandaag=vandaag, dagen=dagen)
        .select_related("kandidaat", "consulent")
        .prefetch_related(
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related("praktijkopleider__account"),
            )
        )
        .order_by("pk")
    )
    nieuw = 0
    for traject in trajecten:
        opleiders = [p.praktijkopleider.account for p in traject.plaatsingen.all()]
        nieuw += melding_versturen(
            ontvangers=[*opleiders, traject.consulent],
            oorzaak=f"geen_observatie:{traject.pk}:{traject.sinds.isoformat()}",
            titel=_("Tijd voor een observatie"),
            tekst=_(
                "Bij %(kandidaat)s is sinds %(datum)s geen voortgang vastgelegd. "
                "Een observatie kost een minuut."
            )
            % {"kandidaat": traject.kandidaat, "datum": f"{traject.sinds:%d-%m-%Y}"},
            url=reverse("verklaringen:observatie", args=[traject.pk]),
        )
    return nieuw
