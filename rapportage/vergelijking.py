"""The comparison of regions for the functioneel beheerder: aggregates only."""

from functools import cached_property

from .doorlooptijden import met_trechter
from .onderdrukking import mediaan_cel
from .overzicht import DOORLOOPTIJD_LABELS, Sectie
from .populatie import Populatie
from .tabellen import Rij, Tabel, tabel_maken


class Vergelijking:
    """Key figures per region for the functioneel beheerder: aggregates only."""

    def __init__(self, populatie: Populatie, regios: list, *, bron: str = "feiten"):
        self.pop = populatie
        self.regios = regios  # Arbeidsmarktregio objects, in order
        self.bron = bron  # as in Dashboard

    @cached_property
    def _per_regio(self) -> tuple[dict, dict]:
        """(funnel, lead times) per region: one query from the facts."""
        return met_trechter(self.pop, per_regio=True, bron=self.bron)

    def sleutel(self) -> str:
        """What the figures depend on (for the cache): population and regions."""
        return repr((self.pop, [r.pk for r in self.regios]))

    SLEUTELS = frozenset({"regios", "regios_doorlooptijden"})
    KOLOMMEN = [
        ("aangemeld", "Aangemeld"),
        ("advies", "Advies"),
        ("geplaatst", "Geplaatst"),
        ("lopend", "Begonnen"),
        ("verklaring", "Praktijkverklaring"),
        ("werk", "Werk na het traject"),
        ("werk_6", "Werk na 6 maanden"),
        ("werk_12", "Werk na 12 maanden"),
    ]

    def tabel_regios(self) -> Tabel:
        per_regio = self._per_regio[0]
        rijen = [
            (r.naam, [per_regio.get(r.pk, {}).get(k, 0) for k, _ in self.KOLOMMEN])
            for r in self.regios
        ]
        # Every candidate belongs to one region, so the columns add up.
        totalen = [sum(w[j] for _, w in rijen) for j in range(len(self.KOLOMMEN))]
        return tabel_maken(
            sleutel="regios",
            titel="Kerncijfers per regio",
            rij_kop="Regio",
            kolommen=[label for _, label in self.KOLOMMEN],
            rijen=rijen,
            totalen=totalen,
            totaal_label="Alle regio's",
            uitleg="Aantallen personen. Iedere kandidaat hoort bij één regio.",
            grafiek_kolommen=(0, 4),
            rijen_samen=True,
        )

    def tabel_regios_doorlooptijden(self) -> Tabel:
        per_regio = self._per_regio[1]
        leeg = dict.fromkeys(DOORLOOPTIJD_LABELS, (None, 0))
        totaal = per_regio.get(None, leeg)

        def rij(label, tijden):
            return Rij(label, [mediaan_cel(*tijden[s]) for s in DOORLOOPTIJD_LABELS])

        return Tabel(
            sleutel="regios_doorlooptijden",
            titel="Doorlooptijd per regio (mediaan in dagen)",
            rij_kop="Regio",
            kolommen=list(DOORLOOPTIJD_LABELS.values()),
            rijen=[rij(r.naam, per_regio.get(r.pk, leeg)) for r in self.regios],
            totaal=rij("Alle regio's", totaal),
            uitleg=(
                "De mediaan is het middelste getal. 'Te weinig' betekent: minder dan "
                "5 personen, dan tonen we geen mediaan."
            ),
            grafiek_kolommen=(),
        )

    def tabel(self, sleutel: str) -> Tabel | None:
        if sleutel not in self.SLEUTELS:
            return None
        return getattr(self, f"tabel_{sleutel}")()

    def secties(self) -> list[Sectie]:
        return [
            Sectie(
                "Regio's naast elkaar",
                [self.tabel_regios(), self.tabel_regios_doorlooptijden()],
            )
        ]
