"""Reads of attendance and progress meetings, scoped through the traject
(`Traject.objects.zichtbaar_voor`): out of scope is a 404 in the views."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Max, Prefetch, QuerySet

from trajecten.models import Plaatsing, Traject

from . import regels
from .constants import OP_DE_WERKVLOER, AfwezigheidReden, GesprekPartij
from .models import (
    Aanwezigheid,
    GesprekActie,
    GesprekOndertekening,
    Gespreksritme,
    VoortgangInstellingen,
    Voortgangsgesprek,
)
from .weken import iso_week, weken_van


def plaatsing_list(*, user) -> QuerySet[Plaatsing]:
    """Placements of trajecten the user may see."""
    return Plaatsing.objects.filter(
        traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related(
        "traject__kandidaat",
        "traject__consulent",
        "leerbedrijf__organisatie",
        "praktijkopleider",
    )


def traject_list(*, user) -> QuerySet[Traject]:
    return (
        Traject.objects.zichtbaar_voor(user)
        .select_related("kandidaat", "consulent", "jobcoach")
        .prefetch_related(
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related(
                    "praktijkopleider__account", "leerbedrijf__organisatie"
                ),
            )
        )
    )


def aanwezigheid_list(*, user) -> QuerySet[Aanwezigheid]:
    return Aanwezigheid.objects.filter(
        plaatsing__traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related(
        "plaatsing__traject__kandidaat",
        "plaatsing__traject__consulent",
        "plaatsing__praktijkopleider",
        "plaatsing__leerbedrijf__organisatie",
    )


def gesprek_list(*, user) -> QuerySet[Voortgangsgesprek]:
    return Voortgangsgesprek.objects.filter(
        traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related("traject__kandidaat", "traject__consulent", "vastgelegd_door")


def gesprek_detail(*, user) -> QuerySet[Voortgangsgesprek]:
    return gesprek_list(user=user).prefetch_related(
        Prefetch(
            "traject__plaatsingen",
            Plaatsing.objects.select_related("praktijkopleider__account"),
        ),
        Prefetch(
            "ondertekeningen", GesprekOndertekening.objects.select_related("door")
        ),
        Prefetch("acties", GesprekActie.objects.select_related("eigenaar")),
    )


def actie_list(*, user) -> QuerySet[GesprekActie]:
    return GesprekActie.objects.filter(
        gesprek__traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related("gesprek__traject__kandidaat", "gesprek__traject__consulent")


@dataclass
class Week:
    maandag: date
    aanwezigheid: Aanwezigheid | None

    @property
    def code(self) -> str:
        return iso_week(self.maandag)

    @property
    def zondag(self) -> date:
        return self.maandag + timedelta(days=6)


@dataclass
class Totalen:
    gepland: Decimal = Decimal(0)
    gewerkt: Decimal = Decimal(0)
    bevestigd: int = 0
    open: int = 0
    afwezig: Counter = field(default_factory=Counter)

    @property
    def afwezig_lijst(self) -> list[tuple[str, Decimal]]:
        return [
            (AfwezigheidReden(r).label, uren)
            for r, uren in sorted(self.afwezig.items())
        ]

    @property
    def procent(self) -> int | None:
        return round(self.gewerkt * 100 / self.gepland) if self.gepland else None


def _totalen(weken: list[Week]) -> Totalen:
    t = Totalen()
    for w in weken:
        a = w.aanwezigheid
        if a is None:
            t.open += 1
            continue
        t.bevestigd += 1
        t.gepland += a.gepland_uren
        t.gewerkt += a.gewerkt_uren
        if a.afwezigheid_reden:
            t.afwezig[a.afwezigheid_reden] += a.afwezig_uren
    return t


def plaatsing_weken(
    plaatsing: Plaatsing, *, vandaag: date
) -> tuple[list[Week], Totalen]:
    """Every week of the placement so far, newest first, with its confirmation (one
    query, however many weeks), and the totals against plan."""
    rijen = {
        a.week: a
        for a in Aanwezigheid.objects.filter(plaatsing=plaatsing).select_related(
            "bevestigd_door"
        )
    }
    weken = [Week(m, rijen.get(m)) for m in weken_van(plaatsing, vandaag=vandaag)]
    weken.reverse()
    return weken, _totalen(weken)


def gesprek_weken(traject: Traject) -> int:
    """The traject's rhythm of meetings in weeks (its own, else the default)."""
    ritme = Gespreksritme.objects.filter(traject=traject).first()
    return ritme.weken if ritme else VoortgangInstellingen.huidig().gesprek_weken


