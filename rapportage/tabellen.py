"""Shown tables: labels, suppressed cells and bar-chart geometry.

Everything that leaves the server (page, CSV, XLSX) is built from these objects, and
they only hold numbers that passed `onderdrukking`. The raw counts stay here.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from core.datums import plus_maanden

from .onderdrukking import Cel, Status, onderdruk, rijen_verbergen

# Bar chart geometry (SVG user units); see templates/rapportage/dashboard/_grafiek.html.
LABEL_EINDE = 232  # labels end here (text-anchor: end)
STAAF_BEGIN = 240
STAAF_MAX = 300  # the longest bar
RIJ_HOOGTE = 26
STAAF_HOOGTE = 18
LABEL_MAX = 32  # characters; the table holds the full label


@dataclass(frozen=True)
class Rij:
    label: str
    cellen: list[Cel]


@dataclass(frozen=True)
class Staaf:
    label: str
    tekst: str
    y: int
    breedte: int
    onderdrukt: bool

    @property
    def tekst_y(self) -> int:
        return self.y + STAAF_HOOGTE - 5

    @property
    def waarde_x(self) -> int:
        return STAAF_BEGIN + self.breedte + 6


@dataclass(frozen=True)
class Grafiek:
    """A horizontal bar chart of one column; suppressed rows get text, no bar."""

    id: str
    titel: str
    staven: list[Staaf]

    @property
    def hoogte(self) -> int:
        return len(self.staven) * RIJ_HOOGTE + 8

    label_einde = LABEL_EINDE
    staaf_begin = STAAF_BEGIN
    staaf_hoogte = STAAF_HOOGTE


@dataclass
class Tabel:
    sleutel: str  # the name in ?tabel=... of the exports
    titel: str
    rij_kop: str
    kolommen: list[str]
    rijen: list[Rij]
    totaal: Rij | None = None
    uitleg: str = ""
    grafiek_kolommen: Sequence[int] = (0,)
    grafieken: list[Grafiek] = field(init=False)

    def __post_init__(self):
        self.grafieken = [self._grafiek(k) for k in self.grafiek_kolommen]

    @property
    def breed(self) -> bool:
        """Too many columns to sit next to its chart."""
        return len(self.kolommen) > 4

    @property
    def kop_id(self) -> str:
        return f"tabel-{self.sleutel}"

    def _grafiek(self, kolom: int) -> Grafiek:
        cellen = [rij.cellen[kolom] for rij in self.rijen]
        zichtbaar = [c.waarde for c in cellen if not c.onderdrukt and c.waarde]
        hoogste = max(zichtbaar, default=0)
        staven = []
        for i, (rij, cel) in enumerate(zip(self.rijen, cellen, strict=True)):
            breedte = 0
            if not cel.onderdrukt and cel.waarde and hoogste:
                breedte = max(1, round(cel.waarde / hoogste * STAAF_MAX))
            staven.append(
                Staaf(
                    label=_kort(rij.label),
                    tekst=cel.tekst,
                    y=4 + i * RIJ_HOOGTE,
                    breedte=breedte,
                    onderdrukt=cel.onderdrukt,
                )
            )
        titel = self.titel
        if len(self.kolommen) > 1:
            titel = f"{self.titel} ({self.kolommen[kolom].lower()})"
        return Grafiek(id=f"grafiek-{self.sleutel}-{kolom}", titel=titel, staven=staven)

    # --- export ---
    def export_kolommen(self) -> list[str]:
        return [self.rij_kop, *self.kolommen]

    def export_rijen(self) -> list[list]:
        rijen = [*self.rijen, *([self.totaal] if self.totaal else [])]
        return [[rij.label, *(c.export for c in rij.cellen)] for rij in rijen]


def _kort(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def tabel_maken(
    *,
    sleutel: str,
    titel: str,
    rij_kop: str,
    kolommen: list[str],
    rijen: list[tuple[str, Sequence[int]]],
    totalen: Sequence[int] | None = None,
    totaal_label: str = "Totaal",
    uitleg: str = "",
    grafiek_kolommen: Sequence[int] = (0,),
    rijen_samen: bool = False,
) -> Tabel:
    """A table of counts: every column is suppressed as one series with its total;
    with `rijen_samen` (nested columns) a row with a hidden cell is hidden whole."""
    kolom_waarden = [[waarden[j] for _, waarden in rijen] for j in range(len(kolommen))]
    if rijen_samen and totalen is not None:
        uitkomst = rijen_verbergen(kolom_waarden, totalen)
    else:
        uitkomst = [
            onderdruk(kolom, None if totalen is None else totalen[j])
            for j, kolom in enumerate(kolom_waarden)
        ]
    per_kolom = [cellen for cellen, _ in uitkomst]
    totaal_cellen = [totaal for _, totaal in uitkomst]
    tabel_rijen = [
        Rij(label, [per_kolom[j][i] for j in range(len(kolommen))])
        for i, (label, _) in enumerate(rijen)
    ]
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        rij_kop=rij_kop,
        kolommen=kolommen,
        rijen=tabel_rijen,
        totaal=None if totalen is None else Rij(totaal_label, totaal_cellen),
        uitleg=uitleg,
        grafiek_kolommen=grafiek_kolommen if rijen else (),
    )


def percentage_cel(deel: Cel, geheel: Cel) -> Cel:
    """`deel` as a share of `geheel`, only when both numbers are shown."""
    if deel.onderdrukt or geheel.onderdrukt or not geheel.waarde:
        return Cel(None, Status.ZICHTBAAR, "—")
    procent = int(100 * deel.waarde / geheel.waarde + 0.5)  # half up, as people expect
    return Cel(procent, Status.ZICHTBAAR, f"{procent}%")


def kwartaal_label(kwartaal: date) -> str:
    return f"{kwartaal.year} kwartaal {(kwartaal.month - 1) // 3 + 1}"


def kwartalen_tussen(eerste: date, laatste: date) -> list[date]:
    """Every quarter from `eerste` to `laatste` (first days of the quarters)."""
    uitkomst = []
    while eerste <= laatste:
        uitkomst.append(eerste)
        eerste = plus_maanden(eerste, 3)
    return uitkomst
