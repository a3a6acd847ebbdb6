"""The dashboards' raw figures, from the region-local fact tables (rapportage.models).

The same functions, arguments and results as `cijfers_live` (the definitions on the
live tables), but every query reads only fact rows of the population's region(s):
a traject's facts carry its candidate's region and filter columns. Dimension tables
(names of organisations, kwalificaties, leerbedrijven, werkprocessen) are joined by
primary key. tests/rapportage/test_feiten.py checks that every dashboard table comes
out the same from both. These numbers are never shown as they are: `tabellen.py`
suppresses small numbers first.
"""

from collections import defaultdict
from datetime import date

from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncQuarter

from kwalificaties.models import Werkproces
from leerbedrijven.constants import SOORTEN_ONTWIKKELBEDRIJF
from trajecten.constants import TrajectStatus
from uitkomsten.constants import WERK_UITKOMSTEN

from .cijfers_live import (
    DOELGROEPEN,
    GEEN_PLAATSING,
    GESTART,
    SOORT_ONTWIKKELBEDRIJF,
    SOORT_REGULIER,
    _als_datum,
    _per_groep,
    kwartaal_begin,
)
from .models import KandidaatFeit, TrajectFeit, VerklaringFeit, WerkprocesFeit
from .populatie import Populatie

__all__ = [
    "DOELGROEPEN",
    "GEEN_PLAATSING",
    "GESTART",
    "SOORT_ONTWIKKELBEDRIJF",
    "SOORT_REGULIER",
    "instroom",
    "kerncijfers",
    "kwartaal_begin",
    "per_kwartaal",
    "resultaten_per_kwalificatie",
    "resultaten_per_mbo",
    "resultaten_per_soort",
    "resultaten_per_sector",
    "resultaten_per_verwijzer",
    "trechter",
    "uitkomsten",
    "uitval",
    "werkprocessen",
]


def _kandidaten(pop: Populatie) -> QuerySet[KandidaatFeit]:
    return KandidaatFeit.objects.filter(pop.kandidaat_feit_q())


def _trajecten(pop: Populatie) -> QuerySet[TrajectFeit]:
    return TrajectFeit.objects.filter(pop.traject_feit_q())


def _personen(filter: Q | None = None) -> Count:
    return Count("kandidaat_id", distinct=True, filter=filter)


# Per group of trajecten: persons placed, with a verklaring, in work at the end,
# dropped out.
RESULTATEN = {
    "geplaatst": lambda: _personen(),
    "verklaring": lambda: _personen(Q(verklaring_op__isnull=False)),
    "werk": lambda: _personen(Q(uitkomst__in=WERK_UITKOMSTEN)),
    "uitgevallen": lambda: _personen(Q(status=TrajectStatus.UITGEVALLEN)),
}


def _resultaat_aggregaten() -> dict:
    return {naam: maak() for naam, maak in RESULTATEN.items()}


# --- the funnel --------------------------------------------------------------------


# Funnel step: its flag on KandidaatFeit (see feiten.TRECHTER_VLAGGEN).
TRECHTER_VLAGGEN = {
    "geplaatst": "geplaatst",
    "lopend": "lopend",
    "na_advies": "na_advies",
    "zonder_advies": "zonder_advies",
    "met_uitkomst": "met_uitkomst",
    "werk_6": "werk_6",
    "werk_12": "werk_12",
    "verklaring": "met_verklaring",
    "werk": "werk",
    "uitgevallen": "uitgevallen",
}


def trechter(pop: Populatie, *, per_regio: bool = False) -> dict:
    """As `cijfers_live.trechter`: in one pass over the candidates' facts, which
    carry the funnel over all their trajecten; with a kwalificatie (only the
    trajecten in it count) in two queries."""
    regio = {"in_regio": F("regio_id")} if per_regio else None
    if pop.kwalificatie_id is None:
        return {
            sleutel: {k: v for k, v in rij.items() if k != "in_regio"}
            for sleutel, rij in _per_groep(
                _kandidaten(pop),
                regio,
                aangemeld=Count("pk"),
                advies=Count("pk", filter=Q(eerste_advies__isnull=False)),
                **{
                    stap: Count("pk", filter=Q(**{veld: True}))
                    for stap, veld in TRECHTER_VLAGGEN.items()
                },
            ).items()
        }
    uitkomst = defaultdict(dict)
    for sleutel, rij in _per_groep(
        _kandidaten(pop),
        regio,
        aangemeld=Count("pk"),
        advies=Count("pk", filter=Q(eerste_advies__isnull=False)),
    ).items():
        uitkomst[sleutel]["aangemeld"] = rij["aangemeld"]
        uitkomst[sleutel]["advies"] = rij["advies"]
    for sleutel, rij in _per_groep(
        _trajecten(pop),
        regio,
        lopend=_personen(Q(gestart=True)),
        na_advies=_personen(Q(met_advies=True)),
        zonder_advies=_personen(Q(met_advies=False)),
        met_uitkomst=_personen(Q(uitkomst__isnull=False)),
        werk_6=_personen(Q(werk_6=True)),
        werk_12=_personen(Q(werk_12=True)),
        **_resultaat_aggregaten(),
    ).items():
        uitkomst[sleutel].update({k: v for k, v in rij.items() if k != "in_regio"})
    return dict(uitkomst)


