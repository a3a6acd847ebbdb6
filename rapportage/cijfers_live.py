"""The dashboards' raw figures from the live tables: the definitions.

The dashboards read `cijfers` (the same functions on the fact tables); this module
stays as the reference that tests/rapportage/test_feiten.py compares them with
(`Dashboard(..., bron="live")`). A fixed set of GROUP BY queries per page.

Every function counts persons (distinct candidates) in the database, for the
candidates of a `Populatie`, optionally per region (`per_regio=True`, the comparison
page). The number of queries does not depend on the amount of data. These numbers
are never shown as they are: `tabellen.py` suppresses small numbers first.
"""

from collections import defaultdict
from datetime import date

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncQuarter

from kandidaten.models import Kandidaat
from leerbedrijven.constants import SOORTEN_ONTWIKKELBEDRIJF
from trajecten.constants import TrajectStatus
from trajecten.models import Advies, Traject
from uitkomsten.constants import WERK_SITUATIES, WERK_UITKOMSTEN
from verklaringen.models import Praktijkverklaring

from .populatie import Populatie

# A traject in one of these states has run (lopend) at some point; an uitgevallen
# one only when its history shows a move to lopend.
GESTART = [
    TrajectStatus.LOPEND,
    TrajectStatus.BEOORDEELD,
    TrajectStatus.VERKLARING_UITGEREIKT,
    TrajectStatus.NAZORG,
    TrajectStatus.AFGESLOTEN,
]
DOELGROEPEN = [
    "arbeidsbeperking",
    "statushouder",
    "laaggeletterd",
    "voortijdig_schoolverlater",
    "pro_vso",
]
GEEN_PLAATSING = "geen"
SOORT_ONTWIKKELBEDRIJF = "ontwikkelbedrijf"
SOORT_REGULIER = "regulier"


def _per_groep(qs: QuerySet, groep: dict | None, **aggregaten) -> dict:
    """{group key: {name: count}}; one row under the key None without a group."""
    if groep is None:
        return {None: qs.aggregate(**aggregaten)}
    rijen = qs.values(**groep).annotate(**aggregaten).order_by()
    sleutels = list(groep)
    return {
        (r[sleutels[0]] if len(sleutels) == 1 else tuple(r[s] for s in sleutels)): r
        for r in rijen
    }


def _trajecten(pop: Populatie) -> QuerySet[Traject]:
    """The trajecten of the population, with the joins the result counts need."""
    return Traject.objects.filter(pop.traject_q()).annotate(
        geldige_verklaring=FilteredRelation(
            "verklaringen", condition=Q(verklaringen__ingetrokken_op__isnull=True)
        ),
        naar_lopend=FilteredRelation(
            "statuswijzigingen",
            condition=Q(statuswijzigingen__naar=TrajectStatus.LOPEND),
        ),
    )


def _personen(filter: Q | None = None) -> Count:
    return Count("kandidaat", distinct=True, filter=filter)


# Per group of trajecten: persons placed, with a verklaring, in work at the end,
# dropped out.
RESULTATEN = {
    "geplaatst": lambda: _personen(),
    "verklaring": lambda: _personen(Q(geldige_verklaring__isnull=False)),
    "werk": lambda: _personen(Q(uitkomst__soort__in=WERK_UITKOMSTEN)),
    "uitgevallen": lambda: _personen(Q(status=TrajectStatus.UITGEVALLEN)),
}


def _resultaat_aggregaten() -> dict:
    return {naam: maak() for naam, maak in RESULTATEN.items()}


# --- the funnel --------------------------------------------------------------------


