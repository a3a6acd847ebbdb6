"""Reads of the assessment, scoped through the traject (`Traject.zichtbaar_voor`)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from kwalificaties.models import Werkproces
from leerbedrijven.selectors import leerbedrijf_get_queryset
from trajecten.models import Plaatsing, Traject

from .constants import NIVEAU_WAARDE, Niveau
from .models import (
    Borging,
    Eindbeoordeling,
    Gedragsvoorbeeld,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Praktijkverklaring,
    Werkopdracht,
)


def traject_beoordeling(*, user) -> QuerySet[Traject]:
    """Trajecten the user may see, with every collection the observation and progress
    pages read, each loaded once (the count of queries does not grow with the number
    of observations or werkprocessen)."""
    return (
        Traject.objects.zichtbaar_voor(user)
        .select_related("kandidaat", "kwalificatie", "mbo_instelling")
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code")),
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related(
                    "leerbedrijf__organisatie", "praktijkopleider"
                ).order_by("startdatum", "pk"),
            ),
            Prefetch(
                "observaties",
                Observatie.objects.select_related("door")
                .prefetch_related(
                    Prefetch(
                        "scores",
                        ObservatieScore.objects.select_related("gedragsvoorbeeld"),
                    )
                )
                .order_by("datum", "pk"),
            ),
            Prefetch(
                "ontwikkeldoelen",
                Ontwikkeldoel.objects.select_related("werkproces").order_by(
                    "werkproces__code", "afgesproken_op", "pk"
                ),
            ),
            Prefetch(
                "eindbeoordelingen",
                Eindbeoordeling.objects.select_related("werkproces", "door"),
            ),
            Prefetch(
                "borgingen",
                Borging.objects.select_related("door").order_by("-op", "-pk"),
            ),
            Prefetch(
                "verklaringen", Praktijkverklaring.objects.order_by("-uitgereikt_op")
            ),
        )
    )


def gedragsvoorbeelden_voor(traject: Traject) -> dict[int, list[Gedragsvoorbeeld]]:
    """Per werkproces of the traject its active gedragsvoorbeelden: those of the
    current placement's leerbedrijf when it has its own, else the general ones.
    One query (werkprocessen and plaatsingen are prefetched)."""
    plaatsingen = list(traject.plaatsingen.all())
    leerbedrijf_id = plaatsingen[-1].leerbedrijf_id if plaatsingen else None
    wp_ids = [w.pk for w in traject.werkprocessen.all()]
    eigen, algemeen = defaultdict(list), defaultdict(list)
    for gv in Gedragsvoorbeeld.objects.filter(
        Q(leerbedrijf__isnull=True) | Q(leerbedrijf_id=leerbedrijf_id),
        werkproces_id__in=wp_ids,
        actief=True,
    ).order_by("volgorde", "pk"):
        (eigen if gv.leerbedrijf_id else algemeen)[gv.werkproces_id].append(gv)
    return {wp: eigen[wp] or algemeen[wp] for wp in wp_ids}


@dataclass
class Reeks:
    """The level of one werkproces over the observations, for chart and table."""

    werkproces: Werkproces
    punten: list[tuple[Observatie, float | None]] = field(default_factory=list)
    svg_punten: str = ""
    cirkels: list[tuple[int, int]] = field(default_factory=list)


NIVEAU_LABEL = {
    0: Niveau.NOG_NIET.label,
    1: Niveau.MET_HULP.label,
    2: Niveau.ZELFSTANDIG.label,
}
# Chart geometry (SVG user units): the level 0..2 maps to y 100..10.
SVG_BREED, SVG_HOOG, SVG_LINKS = 320, 120, 40


def voortgang(traject: Traject) -> list[Reeks]:
    """Per werkproces the mean level of its scored gedragsvoorbeelden per observation
    (None when none was scored), with SVG coordinates; uses prefetched rows only."""
    observaties = list(traject.observaties.all())
    stap = (SVG_BREED - SVG_LINKS - 10) / max(len(observaties) - 1, 1)
    reeksen = []
    for wp in traject.werkprocessen.all():
        reeks = Reeks(werkproces=wp)
        for i, obs in enumerate(observaties):
            waarden = [
                NIVEAU_WAARDE[s.niveau]
                for s in obs.scores.all()
                if s.gedragsvoorbeeld.werkproces_id == wp.pk
            ]
            gemiddeld = sum(waarden) / len(waarden) if waarden else None
            reeks.punten.append((obs, gemiddeld))
            if gemiddeld is not None:
                reeks.cirkels.append(
                    (round(SVG_LINKS + i * stap), round(100 - gemiddeld * 45))
                )
        reeks.svg_punten = " ".join(f"{x},{y}" for x, y in reeks.cirkels)
        reeksen.append(reeks)
    return reeksen


def niveau_label(waarde: float | None) -> str:
    if waarde is None:
        return "—"
    return str(NIVEAU_LABEL[round(waarde)])


def begeleiding_leerbedrijven(*, user):
    """The leerbedrijven whose own gedragsvoorbeelden and werkopdrachten `user` may edit."""
    return leerbedrijf_get_queryset(user=user)


def gedragsvoorbeeld_list(*, user) -> QuerySet[Gedragsvoorbeeld]:
    """General gedragsvoorbeelden plus those of the leerbedrijven the user may see."""
    return Gedragsvoorbeeld.objects.filter(
        Q(leerbedrijf__isnull=True)
        | Q(leerbedrijf__in=begeleiding_leerbedrijven(user=user))
    ).select_related("werkproces", "leerbedrijf__organisatie")


def werkopdracht_list(*, user) -> QuerySet[Werkopdracht]:
    """General werkopdrachten plus those of the leerbedrijven the user may see."""
    return Werkopdracht.objects.filter(
        Q(leerbedrijf__isnull=True)
        | Q(leerbedrijf__in=begeleiding_leerbedrijven(user=user))
    ).select_related("werkproces", "leerbedrijf__organisatie")


def verklaring_list(*, user) -> QuerySet[Praktijkverklaring]:
    """The verklaringen of the trajecten the user may see, with what lists and the
    detail page show (a fixed number of queries for any number of rows)."""
    return (
        Praktijkverklaring.objects.filter(
            traject__in=Traject.objects.zichtbaar_voor(user).values("pk")
        )
        .select_related(
            "traject__kandidaat",
            "traject__kwalificatie",
            "mbo_instelling",
            "uitgereikt_door",
            "ingetrokken_door",
        )
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code"))
        )
    )


def verklaring_voor_verificatie(code: str) -> Praktijkverklaring | None:
    """The verklaring with this public code (no scope: the code is the key)."""
    return (
        Praktijkverklaring.objects.select_related(
            "traject__kandidaat", "traject__kwalificatie", "mbo_instelling"
        )
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code"))
        )
        .filter(code=code)
        .first()
    )