# --- inflow ------------------------------------------------------------------------


def instroom(pop: Populatie) -> dict:
    """As `cijfers_live.instroom`."""
    rijen = (
        _kandidaten(pop)
        .values("bron", "uitkering", "startkwalificatie")
        .annotate(
            n=Count("pk"),
            **{d: Count("pk", filter=Q(**{d: True})) for d in DOELGROEPEN},
        )
        .order_by()
    )
    uitkomst = {
        "totaal": 0,
        "bron": defaultdict(int),
        "uitkering": defaultdict(int),
        "startkwalificatie": defaultdict(int),
        "doelgroep": dict.fromkeys(DOELGROEPEN, 0),
    }
    for r in rijen:
        uitkomst["totaal"] += r["n"]
        for dimensie in ("bron", "uitkering", "startkwalificatie"):
            uitkomst[dimensie][r[dimensie]] += r["n"]
        for d in DOELGROEPEN:
            uitkomst["doelgroep"][d] += r[d]
    return uitkomst


# --- outcomes ----------------------------------------------------------------------


def uitkomsten(pop: Populatie) -> dict[str, int]:
    return {
        r["soort"]: r["n"]
        for r in _trajecten(pop)
        .filter(uitkomst__isnull=False)
        .values(soort=F("uitkomst"))
        .annotate(n=_personen())
        .order_by()
    }


def uitval(pop: Populatie) -> dict[str, int]:
    return {
        r["uitval_reden"]: r["n"]
        for r in _trajecten(pop)
        .filter(status=TrajectStatus.UITGEVALLEN)
        .values("uitval_reden")
        .annotate(n=_personen())
        .order_by()
    }


# --- results per group of trajecten -------------------------------------------------


def _resultaten(qs: QuerySet, groep: dict) -> dict:
    return _per_groep(qs, groep, **_resultaat_aggregaten())


def _met_plaatsingen(pop: Populatie) -> tuple[QuerySet, str]:
    """The trajecten with their placements (a LEFT JOIN), and the path to them. With
    a set of regions the join reads only those regions' placements (the condition
    is on the join, so a traject without a placement still has its row)."""
    if pop.regio_ids is None:
        return _trajecten(pop), "plaatsingen"
    return _trajecten(pop).annotate(
        plaatsing=FilteredRelation(
            "plaatsingen",
            condition=Q(plaatsingen__regio_id__in=list(pop.regio_ids)),
        )
    ), "plaatsing"


def resultaten_per_soort(pop: Populatie) -> dict:
    """Per kind of leerbedrijf of a placement; both rows for a traject with both."""
    qs, p = _met_plaatsingen(pop)
    soort = Case(
        When(**{f"{p}__isnull": True}, then=Value(GEEN_PLAATSING)),
        When(
            **{f"{p}__leerbedrijf__soort__in": list(SOORTEN_ONTWIKKELBEDRIJF)},
            then=Value(SOORT_ONTWIKKELBEDRIJF),
        ),
        default=Value(SOORT_REGULIER),
    )
    return _resultaten(qs, {"groep": soort})


def resultaten_per_sector(pop: Populatie) -> dict:
    qs, p = _met_plaatsingen(pop)
    return _resultaten(qs, {"groep": F(f"{p}__leerbedrijf__sector")})


def resultaten_per_kwalificatie(pop: Populatie) -> dict:
    return _resultaten(
        _trajecten(pop),
        {"groep": F("kwalificatie_id"), "naam": F("kwalificatie__naam")},
    )