def trechter(pop: Populatie, *, per_regio: bool = False) -> dict:
    """{regio_id or None: {aangemeld, advies, geplaatst, na_advies, zonder_advies,
    lopend, verklaring, werk, uitgevallen, met_uitkomst, werk_6, werk_12}} in three
    queries. `na_advies` counts persons with a traject that followed an advice,
    `zonder_advies` those with a traject started without one (its own line: it never
    counts as advised)."""
    regio = {"in_regio": F("regio_id")} if per_regio else None
    traject_regio = {"in_regio": F("kandidaat__regio_id")} if per_regio else None
    uitkomst = defaultdict(dict)
    for sleutel, rij in _per_groep(
        Kandidaat.objects.filter(pop.kandidaat_q()),
        regio,
        aangemeld=Count("pk"),
    ).items():
        uitkomst[sleutel]["aangemeld"] = rij["aangemeld"]
    for sleutel, rij in _per_groep(
        Advies.objects.filter(pop.kandidaat_q("kandidaat__")),
        traject_regio,
        advies=_personen(),
    ).items():
        uitkomst[sleutel]["advies"] = rij["advies"]
    trajecten = _trajecten(pop).annotate(
        werk_6=FilteredRelation(
            "vervolgmetingen",
            condition=Q(
                vervolgmetingen__maanden=6,
                vervolgmetingen__situatie__in=WERK_SITUATIES,
            ),
        ),
        werk_12=FilteredRelation(
            "vervolgmetingen",
            condition=Q(
                vervolgmetingen__maanden=12,
                vervolgmetingen__situatie__in=WERK_SITUATIES,
            ),
        ),
    )
    for sleutel, rij in _per_groep(
        trajecten,
        traject_regio,
        lopend=_personen(Q(status__in=GESTART) | Q(naar_lopend__isnull=False)),
        na_advies=_personen(Q(advies__isnull=False)),
        zonder_advies=_personen(Q(advies__isnull=True)),
        met_uitkomst=_personen(Q(uitkomst__isnull=False)),
        werk_6=_personen(Q(werk_6__isnull=False)),
        werk_12=_personen(Q(werk_12__isnull=False)),
        **_resultaat_aggregaten(),
    ).items():
        uitkomst[sleutel].update(
            {k: v for k, v in rij.items() if k != "in_regio"},
        )
    return dict(uitkomst)


# --- inflow ------------------------------------------------------------------------


