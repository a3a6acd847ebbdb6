"""Filling the fact tables (rapportage.models) from the live tables.

- `bijwerken(kandidaat_ids)`: recompute the facts of these candidates (and of all
  their trajecten). Idempotent: it replaces their rows with what the live tables say
  now; a candidate that no longer exists loses its rows.
- `herbouwen()`: the same for every candidate, in batches, and removes the rows of
  candidates that are gone: the periodic repair of any drift.
- `inplannen(kandidaat_ids)`: queue `bijwerken` for when the current transaction
  commits, through the outbox (core.uitgaand), one task per transaction.

Both writers lock the candidates' rows (FOR NO KEY UPDATE) while they read and
write, so a rebuild and an update of the same candidate never interleave: the one
that runs last read the committed state.
"""

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Exists, F, Min, OuterRef
from django.db.models.functions import TruncDate

from core.models import UitgaandeTaak
from core.uitgaand import na_commit
from kandidaten.models import Kandidaat
from trajecten.constants import TrajectStatus
from trajecten.models import Plaatsing, Traject, TrajectStatuswijziging
from uitkomsten.constants import WERK_SITUATIES, WERK_UITKOMSTEN
from uitkomsten.models import Vervolgmeting
from verklaringen.models import Praktijkverklaring

from .cijfers_live import DOELGROEPEN, GESTART
from .models import (
    KandidaatFeit,
    PlaatsingFeit,
    TrajectFeit,
    VerklaringFeit,
    WerkprocesFeit,
)

logger = logging.getLogger(__name__)

TAAK = "rapportage.tasks.feiten_bijwerken"
BATCH = 2000  # candidates per transaction of the rebuild

FILTER_VELDEN = ["regio_id", "organisatie_id", "consulent_id", "jobcoach_id"]
DETAILS = (PlaatsingFeit, VerklaringFeit, WerkprocesFeit)


@dataclass
class Feiten:
    kandidaatfeiten: list[KandidaatFeit] = field(default_factory=list)
    trajectfeiten: list[TrajectFeit] = field(default_factory=list)
    details: dict[type, list] = field(
        default_factory=lambda: {model: [] for model in DETAILS}
    )


