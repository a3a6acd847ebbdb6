"""Lead times: median days from the intake to the first advice, traject start and
valid praktijkverklaring, over the persons who reached that step."""

from collections import defaultdict
from statistics import median

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Min, Q, QuerySet
from django.db.models.functions import TruncDate

from kandidaten.models import Kandidaat

from . import cijfers, cijfers_live
from .models import KandidaatFeit
from .populatie import Populatie

DOORLOOPTIJDEN = ("advies", "plaatsing", "verklaring")
BRONNEN = {"feiten": cijfers, "live": cijfers_live}


def _per_kandidaat(pop: Populatie, per_regio: bool, *extra: str) -> QuerySet:
    """One row per candidate: intake date and the first advice, traject start and
    valid verklaring (dates; NULL when not reached), from the fact tables."""
    groep = {"groep": F("regio_id")} if per_regio else {}
    if pop.kwalificatie_id is None:
        stappen = {
            "plaatsing": F("eerste_start"),
            "verklaring": F("eerste_verklaring"),
        }
    else:
        traject = Q(trajecten__kwalificatie_id=pop.kwalificatie_id)
        stappen = {
            "plaatsing": Min("trajecten__startdatum", filter=traject),
            "verklaring": Min("trajecten__verklaring_op", filter=traject),
        }
    return (
        KandidaatFeit.objects.filter(pop.kandidaat_feit_q())
        .values("pk", *extra)
        .annotate(
            **groep,
            intake=F("toestemming_op"),
            advies=F("eerste_advies"),
            **stappen,
        )
        .order_by()
    )


def _per_kandidaat_live(pop: Populatie, per_regio: bool) -> QuerySet:
    """`_per_kandidaat` from the live tables: the definition."""
    traject = Q()
    if pop.kwalificatie_id is not None:
        traject = Q(trajecten__kwalificatie_id=pop.kwalificatie_id)
    geldig = Q(trajecten__verklaringen__ingetrokken_op__isnull=True) & traject
    groep = {"groep": Min("regio_id")} if per_regio else {}
    return (
        Kandidaat.objects.filter(pop.kandidaat_q())
        .values("pk")
        .annotate(
            **groep,
            intake=Min("toestemming_op"),
            advies=Min(TruncDate("adviezen__created_at")),
            plaatsing=Min("trajecten__startdatum", filter=traject),
            verklaring=Min("trajecten__verklaringen__uitgereikt_op", filter=geldig),
        )
        .order_by()
    )


def doorlooptijden(
    pop: Populatie, *, per_regio: bool = False, bron: str = "feiten"
) -> dict:
    """{None: {stap: (median days from intake, persons)}}, with per_regio also one
    entry per regio_id; in one query.

    PostgreSQL computes the medians with percentile_cont over the per-candidate
    subquery (GROUPING SETS give the regions and the total at once); other
    databases (SQLite for `make run`) get the same rows and take the medians in
    Python. `bron="live"`: from the live tables (the definition, for the test).
    """
    maak = _per_kandidaat_live if bron == "live" else _per_kandidaat
    per_kandidaat = maak(pop, per_regio)
    if connection.vendor == "postgresql":
        try:
            return _doorlooptijden_postgresql(per_kandidaat, per_regio)
        except EmptyResultSet:  # a population that cannot hold anyone
            return {None: dict.fromkeys(DOORLOOPTIJDEN, (None, 0))}
    return _doorlooptijden_python(per_kandidaat, per_regio)


def _doorlooptijden_postgresql(per_kandidaat: QuerySet, per_regio: bool) -> dict:
    sql, params = per_kandidaat.query.sql_with_params()
    kolommen = ", ".join(
        f'percentile_cont(0.5) WITHIN GROUP (ORDER BY "{stap}" - "intake"), '
        f'COUNT("{stap}")'
        for stap in DOORLOOPTIJDEN
    )
    if per_regio:
        # The total row of the grouping sets has NULL as its group, like the key.
        groep, group_by = '"groep", ', ' GROUP BY GROUPING SETS (("groep"), ())'
    else:
        groep, group_by = "NULL, ", ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {groep}{kolommen} FROM ({sql}) AS per_kandidaat{group_by}",  # noqa: S608
            params,
        )
        rijen = cursor.fetchall()
    return {
        rij[0]: {
            stap: (rij[1 + 2 * i], rij[2 + 2 * i])
            for i, stap in enumerate(DOORLOOPTIJDEN)
        }
        for rij in rijen
    }


