"""Reads for outcomes and follow-up measurements, scoped through the traject.

The end of a traject is the day its verklaring was issued (the history row to
'verklaring uitgereikt'); a traject without one (dropped out) ended on its
`einddatum`. `traject_einde` reads it for one traject, `met_einde` annotates it.
"""

from datetime import date

from django.db.models import (
    Exists,
    F,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from trajecten.constants import TrajectStatus
from trajecten.models import Traject, TrajectStatuswijziging
from uitkomsten.models import Uitkomst, Vervolgmeting

from .constants import EINDSTATUSSEN
from .regels import mag_vastleggen


def _uitreiking(traject_ref) -> QuerySet[TrajectStatuswijziging]:
    return TrajectStatuswijziging.objects.filter(
        traject=traject_ref, naar=TrajectStatus.VERKLARING_UITGEREIKT
    )


def met_einde(qs: QuerySet[Traject]) -> QuerySet[Traject]:
    """Annotate `einde`: the local date of issuing the verklaring, else `einddatum`."""
    uitgereikt_op = (
        _uitreiking(OuterRef("pk"))
        .order_by("-op", "-pk")
        .annotate(dag=TruncDate("op", tzinfo=timezone.get_current_timezone()))
        .values("dag")[:1]
    )
    return qs.annotate(einde=Coalesce(Subquery(uitgereikt_op), F("einddatum")))


def traject_einde(traject: Traject) -> date | None:
    """The day `traject` ended (one query); None while it runs or when unknown."""
    if traject.status not in EINDSTATUSSEN:
        return None
    wijziging = _uitreiking(traject).order_by("-op", "-pk").first()
    return timezone.localdate(wijziging.op) if wijziging else traject.einddatum


def uitkomst_traject_list(*, user) -> QuerySet[Traject]:
    """Trajecten the user may see, with what the outcome form shows."""
    return met_einde(
        Traject.objects.zichtbaar_voor(user).select_related(
            "kandidaat", "kwalificatie", "uitkomst"
        )
    )


def vervolgmeting_list(*, user) -> QuerySet[Vervolgmeting]:
    """Follow-up measurements of trajecten the user may see."""
    return Vervolgmeting.objects.filter(
        traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related("traject__kandidaat", "traject__kwalificatie", "traject__uitkomst")


def traject_sectie(*, traject: Traject, user) -> dict:
    """The section 'Uitkomst en nameting' of the traject page: two queries, however
    many follow-ups the traject has."""
    uitkomst = Uitkomst.objects.filter(traject=traject).select_related("door").first()
    return {
        "uitkomst": uitkomst,
        "vervolgmetingen": list(
            Vervolgmeting.objects.filter(traject=traject).select_related("door")
        )
        if uitkomst
        else [],
        "afgelopen": traject.status in EINDSTATUSSEN,
        "mag_vastleggen": mag_vastleggen(user=user, traject=traject),
    }


def werklijst_consulent(*, user, vandaag: date) -> dict:
    """The consulent's to-do on the home page: follow-ups due (planned today or
    earlier, not measured) and ended trajecten without an outcome. Two queries."""
    eigen = Traject.objects.zichtbaar_voor(user).filter(consulent=user)
    te_meten = (
        Vervolgmeting.objects.filter(
            traject__in=eigen, gemeten_op__isnull=True, gepland_op__lte=vandaag
        )
        .select_related("traject__kandidaat")
        .order_by("gepland_op", "pk")
    )
    zonder_uitkomst = (
        met_einde(eigen.filter(status__in=EINDSTATUSSEN))
        .exclude(Exists(Uitkomst.objects.filter(traject=OuterRef("pk"))))
        .select_related("kandidaat")
        .order_by(F("einde").asc(nulls_first=True), "pk")
    )
    return {"te_meten": list(te_meten), "zonder_uitkomst": list(zonder_uitkomst)}
