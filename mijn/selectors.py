"""Reads for the candidate's own pages. Every read starts from the logged-in
candidate (`request.kandidaat`), never from an id in the URL, so a candidate sees
only their own data; an object of another candidate is not found (404)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet

from kwalificaties.models import Werkproces
from trajecten.models import Plaatsing, Traject
from verklaringen.constants import Niveau
from verklaringen.models import (
    Gedragsvoorbeeld,
    MboVerklaring,
    Observatie,
    Praktijkverklaring,
)
from verklaringen.selectors import gedragsvoorbeelden_voor
from voortgang.constants import OP_DE_WERKVLOER, GesprekPartij
from voortgang.models import GesprekActie, Voortgangsgesprek
from voortgang.selectors import gesprek_weken, volgend_gesprek

# The level of an observation in the candidate's words (B1), not the scale's labels.
NIVEAU_ZELF = {
    Niveau.ZELFSTANDIG: "Dit kun je zelf",
    Niveau.MET_HULP: "Dit kun je met hulp",
    Niveau.NOG_NIET: "Hier werk je nog aan",
}
NOG_NIET_BEKEKEN = "Nog niet bekeken"


def mijn_trajecten(*, kandidaat) -> QuerySet[Traject]:
    """The candidate's trajecten, newest first, with the people who help and what
    the overview and 'wat ik kan' pages read (a fixed number of queries)."""
    return (
        Traject.objects.filter(kandidaat=kandidaat)
        .select_related(
            "kwalificatie",
            "mbo_instelling",
            "consulent__organisatie",
            "jobcoach__organisatie",
        )
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code")),
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related(
                    "leerbedrijf__organisatie", "praktijkopleider"
                ).order_by("startdatum", "pk"),
            ),
        )
        .order_by("-startdatum", "-pk")
    )


def mijn_traject(*, kandidaat) -> Traject | None:
    """The candidate's current (newest) traject, or None."""
    return mijn_trajecten(kandidaat=kandidaat).first()


@dataclass
class Kunnen:
    """One werkproces on the page 'wat ik kan': its gedragsvoorbeelden with the
    latest level seen, in plain words."""

    werkproces: Werkproces
    voorbeelden: list[tuple[Gedragsvoorbeeld, str]] = field(default_factory=list)
    beheerst: bool = False


def wat_ik_kan(traject: Traject) -> list[Kunnen]:
    """Per werkproces of the traject: each gedragsvoorbeeld with the level of the
    newest observation that scored it (no scores, averages or internal notes), and
    whether the eindbeoordeling says the werkproces is mastered."""
    voorbeelden = gedragsvoorbeelden_voor(traject)
    laatste: dict[int, str] = {}
    observaties = Observatie.objects.filter(traject=traject).prefetch_related("scores")
    for obs in observaties.order_by("datum", "pk"):  # newer overwrites older
        for score in obs.scores.all():
            laatste[score.gedragsvoorbeeld_id] = score.niveau
    beheerst = set(
        traject.eindbeoordelingen.filter(beheerst=True).values_list(
            "werkproces_id", flat=True
        )
    )
    return [
        Kunnen(
            werkproces=wp,
            voorbeelden=[
                (gv, NIVEAU_ZELF.get(laatste.get(gv.pk), NOG_NIET_BEKEKEN))
                for gv in voorbeelden.get(wp.pk, [])
            ],
            beheerst=wp.pk in beheerst,
        )
        for wp in traject.werkprocessen.all()
    ]


def mijn_verklaringen(*, kandidaat) -> QuerySet[Praktijkverklaring]:
    """The candidate's praktijkverklaringen, newest first."""
    return (
        Praktijkverklaring.objects.filter(traject__kandidaat=kandidaat)
        .select_related("traject__kwalificatie", "mbo_instelling")
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code"))
        )
        .order_by("-uitgereikt_op", "-pk")
    )


def mijn_mbo_verklaringen(*, kandidaat) -> QuerySet[MboVerklaring]:
    """The candidate's mbo-verklaringen, newest first."""
    return (
        MboVerklaring.objects.filter(traject__kandidaat=kandidaat)
        .select_related("traject__kwalificatie", "mbo_instelling")
        .order_by("-uitgereikt_op", "-pk")
    )


def toestemming_organisatie(*, kandidaat):
    """The organisation that recorded the candidate's consent (not the person)."""
    door = kandidaat.toestemming_door
    return getattr(door, "organisatie", None)


@dataclass
class Gesprekken:
    """My progress meetings: when the next one is due, and the recent ones with
    what was agreed and whether I signed them."""

    volgend: date | None
    gesprekken: list[Voortgangsgesprek]


def mijn_gesprekken(*, traject: Traject | None) -> Gesprekken:
    """The meetings of the candidate's current traject, newest first (at most
    five), each with `door_mij_getekend`; the next one is due `gesprek_weken` after
    the last (only while the candidate works at the leerbedrijf)."""
    if traject is None:
        return Gesprekken(volgend=None, gesprekken=[])
    gesprekken = list(
        Voortgangsgesprek.objects.filter(traject=traject)
        .prefetch_related(
            "ondertekeningen",
            Prefetch("acties", GesprekActie.objects.select_related("eigenaar")),
        )
        .order_by("-datum", "-pk")[:5]
    )
    for g in gesprekken:
        g.door_mij_getekend = any(
            o.partij == GesprekPartij.KANDIDAAT for o in g.ondertekeningen.all()
        )
    volgend = None
    if traject.status in OP_DE_WERKVLOER:
        volgend = volgend_gesprek(
            traject,
            laatste=gesprekken[0].datum if gesprekken else None,
            weken=gesprek_weken(traject),
        )
    return Gesprekken(volgend=volgend, gesprekken=gesprekken)


def mijn_gesprek(*, kandidaat, pk: int) -> Voortgangsgesprek:
    """One meeting of the candidate's own trajecten; another's is 404."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Voortgangsgesprek.objects.filter(traject__kandidaat=kandidaat), pk=pk
    )
