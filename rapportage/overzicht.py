"""The dashboard and the comparison of regions as sections of shown tables.

`Dashboard` runs each query of `cijfers` at most once and only when a table needs
it, so an export of one table runs only the queries of that table.
"""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from kandidaten.constants import Bron, Startkwalificatie, Uitkering
from kandidaten.models import Kandidaat
from kwalificaties.constants import Sector
from trajecten.constants import UitvalReden
from uitkomsten.constants import UitkomstSoort

from . import cijfers, cijfers_live
from .doorlooptijden import met_trechter
from .onderdrukking import Cel, mediaan_cel, onderdruk
from .populatie import Populatie
from .tabellen import (
    Rij,
    Tabel,
    kwartaal_label,
    kwartalen_tussen,
    percentage_cel,
    tabel_maken,
)

PERSONEN = "Personen"
TRECHTER_STAPPEN = [
    ("aangemeld", "Aangemeld"),
    ("advies", "Advies gekregen"),
    ("na_advies", "Geplaatst na een advies"),
    ("zonder_advies", "Zonder advies gestart"),
    ("lopend", "Traject is echt begonnen"),
    ("verklaring", "Praktijkverklaring gekregen"),
    ("werk_6", "Werk na 6 maanden"),
    ("werk_12", "Werk na 12 maanden"),
]
RESULTAAT_KOLOMMEN = [
    ("geplaatst", "Geplaatst"),
    ("verklaring", "Praktijkverklaring"),
    ("werk", "Werk na het traject"),
    ("uitgevallen", "Uitgevallen"),
]
DOORLOOPTIJD_LABELS = {
    "advies": "Van intake tot advies",
    "plaatsing": "Van intake tot start traject",
    "verklaring": "Van intake tot praktijkverklaring",
}
MEER_RIJEN = (
    "Iemand met meer plaatsingen of trajecten telt in meer rijen mee. Het totaal "
    "telt iedereen één keer."
)


@dataclass(frozen=True)
class Sectie:
    titel: str
    tabellen: list[Tabel]


@dataclass(frozen=True)
class Kerncijfer:
    """One headline figure at the top of the dashboard (suppressed like a cell)."""

    sleutel: str
    label: str
    cel: Cel
    uitleg: str


def _doelgroep_label(veld: str) -> str:
    return str(Kandidaat._meta.get_field(veld).verbose_name).capitalize()


BRONNEN = {"feiten": cijfers, "live": cijfers_live}