def volgend_gesprek(traject: Traject, *, laatste: date | None, weken: int) -> date:
    """When the next meeting is due: `weken` after the last one (or the start)."""
    return (laatste or traject.startdatum) + timedelta(weeks=weken)


def traject_sectie(*, traject: Traject, user, vandaag: date) -> dict:
    """The panel 'Aanwezigheid en voortgangsgesprekken' on the traject page: totals
    per placement and the meetings. A fixed number of queries."""
    plaatsingen = list(
        Plaatsing.objects.filter(traject=traject).select_related(
            "leerbedrijf__organisatie", "praktijkopleider"
        )
    )
    per_plaatsing: dict[int, list[Aanwezigheid]] = {p.pk: [] for p in plaatsingen}
    for a in Aanwezigheid.objects.filter(plaatsing__traject=traject):
        per_plaatsing[a.plaatsing_id].append(a)
    regels_plaatsing = []
    for p in plaatsingen:
        rijen = {a.week: a for a in per_plaatsing[p.pk]}
        weken = [Week(m, rijen.get(m)) for m in weken_van(p, vandaag=vandaag)]
        regels_plaatsing.append((p, _totalen(weken)))
    gesprekken = list(
        Voortgangsgesprek.objects.filter(traject=traject).prefetch_related(
            "ondertekeningen",
            Prefetch("acties", GesprekActie.objects.select_related("eigenaar")),
        )
    )
    weken = gesprek_weken(traject)
    laatste = gesprekken[0].datum if gesprekken else None
    volgend = volgend_gesprek(traject, laatste=laatste, weken=weken)
    for g in gesprekken:
        getekend = {o.partij for o in g.ondertekeningen.all()}
        g.ontbreekt = [p.label for p in GesprekPartij if p not in getekend]
    return {
        "plaatsingen": regels_plaatsing,
        "gesprekken": gesprekken,
        "gesprek_weken": weken,
        "volgend_gesprek": volgend,
        "gesprek_te_laat": traject.status in OP_DE_WERKVLOER and volgend < vandaag,
        "mag_gesprek_vastleggen": regels.mag_gesprek_vastleggen(traject, user),
        "mag_ritme_instellen": regels.mag_ritme_instellen(traject, user),
    }


def laatste_gesprekken(trajecten: QuerySet[Traject]) -> QuerySet[Traject]:
    """Annotate `laatste_gesprek` (the date of the newest meeting, or None)."""
    return trajecten.annotate(laatste_gesprek=Max("voortgangsgesprekken__datum"))


def open_acties(*, user) -> list[GesprekActie]:
    """The user's own open actions from meetings of trajecten they may see."""
    return list(
        actie_list(user=user)
        .filter(eigenaar=user, afgerond_op__isnull=True)
        .order_by("uiterlijk_op", "pk")
    )


def open_weken_opleider(*, user, vandaag: date) -> list[tuple[Plaatsing, list[date]]]:
    """The running placements where `user` is the praktijkopleider, each with its
    weeks still to confirm (the current week included). Two queries."""
    plaatsingen = list(
        plaatsing_list(user=user)
        .filter(
            praktijkopleider__account=user,
            traject__status__in=OP_DE_WERKVLOER,
            startdatum__lte=vandaag,
        )
        .prefetch_related(
            Prefetch("aanwezigheden", Aanwezigheid.objects.only("plaatsing_id", "week"))
        )
        .order_by("traject__kandidaat__achternaam", "pk")
    )
    uit = []
    for p in plaatsingen:
        bevestigd = {a.week for a in p.aanwezigheden.all()}
        open_ = [w for w in weken_van(p, vandaag=vandaag) if w not in bevestigd]
        if open_:
            uit.append((p, open_))
    return uit