def berekenen(kandidaat_ids: list[int]) -> Feiten:
    """The facts of these candidates, from the live tables (a fixed number of
    queries, whatever the number of candidates)."""
    feiten = Feiten()
    kandidaten = {
        k["pk"]: k
        for k in Kandidaat.objects.filter(pk__in=kandidaat_ids)
        .values(
            "pk",
            *FILTER_VELDEN,
            "toestemming_op",
            "bron",
            "uitkering",
            "startkwalificatie",
            *DOELGROEPEN,
        )
        .annotate(eerste_advies=Min(TruncDate("adviezen__created_at")))
        .order_by()
    }
    if not kandidaten:
        return feiten
    ids = list(kandidaten)
    trajecten = list(
        Traject.objects.filter(kandidaat_id__in=ids)
        .values(
            "pk",
            "kandidaat_id",
            "kwalificatie_id",
            "mbo_instelling_id",
            "startdatum",
            "status",
            "uitval_reden",
            "advies_id",
            uitkomst_soort=F("uitkomst__soort"),
        )
        .annotate(
            naar_lopend=Exists(
                TrajectStatuswijziging.objects.filter(
                    traject=OuterRef("pk"), naar=TrajectStatus.LOPEND
                )
            ),
            **{
                f"werk_{maanden}": Exists(
                    Vervolgmeting.objects.filter(
                        traject=OuterRef("pk"),
                        maanden=maanden,
                        situatie__in=WERK_SITUATIES,
                    )
                )
                for maanden in (6, 12)
            },
        )
        .order_by()
    )
    verklaringen = list(
        Praktijkverklaring.objects.filter(
            traject__kandidaat_id__in=ids, ingetrokken_op__isnull=True
        )
        .values("traject_id", "uitgereikt_op", kandidaat_id=F("traject__kandidaat_id"))
        .order_by()
    )
    eerste_verklaring: dict[int, object] = {}
    for v in verklaringen:
        t = v["traject_id"]
        if t not in eerste_verklaring or v["uitgereikt_op"] < eerste_verklaring[t]:
            eerste_verklaring[t] = v["uitgereikt_op"]
        feiten.details[VerklaringFeit].append(
            VerklaringFeit(
                traject_id=t,
                kandidaat_id=v["kandidaat_id"],
                uitgereikt_op=v["uitgereikt_op"],
            )
        )
    for p in (
        Plaatsing.objects.filter(traject__kandidaat_id__in=ids)
        .values("traject_id", "leerbedrijf_id", kandidaat_id=F("traject__kandidaat_id"))
        .distinct()
        .order_by()
    ):
        feiten.details[PlaatsingFeit].append(PlaatsingFeit(**p))
    werkprocessen: dict[tuple, dict] = {}
    for r in (
        Traject.werkprocessen.through.objects.filter(traject__kandidaat_id__in=ids)
        .values("traject_id", "werkproces_id", kandidaat_id=F("traject__kandidaat_id"))
        .distinct()
        .order_by()
    ):
        werkprocessen[(r["traject_id"], r["werkproces_id"])] = {
            **r,
            "gekozen": True,
            "verklaard": False,
        }
    for r in (
        Praktijkverklaring.werkprocessen.through.objects.filter(
            praktijkverklaring__traject__kandidaat_id__in=ids,
            praktijkverklaring__ingetrokken_op__isnull=True,
        )
        .values(
            "werkproces_id",
            traject_id=F("praktijkverklaring__traject_id"),
            kandidaat_id=F("praktijkverklaring__traject__kandidaat_id"),
        )
        .distinct()
        .order_by()
    ):
        rij = werkprocessen.setdefault(
            (r["traject_id"], r["werkproces_id"]), {**r, "gekozen": False}
        )
        rij["verklaard"] = True
    feiten.details[WerkprocesFeit] = [
        WerkprocesFeit(**r) for r in werkprocessen.values()
    ]

    for rijen in feiten.details.values():
        for rij in rijen:  # the region, as on the traject's facts
            rij.regio_id = kandidaten[rij.kandidaat_id]["regio_id"]

    per_kandidaat = defaultdict(list)
    trajecten_per_kandidaat: dict[int, list[TrajectFeit]] = defaultdict(list)
    for t in trajecten:
        k = kandidaten[t["kandidaat_id"]]
        verklaring_op = eerste_verklaring.get(t["pk"])
        per_kandidaat[t["kandidaat_id"]].append((t["startdatum"], verklaring_op))
        trajecten_per_kandidaat[t["kandidaat_id"]].append(
            TrajectFeit(
                traject_id=t["pk"],
                kandidaat_id=t["kandidaat_id"],
                **{veld: k[veld] for veld in FILTER_VELDEN},
                toestemming_op=k["toestemming_op"],
                kwalificatie_id=t["kwalificatie_id"],
                mbo_instelling_id=t["mbo_instelling_id"],
                startdatum=t["startdatum"],
                status=t["status"],
                uitval_reden=t["uitval_reden"] or "",
                met_advies=t["advies_id"] is not None,
                gestart=t["status"] in GESTART or t["naar_lopend"],
                verklaring_op=verklaring_op,
                uitkomst=t["uitkomst_soort"],
                werk_6=t["werk_6"],
                werk_12=t["werk_12"],
            )
        )
    for eigen in trajecten_per_kandidaat.values():
        feiten.trajectfeiten.extend(eigen)
    for pk, k in kandidaten.items():
        eigen = per_kandidaat.get(pk, [])
        vlaggen = trechter_vlaggen(trajecten_per_kandidaat.get(pk, []))
        feiten.kandidaatfeiten.append(
            KandidaatFeit(
                kandidaat_id=pk,
                **{veld: k[veld] for veld in FILTER_VELDEN},
                toestemming_op=k["toestemming_op"],
                bron=k["bron"],
                uitkering=k["uitkering"],
                startkwalificatie=k["startkwalificatie"],
                **{d: k[d] for d in DOELGROEPEN},
                eerste_advies=k["eerste_advies"],
                eerste_start=min((s for s, _ in eigen), default=None),
                eerste_verklaring=min(
                    (v for _, v in eigen if v is not None), default=None
                ),
                **vlaggen,
            )
        )
    return feiten


# The funnel steps of a candidate: whether any of their trajecten has it (the same
# definitions as the per-traject counts of cijfers_live.trechter; the field of
# the step "verklaring" is met_verklaring, see cijfers.TRECHTER_VLAGGEN).
TRECHTER_VLAGGEN = {
    "geplaatst": lambda t: True,
    "lopend": lambda t: t.gestart,
    "na_advies": lambda t: t.met_advies,
    "zonder_advies": lambda t: not t.met_advies,
    "met_uitkomst": lambda t: t.uitkomst is not None,
    "werk_6": lambda t: t.werk_6,
    "werk_12": lambda t: t.werk_12,
    "met_verklaring": lambda t: t.verklaring_op is not None,
    "werk": lambda t: t.uitkomst in WERK_UITKOMSTEN,
    "uitgevallen": lambda t: t.status == TrajectStatus.UITGEVALLEN,
}


