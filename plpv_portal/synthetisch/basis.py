"""Plumbing shared by the generator steps: the seeded random source, bulk inserts in
batches, progress output and dates."""

import random
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as dtime

from django.apps import apps
from django.db import connection, models
from django.utils import timezone

from psycopg import sql
from psycopg.types.json import Jsonb

BATCH = 5000
# The PDFs are not rendered: a fixed name marks them ready, so that no beat task
# starts rendering a hundred thousand documents (the file itself does not exist).
GEEN_PDF = "synthetisch/geen-pdf.pdf"
# The public address the verification links of the dataset point to.
ADRES = "http://localhost:8000"


# The auto_now(_add) fields that `eigen_tijdstempels` switched off, per model.
_UITGESCHAKELD: dict[type[models.Model], list[str]] = {}


class Omgeving:
    """What every step needs: the random source, today, the output and the counts."""

    def __init__(self, *, seed: int, schrijf: Callable[[str], None], vandaag: date):
        self.rng = random.Random(seed)
        self.schrijf = schrijf
        self.vandaag = vandaag
        self.aantallen: dict[str, int] = {}
        self.tabellen: set[str] = set()
        self._tz = timezone.get_current_timezone()

    # --- random helpers ---
    def kies(self, gewichten: dict):
        """One key of `gewichten`, drawn with the values as relative weights."""
        return self.rng.choices(list(gewichten), weights=list(gewichten.values()))[0]

    def kans(self, p: float) -> bool:
        return self.rng.random() < p

    def dagen(self, van: int, tot: int) -> timedelta:
        return timedelta(days=self.rng.randint(van, tot))

    def moment(self, dag: date) -> datetime:
        """An aware datetime during office hours on `dag`."""
        uur = dtime(self.rng.randint(8, 17), self.rng.randint(0, 59))
        return datetime.combine(dag, uur, tzinfo=self._tz)

    # --- writing ---
    def _bulk(self, model: type[models.Model], rijen: list, *, sleutels: bool) -> None:
        """Insert `rijen`; with `sleutels`, each row gets its primary key set."""
        # auto_now(_add) is off (eigen_tijdstempels): rows without their own time
        # get "now", as a normal save would give them.
        self.tabellen.add(model._meta.db_table)
        velden = _UITGESCHAKELD.get(model)
        if velden:
            nu = timezone.now()
            for rij in rijen:
                for veld in velden:
                    if getattr(rij, veld) is None:
                        setattr(rij, veld, nu)
        if connection.vendor == "postgresql":
            kopieren(model, rijen, sleutels=sleutels)
        else:
            model.objects.bulk_create(rijen, batch_size=BATCH)

    def opslaan(self, model: type[models.Model], rijen: Sequence[models.Model]) -> list:
        """Insert in batches; every row gets its primary key."""
        for i in range(0, len(rijen), BATCH):
            self._bulk(model, rijen[i : i + BATCH], sleutels=True)
        label = model._meta.label
        self.aantallen[label] = self.aantallen.get(label, 0) + len(rijen)
        return list(rijen)

    def opslaan_stroom(self, model: type[models.Model], rijen: Iterable) -> int:
        """Insert from a generator without keeping every row in memory (no keys)."""
        buffer, totaal = [], 0
        for rij in rijen:
            buffer.append(rij)
            if len(buffer) >= BATCH:
                self._bulk(model, buffer, sleutels=False)
                totaal += len(buffer)
                buffer = []
        if buffer:
            self._bulk(model, buffer, sleutels=False)
            totaal += len(buffer)
        label = model._meta.label
        self.aantallen[label] = self.aantallen.get(label, 0) + totaal
        return totaal

    def opslaan_per_batch(self, model: type[models.Model], bronnen: Sequence, maak):
        """Build a row per source with `maak`, insert them a batch at a time and
        yield (source, saved row) pairs, so that callers can note the new keys."""
        label = model._meta.label
        for i in range(0, len(bronnen), BATCH):
            deel = bronnen[i : i + BATCH]
            rijen = [maak(bron) for bron in deel]
            self._bulk(model, rijen, sleutels=True)
            self.aantallen[label] = self.aantallen.get(label, 0) + len(rijen)
            yield from zip(deel, rijen, strict=True)

    @contextmanager
    def stap(self, naam: str):
        """Print the step and how long it took."""
        begin = time.perf_counter()
        self.schrijf(f"  {naam} ...")
        yield
        self.schrijf(f"  {naam}: {time.perf_counter() - begin:.1f} s")


@contextmanager
def eigen_tijdstempels():
    """Let the bulk inserts keep the dates the generator sets on auto_now(_add) fields.

    Django overwrites those fields with "now" on every insert; a synthetic history
    spread over years needs its own created_at and `op` values. The flags are put
    back afterwards, also when the generator fails.
    """
    velden = [
        veld
        for model in apps.get_models()
        for veld in model._meta.concrete_fields
        if isinstance(veld, models.DateField)
        and (getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False))
    ]
    oud = [(veld, veld.auto_now, veld.auto_now_add) for veld in velden]
    for veld in velden:
        veld.auto_now = veld.auto_now_add = False
        _UITGESCHAKELD.setdefault(veld.model, []).append(veld.attname)
    try:
        yield
    finally:
        _UITGESCHAKELD.clear()
        for veld, auto_now, auto_now_add in oud:
            veld.auto_now, veld.auto_now_add = auto_now, auto_now_add


def _omzetter(veld: models.Field):
    """How a raw attribute value of `veld` goes into COPY (None stays NULL)."""
    if isinstance(veld, models.JSONField):
        return lambda v: None if v is None else Jsonb(v)
    if isinstance(veld, models.CharField | models.TextField | models.FileField):
        # TextChoices members and lazy strings become their plain text value.
        return lambda v: None if v is None else str(v)
    return None


def kopieren(model: type[models.Model], rijen: list, *, sleutels: bool) -> None:
    """The PostgreSQL fast path of a bulk insert: COPY instead of INSERT.

    bulk_create spends most of its time compiling SQL for every value; COPY streams
    the rows, several times faster at a million rows. The values are the model
    instances' raw attributes (defaults filled in by the constructor); primary keys
    come from the table's own sequence, so later rows can point to these.
    """
    if not rijen:
        return
    meta = model._meta
    velden = [v for v in meta.concrete_fields if not (v.primary_key and not sleutels)]
    with connection.cursor() as cursor:
        if sleutels:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                "FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rijen)],
            )
            for rij, (pk,) in zip(rijen, cursor.fetchall(), strict=True):
                rij.pk = pk
        omzetters = [_omzetter(v) for v in velden]
        namen = [v.attname for v in velden]
        opdracht = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(meta.db_table),
            sql.SQL(", ").join(sql.Identifier(v.column) for v in velden),
        )
        with cursor.cursor.copy(opdracht) as copy:
            for rij in rijen:
                waarden = rij.__dict__
                copy.write_row(
                    [
                        waarden[naam] if zet is None else zet(waarden[naam])
                        for naam, zet in zip(namen, omzetters, strict=True)
                    ]
                )
    for rij in rijen:
        rij._state.adding, rij._state.db = False, connection.alias
