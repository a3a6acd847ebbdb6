"""Small-number suppression: no dashboard cell or export shows fewer than 5 persons.

1. Primary: a cell that counts fewer than `DREMPEL` (5) persons, zero included, is
   shown as "<5".
2. Secondary (complementary): when a table shows a total, one hidden cell could be
   found by subtracting the visible cells from it. So the next smallest visible cells
   are hidden too ("verborgen"), until at least two cells are hidden and the hidden
   cells together count at least `DREMPEL`, and no small cell can be worked out
   exactly from what "<5" and "verborgen" give away (see `_beschermd`). When no
   cells are left to hide, the total is hidden instead.
3. A total that counts fewer than `DREMPEL` persons is shown as "<5" too.

Every column of a table is one series with its own total. Where the cells of one
row belong together (nested counts), a row with a hidden cell is hidden in every
column (`rijen_verbergen`). The functions here see only numbers; the callers decide
what a series and its total are.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

DREMPEL = 5
KLEIN_TEKST = "<5"
VERBORGEN_TEKST = "verborgen"
TE_WEINIG_TEKST = "te weinig"


class Status(StrEnum):
    ZICHTBAAR = "zichtbaar"
    KLEIN = "klein"  # fewer than DREMPEL persons
    VERBORGEN = "verborgen"  # hidden so that a small cell cannot be recovered


@dataclass(frozen=True)
class Cel:
    """One shown figure: `waarde` is None unless the number may be shown."""

    waarde: int | float | None
    status: Status = Status.ZICHTBAAR
    tekst_override: str = ""

    @property
    def tekst(self) -> str:
        if self.tekst_override:
            return self.tekst_override
        if self.status is Status.KLEIN:
            return KLEIN_TEKST
        if self.status is Status.VERBORGEN:
            return VERBORGEN_TEKST
        return "" if self.waarde is None else f"{self.waarde}"

    @property
    def onderdrukt(self) -> bool:
        return self.status is not Status.ZICHTBAAR

    @property
    def export(self):
        """The value for CSV/XLSX: the number when shown, else the same text as the page."""
        if self.onderdrukt or self.tekst_override or self.waarde is None:
            return self.tekst
        return self.waarde


def _cel(waarde: int, status: Status) -> Cel:
    return Cel(waarde if status is Status.ZICHTBAAR else None, status)


def onderdruk(
    waarden: Sequence[int],
    totaal: int | None = None,
    vooraf: frozenset[int] = frozenset(),
) -> tuple[list[Cel], Cel | None]:
    """Suppress one series (a column) and its total; returns (cells, total cell).

    `vooraf`: rows already hidden for another reason (see `rijen_verbergen`).
    Without a total only the primary rule applies: nothing can be subtracted from.
    """
    status = [
        Status.KLEIN
        if w < DREMPEL
        else Status.VERBORGEN
        if i in vooraf
        else Status.ZICHTBAAR
        for i, w in enumerate(waarden)
    ]
    totaal_status = Status.ZICHTBAAR
    if totaal is not None:
        if totaal < DREMPEL:
            totaal_status = Status.KLEIN
        elif any(s is not Status.ZICHTBAAR for s in status):
            totaal_status = _aanvullend(waarden, status)
    cellen = [_cel(w, s) for w, s in zip(waarden, status, strict=True)]
    return cellen, None if totaal is None else _cel(totaal, totaal_status)


def _aanvullend(waarden: Sequence[int], status: list[Status]) -> Status:
    """Hide the next smallest cells in place; returns the status the total gets."""
    klein = [waarden[i] for i, s in enumerate(status) if s is Status.KLEIN]
    extra = [waarden[i] for i, s in enumerate(status) if s is Status.VERBORGEN]
    # Smallest first; among equal values the first row, so the result is stable.
    kandidaten = sorted(
        (i for i, s in enumerate(status) if s is Status.ZICHTBAAR),
        key=lambda i: (waarden[i], i),
    )
    while not _beschermd(klein, extra, waarden[kandidaten[0]] if kandidaten else None):
        if not kandidaten:
            # Every cell is hidden and still too few: only hiding the total helps.
            return Status.VERBORGEN
        i = kandidaten.pop(0)
        status[i] = Status.VERBORGEN
        extra.append(waarden[i])
    return Status.ZICHTBAAR


def _beschermd(klein: list[int], extra: list[int], bovengrens: int | None) -> bool:
    """True when the hidden cells protect every small one.

    First the rule of the module docstring: two cells, together at least DREMPEL.
    Then what someone who knows this rule can still work out: a "<5" lies between
    0 and 4, a "verborgen" cell between DREMPEL and the smallest visible cell (it
    was chosen as the smallest), and the hidden cells add up to the total minus the
    visible ones. A small cell is protected when that leaves it more than one value.
    """
    verborgen = klein + extra
    rest = sum(verborgen)
    if len(verborgen) < 2 or rest < DREMPEL:
        return False
    if not klein:  # only cells hidden with their row: two of them are enough
        return True
    hoogste_extra = rest if bovengrens is None else bovengrens
    # Bounds of one small cell, given the bounds of all other hidden cells.
    laag = max(0, rest - (DREMPEL - 1) * (len(klein) - 1) - hoogste_extra * len(extra))
    hoog = min(DREMPEL - 1, rest - DREMPEL * len(extra))
    return hoog > laag


def rijen_verbergen(
    kolommen: Sequence[Sequence[int]], totalen: Sequence[int]
) -> list[tuple[list[Cel], Cel]]:
    """Suppress columns whose cells in one row belong together (nested counts such as
    geplaatst ≥ praktijkverklaring, or one region's figures).

    Column by column is not enough there: a "verborgen" cell (at least DREMPEL) next
    to a visible cell of the same row that bounds it could be worked out, and with
    it a small cell of its column. So a row with a "verborgen" cell is hidden in
    every column, and the columns are suppressed again, until no row is added.
    """
    verborgen: frozenset[int] = frozenset()
    while True:
        uitkomst = [
            onderdruk(kolom, totaal, verborgen)
            for kolom, totaal in zip(kolommen, totalen, strict=True)
        ]
        erbij = verborgen | {
            i
            for cellen, _ in uitkomst
            for i, cel in enumerate(cellen)
            if cel.status is Status.VERBORGEN
        }
        if erbij == verborgen:
            return uitkomst
        verborgen = frozenset(erbij)


def mediaan_cel(mediaan: float | None, aantal: int) -> Cel:
    """A median in days, shown only when it rests on at least DREMPEL persons."""
    if aantal < DREMPEL or mediaan is None:
        return Cel(None, Status.KLEIN, TE_WEINIG_TEKST)
    return Cel(round(mediaan))