def trechter_vlaggen(trajecten: list[TrajectFeit]) -> dict[str, bool]:
    return {
        naam: any(vlag(t) for t in trajecten) for naam, vlag in TRECHTER_VLAGGEN.items()
    }


def _vervangen(kandidaat_ids: list[int]) -> Feiten:
    """Replace the facts of these candidates; the caller holds a transaction."""
    # Serialise with every other writer of these candidates' facts (see the module
    # docstring); a key share lock, so it does not block rows that refer to them.
    list(
        Kandidaat.objects.select_for_update(no_key=True)
        .filter(pk__in=kandidaat_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    feiten = berekenen(kandidaat_ids)
    for model in DETAILS:
        model.objects.filter(kandidaat_id__in=kandidaat_ids).delete()
    TrajectFeit.objects.filter(kandidaat_id__in=kandidaat_ids).delete()
    KandidaatFeit.objects.filter(kandidaat_id__in=kandidaat_ids).delete()
    KandidaatFeit.objects.bulk_create(feiten.kandidaatfeiten)
    TrajectFeit.objects.bulk_create(feiten.trajectfeiten)
    for model, rijen in feiten.details.items():
        model.objects.bulk_create(rijen)
    return feiten


def bijwerken(kandidaat_ids: Iterable[int]) -> int:
    """Recompute the facts of these candidates; returns how many still exist."""
    ids = sorted({int(i) for i in kandidaat_ids})
    aantal = 0
    for begin in range(0, len(ids), BATCH):
        with transaction.atomic():
            aantal += len(_vervangen(ids[begin : begin + BATCH]).kandidaatfeiten)
    return aantal


def herbouwen() -> int:
    """Recompute the facts of every candidate and drop those of removed ones.
    Returns the number of candidates."""
    vorige = 0
    aantal = 0
    while True:
        ids = list(
            Kandidaat.objects.filter(pk__gt=vorige)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not ids:
            break
        with transaction.atomic():
            aantal += len(_vervangen(ids).kandidaatfeiten)
        vorige = ids[-1]
    # Rows of candidates that no longer exist (their update never ran).
    bestaat = Kandidaat.objects.filter(pk=OuterRef("kandidaat_id"))
    for model in (*DETAILS, TrajectFeit, KandidaatFeit):
        model.objects.exclude(Exists(bestaat)).delete()
    # Rows of removed trajecten of existing candidates are gone with the batches.
    if connection.vendor == "postgresql":
        tabellen = ", ".join(
            connection.ops.quote_name(m._meta.db_table)
            for m in (KandidaatFeit, TrajectFeit, *DETAILS)
        )
        # Outside a transaction also VACUUM: the rebuild rewrote every row, and
        # the dashboards' index-only scans need the visibility map set again.
        opdracht = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(f"{opdracht} {tabellen}")
    logger.info("Dashboard facts rebuilt for %s candidates", aantal)
    return aantal


# --- queueing ----------------------------------------------------------------------

_lokaal = threading.local()


@contextmanager
def uitgesteld() -> Iterator[None]:
    """Queue no updates inside this block (bulk loads); the caller rebuilds after."""
    vorig = getattr(_lokaal, "uitgesteld", False)
    _lokaal.uitgesteld = True
    try:
        yield
    finally:
        _lokaal.uitgesteld = vorig


@dataclass
class _Partij:
    """The candidates queued in one transaction: one outbox row, updated in place."""

    rij_pk: int
    ids: set[int]

    def klaar(self) -> None:  # the commit hook that marks the transaction as done
        verbinding = transaction.get_connection()
        if getattr(verbinding, "_feiten_partij", None) is self:
            verbinding._feiten_partij = None


def inplannen(kandidaat_ids: Iterable[int | None]) -> None:
    """Queue `bijwerken` of these candidates for when the transaction commits (at
    once outside one). Within one transaction every call adds to the same task."""
    ids = {int(i) for i in kandidaat_ids if i is not None}
    if not ids or getattr(_lokaal, "uitgesteld", False):
        return
    verbinding = transaction.get_connection()
    if not verbinding.in_atomic_block:
        na_commit(TAAK, args=[sorted(ids)])
        return
    partij = getattr(verbinding, "_feiten_partij", None)
    # Still pending: its hook was not run or dropped by a rollback.
    if partij is not None and any(
        hook == partij.klaar for _, hook, _ in verbinding.run_on_commit
    ):
        if not ids <= partij.ids:
            partij.ids |= ids
            UitgaandeTaak.objects.filter(pk=partij.rij_pk).update(
                args=[sorted(partij.ids)]
            )
        return
    rij = na_commit(TAAK, args=[sorted(ids)])
    partij = _Partij(rij.pk, ids)
    verbinding._feiten_partij = partij
    transaction.on_commit(partij.klaar)