def resultaten_per_mbo(pop: Populatie) -> dict:
    return _resultaten(
        _trajecten(pop),
        {"groep": F("mbo_instelling_id"), "naam": F("mbo_instelling__naam")},
    )


def resultaten_per_verwijzer(pop: Populatie) -> dict:
    groep = {"groep": F("organisatie_id"), "naam": F("organisatie__naam")}
    uitkomst = {
        sleutel: {"aangemeld": 0, **rij}
        for sleutel, rij in _resultaten(_trajecten(pop), groep).items()
    }
    for r in (
        _kandidaten(pop).values(**groep).annotate(aangemeld=Count("pk")).order_by()
    ):
        sleutel = (r["groep"], r["naam"])
        uitkomst.setdefault(sleutel, dict.fromkeys(RESULTATEN, 0))
        uitkomst[sleutel]["aangemeld"] = r["aangemeld"]
    return uitkomst


def werkprocessen(pop: Populatie) -> dict[int, dict]:
    """Per werkproces: persons whose traject includes it, and persons with a valid
    praktijkverklaring for it: one pass over the region's rows (an index-only scan
    of wfeit_regio_idx), the labels after."""
    rijen = WerkprocesFeit.objects.filter(pop.detail_feit_q())
    tellingen = list(
        rijen.values("werkproces_id")
        .annotate(
            gekozen=_personen(Q(gekozen=True)),
            verklaring=_personen(Q(verklaard=True)),
        )
        .order_by()
    )
    labels = {
        w["pk"]: w
        # With the subquery the query also runs without rows (a constant number
        # of queries); with the ids every counted werkproces has its label.
        for w in Werkproces.objects.filter(
            Q(pk__in=rijen.values("werkproces_id"))
            | Q(pk__in=[r["werkproces_id"] for r in tellingen])
        ).values("pk", "code", "titel", kwalificatie=F("kerntaak__kwalificatie__naam"))
    }
    return {
        r["werkproces_id"]: {
            "werkproces_id": r["werkproces_id"],
            "code": labels[r["werkproces_id"]]["code"],
            "titel": labels[r["werkproces_id"]]["titel"],
            "kwalificatie": labels[r["werkproces_id"]]["kwalificatie"],
            "gekozen": r["gekozen"],
            "verklaring": r["verklaring"],
        }
        for r in tellingen
    }


# --- trends ------------------------------------------------------------------------


def per_kwartaal(pop: Populatie) -> dict[str, dict[date, int]]:
    instroom = (
        _kandidaten(pop)
        .values(kwartaal=TruncQuarter("toestemming_op"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    plaatsingen = (
        _trajecten(pop)
        .values(kwartaal=TruncQuarter("startdatum"))
        .annotate(n=_personen())
        .order_by()
    )
    verklaringen = (
        VerklaringFeit.objects.filter(pop.detail_feit_q())
        .values(kwartaal=TruncQuarter("uitgereikt_op"))
        .annotate(n=_personen())
        .order_by()
    )
    return {
        naam: {_als_datum(r["kwartaal"]): r["n"] for r in qs}
        for naam, qs in (
            ("instroom", instroom),
            ("plaatsingen", plaatsingen),
            ("verklaringen", verklaringen),
        )
    }


# --- the headline figures -------------------------------------------------------------


def kerncijfers(pop: Populatie, *, vandaag: date) -> dict[str, int]:
    """As `cijfers_live.kerncijfers`, in one query. The trajecten and verklaringen
    are semi-joins on the population's own fact rows (a hashed subplan: one scan of
    the region's rows, not one probe per candidate)."""
    lopend = _trajecten(pop).filter(status=TrajectStatus.LOPEND)
    verklaringen = VerklaringFeit.objects.filter(
        pop.detail_feit_q(),
        uitgereikt_op__gte=date(vandaag.year, 1, 1),
        uitgereikt_op__lte=vandaag,
    )
    return _kandidaten(pop).aggregate(
        instroom_kwartaal=Count(
            "pk",
            filter=Q(
                toestemming_op__gte=kwartaal_begin(vandaag),
                toestemming_op__lte=vandaag,
            ),
        ),
        lopend=Count("pk", filter=Q(pk__in=lopend.values("kandidaat_id"))),
        verklaringen_jaar=Count(
            "pk", filter=Q(pk__in=verklaringen.values("kandidaat_id"))
        ),
    )