class Dashboard:
    """The figures of one population, built lazily per table.

    `bron`: "feiten" (the fact tables, what the pages use) or "live" (the
    definitions on the live tables, for the test that compares the two)."""

    def __init__(self, populatie: Populatie, *, bron: str = "feiten"):
        self.pop = populatie
        self.bron = bron
        self.cijfers = BRONNEN[bron]

    def sleutel(self) -> str:
        """What the figures depend on (for the cache): the population."""
        return repr(self.pop)

    # --- raw figures, each one query (or a few) run at most once ---
    @cached_property
    def _kandidaten(self) -> tuple[dict, dict]:
        """(funnel, lead times): one query from the facts."""
        trechter, tijden = met_trechter(self.pop, per_regio=False, bron=self.bron)
        return trechter[None], tijden[None]

    @cached_property
    def _trechter(self) -> dict:
        return self._kandidaten[0]

    @cached_property
    def _instroom(self) -> dict:
        return self.cijfers.instroom(self.pop)

    def _resultaat_totalen(self) -> list[int]:
        return [self._trechter[k] for k, _ in RESULTAAT_KOLOMMEN]

    # --- the tables ---
    def tabel_trechter(self) -> Tabel:
        waarden = [self._trechter[k] for k, _ in TRECHTER_STAPPEN]
        cellen, _ = onderdruk(waarden)
        # With and without an advice split the persons placed, whose number other
        # tables show (trend, results): the pair is one series with that total, so
        # a "<5" on one line cannot be worked out from the other.
        sleutels = [k for k, _ in TRECHTER_STAPPEN]
        paar = [sleutels.index("na_advies"), sleutels.index("zonder_advies")]
        paar_cellen, _ = onderdruk(
            [waarden[i] for i in paar], totaal=self._trechter["geplaatst"]
        )
        for i, cel in zip(paar, paar_cellen, strict=True):
            cellen[i] = cel
        aangemeld = cellen[0]
        rijen = [
            Rij(label, [cel, percentage_cel(cel, aangemeld)])
            for (_, label), cel in zip(TRECHTER_STAPPEN, cellen, strict=True)
        ]
        return Tabel(
            sleutel="trechter",
            titel="Hoe ver kwamen de kandidaten?",
            rij_kop="Stap",
            kolommen=[PERSONEN, "Deel van aangemeld"],
            rijen=rijen,
            uitleg=(
                "Hoeveel kandidaten deze stap bereikten. 'Zonder advies gestart' "
                "zijn kandidaten met een traject dat begon zonder Checklist "
                "inclusief advies: zij tellen niet mee bij 'Geplaatst na een "
                "advies'. Werk na 6 en 12 maanden komt uit de vervolgmetingen."
            ),
        )

    def tabel_doorlooptijden(self) -> Tabel:
        tijden = self._kandidaten[1]
        aantallen, _ = onderdruk([tijden[stap][1] for stap in DOORLOOPTIJD_LABELS])
        rijen = [
            Rij(label, [mediaan_cel(*tijden[stap]), aantal])
            for (stap, label), aantal in zip(
                DOORLOOPTIJD_LABELS.items(), aantallen, strict=True
            )
        ]
        return Tabel(
            sleutel="doorlooptijden",
            titel="Hoe lang duurt het?",
            rij_kop="Periode",
            kolommen=["Mediaan in dagen", PERSONEN],
            rijen=rijen,
            uitleg=(
                "De mediaan is het middelste getal: de helft van de kandidaten was "
                "sneller, de helft langzamer. We tonen hem alleen als hij over 5 of "
                "meer personen gaat."
            ),
            grafiek_kolommen=(),
        )

    def _keuze_tabel(self, sleutel, titel, rij_kop, keuzes, telling, totaal, **kw):
        return tabel_maken(
            sleutel=sleutel,
            titel=titel,
            rij_kop=rij_kop,
            kolommen=[PERSONEN],
            rijen=[(str(label), [telling.get(waarde, 0)]) for waarde, label in keuzes],
            totalen=None if totaal is None else [totaal],
            **kw,
        )

    def tabel_instroom_bron(self) -> Tabel:
        i = self._instroom
        return self._keuze_tabel(
            "instroom_bron",
            "Aangemeld door",
            "Aangemeld door",
            Bron.choices,
            i["bron"],
            i["totaal"],
        )

    def tabel_instroom_uitkering(self) -> Tabel:
        i = self._instroom
        return self._keuze_tabel(
            "instroom_uitkering",
            "Uitkering bij de intake",
            "Uitkering",
            Uitkering.choices,
            i["uitkering"],
            i["totaal"],
        )

    def tabel_instroom_doelgroep(self) -> Tabel:
        keuzes = [(d, _doelgroep_label(d)) for d in cijfers.DOELGROEPEN]
        return self._keuze_tabel(
            "instroom_doelgroep",
            "Doelgroep",
            "Doelgroep",
            keuzes,
            self._instroom["doelgroep"],
            None,
            uitleg="Iemand kan in meer groepen vallen, of in geen enkele.",
        )

    def tabel_instroom_startkwalificatie(self) -> Tabel:
        i = self._instroom
        return self._keuze_tabel(
            "instroom_startkwalificatie",
            "Startkwalificatie",
            "Startkwalificatie",
            Startkwalificatie.choices,
            i["startkwalificatie"],
            i["totaal"],
        )

    def tabel_uitkomsten(self) -> Tabel:
        return self._keuze_tabel(
            "uitkomsten",
            "Uitkomst aan het einde van het traject",
            "Uitkomst",
            UitkomstSoort.choices,
            self.cijfers.uitkomsten(self.pop),
            self._trechter["met_uitkomst"],
            uitleg="Alleen trajecten waarvan de uitkomst is vastgelegd.",
        )

    def tabel_uitval(self) -> Tabel:
        return self._keuze_tabel(
            "uitval",
            "Reden van uitval",
            "Reden",
            UitvalReden.choices,
            self.cijfers.uitval(self.pop),
            self._trechter["uitgevallen"],
        )

    def _resultaat_tabel(self, sleutel, titel, rij_kop, rijen, uitleg=MEER_RIJEN):
        return tabel_maken(
            sleutel=sleutel,
            titel=titel,
            rij_kop=rij_kop,
            kolommen=[label for _, label in RESULTAAT_KOLOMMEN],
            rijen=[
                (label, [telling.get(k, 0) for k, _ in RESULTAAT_KOLOMMEN])
                for label, telling in rijen
            ],
            totalen=self._resultaat_totalen(),
            totaal_label="Totaal (iedereen één keer)",
            uitleg=uitleg,
            rijen_samen=True,
        )

    def tabel_resultaten_soort(self) -> Tabel:
        telling = self.cijfers.resultaten_per_soort(self.pop)
        rijen = [
            ("Reguliere werkgever", telling.get(cijfers.SOORT_REGULIER, {})),
            (
                "Ontwikkelbedrijf of sw-bedrijf",
                telling.get(cijfers.SOORT_ONTWIKKELBEDRIJF, {}),
            ),
        ]
        if cijfers.GEEN_PLAATSING in telling:
            rijen.append(("Nog geen leerbedrijf", telling[cijfers.GEEN_PLAATSING]))
        return self._resultaat_tabel(
            "resultaten_soort",
            "Resultaten per soort leerbedrijf",
            "Soort leerbedrijf",
            rijen,
            uitleg=MEER_RIJEN + " Overheid en andere werkgevers tellen als regulier.",
        )

    def tabel_resultaten_sector(self) -> Tabel:
        telling = self.cijfers.resultaten_per_sector(self.pop)
        rijen = [
            (str(label), telling.get(waarde, {})) for waarde, label in Sector.choices
        ]
        if None in telling:
            rijen.append(("Nog geen leerbedrijf", telling[None]))
        return self._resultaat_tabel(
            "resultaten_sector", "Resultaten per sector", "Sector", rijen
        )

    def _per_naam(self, telling: dict) -> list[tuple[str, dict]]:
        return sorted(
            ((naam, rij) for (_, naam), rij in telling.items()),
            key=lambda x: x[0].lower(),
        )

    def tabel_resultaten_kwalificatie(self) -> Tabel:
        return self._resultaat_tabel(
            "resultaten_kwalificatie",
            "Resultaten per kwalificatie",
            "Kwalificatie",
            self._per_naam(self.cijfers.resultaten_per_kwalificatie(self.pop)),
        )

    def tabel_resultaten_mbo(self) -> Tabel:
        return self._resultaat_tabel(
            "resultaten_mbo",
            "Resultaten per mbo-instelling",
            "Mbo-instelling",
            self._per_naam(self.cijfers.resultaten_per_mbo(self.pop)),
        )

    def tabel_resultaten_verwijzer(self) -> Tabel:
        telling = self.cijfers.resultaten_per_verwijzer(self.pop)
        kolommen = [("aangemeld", "Aangemeld"), *RESULTAAT_KOLOMMEN]
        return tabel_maken(
            sleutel="resultaten_verwijzer",
            titel="Resultaten per verwijzende organisatie",
            rij_kop="Organisatie",
            kolommen=[label for _, label in kolommen],
            rijen=[
                (naam, [rij.get(k, 0) for k, _ in kolommen])
                for naam, rij in self._per_naam(telling)
            ],
            totalen=[self._trechter["aangemeld"], *self._resultaat_totalen()],
            totaal_label="Totaal (iedereen één keer)",
            uitleg=MEER_RIJEN,
        )

    def tabel_resultaten_werkproces(self) -> Tabel:
        telling = self.cijfers.werkprocessen(self.pop)
        rijen = sorted(
            telling.values(), key=lambda r: (r["kwalificatie"], r["code"], r["titel"])
        )
        return tabel_maken(
            sleutel="resultaten_werkproces",
            titel="Praktijkverklaringen per werkproces",
            rij_kop="Werkproces",
            kolommen=["In het traject", "In de praktijkverklaring"],
            rijen=[
                (
                    f"{r['code']} {r['titel']} ({r['kwalificatie']})",
                    [r["gekozen"], r["verklaring"]],
                )
                for r in rijen
            ],
            uitleg=(
                "Hoeveel personen aan dit werkproces werkten, en hoeveel het in een "
                "praktijkverklaring kregen. Iemand telt bij elk werkproces mee."
            ),
            grafiek_kolommen=(1,),
        )

    def tabel_trend(self) -> Tabel:
        reeksen = self.cijfers.per_kwartaal(self.pop)
        alle = sorted({k for reeks in reeksen.values() for k in reeks})
        kwartalen = kwartalen_tussen(alle[0], alle[-1]) if alle else []
        namen = ("instroom", "plaatsingen", "verklaringen")
        return tabel_maken(
            sleutel="trend",
            titel="Per kwartaal",
            rij_kop="Kwartaal",
            kolommen=["Instroom", "Gestart met een traject", "Praktijkverklaring"],
            rijen=[
                (kwartaal_label(k), [reeksen[n].get(k, 0) for n in namen])
                for k in kwartalen
            ],
            totalen=[
                self._trechter["aangemeld"],
                self._trechter["geplaatst"],
                self._trechter["verklaring"],
            ],
            totaal_label="Totaal (iedereen één keer)",
            uitleg=(
                "Instroom telt op de datum van de intake, de start op de startdatum "
                "van het traject, de praktijkverklaring op de datum van uitreiken."
            ),
            grafiek_kolommen=(0, 1, 2),
        )

    # --- the headline figures ---
    def kerncijfers(self, vandaag: date) -> list[Kerncijfer]:
        """The four figures a coordinator looks at first; the same small-number rule
        as every cell ("<5"). Three queries plus the funnel the page needs anyway."""
        telling = self.cijfers.kerncijfers(self.pop, vandaag=vandaag)
        kwartaal = kwartaal_label(cijfers.kwartaal_begin(vandaag))
        rijen = [
            (
                "instroom_kwartaal",
                "Instroom dit kwartaal",
                telling["instroom_kwartaal"],
                f"Kandidaten met een intake in {kwartaal}.",
            ),
            (
                "lopend",
                "Lopende trajecten",
                telling["lopend"],
                "Kandidaten van wie het traject nu loopt.",
            ),
            (
                "verklaringen_jaar",
                f"Praktijkverklaringen {vandaag.year}",
                telling["verklaringen_jaar"],
                "Kandidaten die dit jaar een praktijkverklaring kregen.",
            ),
            (
                "werk_6",
                "Werk na 6 maanden",
                self._trechter["werk_6"],
                "Kandidaten met werk bij de nameting na 6 maanden.",
            ),
        ]
        return [
            Kerncijfer(sleutel, label, onderdruk([waarde])[0][0], uitleg)
            for sleutel, label, waarde, uitleg in rijen
        ]

    # --- the page ---
    SECTIES = [
        ("Van aanmelding tot werk", ["trechter", "doorlooptijden"]),
        (
            "Instroom",
            [
                "instroom_bron",
                "instroom_uitkering",
                "instroom_doelgroep",
                "instroom_startkwalificatie",
            ],
        ),
        ("Uitkomsten en uitval", ["uitkomsten", "uitval"]),
        (
            "Resultaten",
            [
                "resultaten_soort",
                "resultaten_sector",
                "resultaten_kwalificatie",
                "resultaten_werkproces",
                "resultaten_mbo",
                "resultaten_verwijzer",
            ],
        ),
        ("Trends", ["trend"]),
    ]
    SLEUTELS = frozenset(s for _, sleutels in SECTIES for s in sleutels)

    def tabel(self, sleutel: str) -> Tabel | None:
        if sleutel not in self.SLEUTELS:
            return None
        return getattr(self, f"tabel_{sleutel}")()

    def secties(self) -> list[Sectie]:
        return [
            Sectie(titel, [self.tabel(s) for s in sleutels])
            for titel, sleutels in self.SECTIES
        ]