def instroom(pop: Populatie) -> dict:
    """Candidates by bron, uitkering, startkwalificatie and doelgroep, in one query.

    Each candidate is in exactly one (bron, uitkering, startkwalificatie) group, so
    the groups add up per dimension without double counting.
    """
    rijen = (
        Kandidaat.objects.filter(pop.kandidaat_q())
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
    """Persons per outcome (rapportage.Uitkomst.soort) of their trajecten."""
    return {
        r["soort"]: r["n"]
        for r in Traject.objects.filter(pop.traject_q(), uitkomst__isnull=False)
        .values(soort=F("uitkomst__soort"))
        .annotate(n=_personen())
        .order_by()
    }


def uitval(pop: Populatie) -> dict[str, int]:
    """Persons per reason of drop-out, from the trajecten that dropped out."""
    return {
        r["uitval_reden"]: r["n"]
        for r in Traject.objects.filter(
            pop.traject_q(), status=TrajectStatus.UITGEVALLEN
        )
        .values("uitval_reden")
        .annotate(n=_personen())
        .order_by()
    }


# --- results per group of trajecten -------------------------------------------------


def _resultaten(qs: QuerySet, groep: dict) -> dict:
    return _per_groep(qs, groep, **_resultaat_aggregaten())


def resultaten_per_soort(pop: Populatie) -> dict:
    """Per kind of leerbedrijf (ontwikkelbedrijf or regular employer) of a placement.

    A traject with placements at both kinds counts in both rows.
    """
    soort = Case(
        When(plaatsingen__isnull=True, then=Value(GEEN_PLAATSING)),
        When(
            plaatsingen__leerbedrijf__soort__in=list(SOORTEN_ONTWIKKELBEDRIJF),
            then=Value(SOORT_ONTWIKKELBEDRIJF),
        ),
        default=Value(SOORT_REGULIER),
    )
    return _resultaten(_trajecten(pop), {"groep": soort})


def resultaten_per_sector(pop: Populatie) -> dict:
    """Per sector of the leerbedrijf of a placement (None: no placement yet)."""
    return _resultaten(
        _trajecten(pop), {"groep": F("plaatsingen__leerbedrijf__sector")}
    )


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
    """Per referring organisation: candidates registered and the trajecten's results."""
    groep = {
        "groep": F("kandidaat__organisatie_id"),
        "naam": F("kandidaat__organisatie__naam"),
    }
    uitkomst = {
        sleutel: {"aangemeld": 0, **rij}
        for sleutel, rij in _resultaten(_trajecten(pop), groep).items()
    }
    for r in (
        Kandidaat.objects.filter(pop.kandidaat_q())
        .values(groep=F("organisatie_id"), naam=F("organisatie__naam"))
        .annotate(aangemeld=Count("pk"))
        .order_by()
    ):
        sleutel = (r["groep"], r["naam"])
        uitkomst.setdefault(sleutel, dict.fromkeys(RESULTATEN, 0))
        uitkomst[sleutel]["aangemeld"] = r["aangemeld"]
    return uitkomst


def werkprocessen(pop: Populatie) -> dict[int, dict]:
    """Per werkproces: persons whose traject includes it, and persons with a valid
    praktijkverklaring for it (two queries)."""
    uitkomst: dict[int, dict] = {}
    label = {
        "code": F("werkproces__code"),
        "titel": F("werkproces__titel"),
        "kwalificatie": F("werkproces__kerntaak__kwalificatie__naam"),
    }
    gekozen = (
        Traject.werkprocessen.through.objects.filter(pop.traject_q("traject__"))
        .values("werkproces_id", **label)
        .annotate(n=Count("traject__kandidaat", distinct=True))
        .order_by()
    )
    for r in gekozen:
        n = r.pop("n")
        uitkomst[r["werkproces_id"]] = {**r, "gekozen": n, "verklaring": 0}
    verklaard = (
        Praktijkverklaring.werkprocessen.through.objects.filter(
            pop.traject_q("praktijkverklaring__traject__"),
            praktijkverklaring__ingetrokken_op__isnull=True,
        )
        .values("werkproces_id", **label)
        .annotate(n=Count("praktijkverklaring__traject__kandidaat", distinct=True))
        .order_by()
    )
    for r in verklaard:
        n = r.pop("n")
        rij = uitkomst.setdefault(r["werkproces_id"], {**r, "gekozen": 0})
        rij["verklaring"] = n
    return uitkomst


# --- trends ------------------------------------------------------------------------


def per_kwartaal(pop: Populatie) -> dict[str, dict[date, int]]:
    """Per quarter: candidates by intake date, persons by traject start, persons by
    date of a valid verklaring (three queries)."""
    instroom = (
        Kandidaat.objects.filter(pop.kandidaat_q())
        .values(kwartaal=TruncQuarter("toestemming_op"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    plaatsingen = (
        Traject.objects.filter(pop.traject_q())
        .values(kwartaal=TruncQuarter("startdatum"))
        .annotate(n=_personen())
        .order_by()
    )
    verklaringen = (
        Praktijkverklaring.objects.filter(
            pop.traject_q("traject__"), ingetrokken_op__isnull=True
        )
        .values(kwartaal=TruncQuarter("uitgereikt_op"))
        .annotate(n=Count("traject__kandidaat", distinct=True))
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


def _als_datum(waarde) -> date:
    return waarde.date() if hasattr(waarde, "date") else waarde


# --- the headline figures -------------------------------------------------------------


def kwartaal_begin(dag: date) -> date:
    return date(dag.year, 3 * ((dag.month - 1) // 3) + 1, 1)


def kerncijfers(pop: Populatie, *, vandaag: date) -> dict[str, int]:
    """{instroom_kwartaal, lopend, verklaringen_jaar}: candidates with an intake this
    quarter, persons in a running traject, persons with a valid verklaring issued this
    year. One query: each figure counts candidates of the population."""
    trajecten = Traject.objects.filter(kandidaat=OuterRef("pk"))
    verklaringen = Praktijkverklaring.objects.filter(
        traject__kandidaat=OuterRef("pk"),
        ingetrokken_op__isnull=True,
        uitgereikt_op__gte=date(vandaag.year, 1, 1),
        uitgereikt_op__lte=vandaag,
    )
    if pop.kwalificatie_id is not None:
        trajecten = trajecten.filter(kwalificatie_id=pop.kwalificatie_id)
        verklaringen = verklaringen.filter(traject__kwalificatie_id=pop.kwalificatie_id)
    return Kandidaat.objects.filter(pop.kandidaat_q()).aggregate(
        instroom_kwartaal=Count(
            "pk",
            filter=Q(
                toestemming_op__gte=kwartaal_begin(vandaag),
                toestemming_op__lte=vandaag,
            ),
        ),
        lopend=Count(
            "pk", filter=Q(Exists(trajecten.filter(status=TrajectStatus.LOPEND)))
        ),
        verklaringen_jaar=Count("pk", filter=Q(Exists(verklaringen))),
    )