def _doorlooptijden_python(per_kandidaat: QuerySet, per_regio: bool) -> dict:
    dagen: dict = defaultdict(lambda: {stap: [] for stap in DOORLOOPTIJDEN})
    dagen[None]  # noqa: B018 (the total, also without candidates)
    for rij in per_kandidaat:
        for stap in DOORLOOPTIJDEN:
            if rij[stap] is not None:
                verschil = (rij[stap] - rij["intake"]).days
                dagen[None][stap].append(verschil)
                if per_regio:
                    dagen[rij["groep"]][stap].append(verschil)
    return {
        sleutel: {
            stap: (median(lijst) if lijst else None, len(lijst))
            for stap, lijst in reeksen.items()
        }
        for sleutel, reeksen in dagen.items()
    }


def met_trechter(pop: Populatie, *, per_regio: bool, bron: str = "feiten") -> tuple:
    """(`trechter(pop, per_regio=...)` of the source, `doorlooptijden(pop,
    per_regio=...)`): the funnel and the lead times, which both count candidates.

    On PostgreSQL from the facts (without a kwalificatie) in ONE pass over the
    candidates' facts: they carry the funnel, so its counts come with the lead
    times (per region: an index-only scan of kfeit_regio_trechter_idx).
    Otherwise the two functions.
    """
    if (
        bron == "live"
        or pop.kwalificatie_id is not None
        or connection.vendor != "postgresql"
    ):
        return (
            BRONNEN[bron].trechter(pop, per_regio=per_regio),
            doorlooptijden(pop, per_regio=per_regio, bron=bron),
        )
    vlaggen = cijfers.TRECHTER_VLAGGEN
    try:
        sql, params = _per_kandidaat(
            pop, per_regio, *vlaggen.values()
        ).query.sql_with_params()
    except EmptyResultSet:  # a population that cannot hold anyone
        geen = dict.fromkeys(["aangemeld", "advies", *vlaggen], 0)
        return (
            {} if per_regio else {None: geen},
            {None: dict.fromkeys(DOORLOOPTIJDEN, (None, 0))},
        )
    medianen = ", ".join(
        f'percentile_cont(0.5) WITHIN GROUP (ORDER BY "{stap}" - "intake"), '
        f'COUNT("{stap}")'
        for stap in DOORLOOPTIJDEN
    )
    tellingen = ", ".join(
        f'COUNT(*) FILTER (WHERE "{veld}")' for veld in vlaggen.values()
    )
    if per_regio:
        groep = 'GROUPING("groep"), "groep"'
        group_by = ' GROUP BY GROUPING SETS (("groep"), ())'
    else:
        groep, group_by = "1, NULL", ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {groep}, {medianen}, COUNT(*), {tellingen} "  # noqa: S608
            f"FROM ({sql}) AS per_kandidaat{group_by}",
            params,
        )
        rijen = cursor.fetchall()
    trechter, tijden = {}, {}
    n = len(DOORLOOPTIJDEN)
    for totaal, groep, *waarden in rijen:
        # Candidates without a region (grouped under None too) count in the
        # total's lead times only, as in `doorlooptijden`.
        if totaal or groep is not None:
            tijden[None if totaal else groep] = {
                stap: (waarden[2 * i], waarden[2 * i + 1])
                for i, stap in enumerate(DOORLOOPTIJDEN)
            }
        # The funnel per region has no total row; without regions only that.
        if bool(totaal) != per_regio:
            aangemeld, *aantallen = waarden[2 * n :]
            trechter[groep] = {
                "aangemeld": aangemeld,
                "advies": waarden[1],  # COUNT of the first advice's date
                **dict(zip(vlaggen, aantallen, strict=True)),
            }
    return trechter, tijden
