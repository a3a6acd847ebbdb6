"""A small dataset with every figure counted by hand (see the table below).

Two referring organisations in Twente: the gemeente of the `consulent` fixture
(G1-G8) and an UWV (U1-U6), plus one candidate in another region (X1).

| cand. | bron/uitkering   | startkw.  | doelgroep | intake     | advies | traject (kwal.)          | plaatsing | verklaring | uitkomst / 6 mnd |
|-------|------------------|-----------|-----------|------------|--------|--------------------------|-----------|------------|------------------|
| G1    | gemeente/pw      | geen      | status.   | 2024-01-15 | +10    | lopend (Entree) +5       | R         | ingetrokken|                  |
| G2    | gemeente/pw      | geen      | status.   | 2024-02-15 | +20    | afgesloten (Entree) +15  | R en O    | 2025-01-10 | werk lb / werk   |
| G3    | gemeente/pw      | geen      | status.   | 2024-03-15 | +30    | verkl. uitg. (Entree) +25| R         | 2025-02-10 | mbo-cert / opl.  |
| G4    | gemeente/pw      | geen      | status.   | 2024-04-15 | +40    | uitgevallen* (Entree) +35| R         |            | uitgevallen      |
| G5    | gemeente/pw      | geen      | status.   | 2024-05-15 | +50    | voorbereid (Entree) +45  | R         |            |                  |
| G6    | gemeente/pw      | verouderd |           | 2024-06-15 | +60    |                          |           |            |                  |
| G7-G8 | gemeente/ww      | geen      |           | 2024-07/08 |        |                          |           |            |                  |
| U1    | uwv/ww           | geen      | arb.bep.  | 2024-01-20 | +70    | lopend (Gastheer) +55    | O         |            |                  |
| U2    | uwv/ww           | geen      | arb.bep.  | 2024-02-20 | +80    | nazorg (Entree) +65      | O         | 2025-04-10 | werk elders/werk |
| U3    | uwv/ww           | geen      | arb.bep.  | 2024-03-20 | +90    | uitgevallen (Entree) +75 | O         |            | uitgevallen      |
| U4    | uwv/ww           | geen      |           | 2024-10-20 | +100   |                          |           |            |                  |
| U5-U6 | uwv/wajong       | geen      |           | 2024-11/12 |        |                          |           |            |                  |

R = regular employer (horeca), O = ontwikkelbedrijf (groen). *G4 dropped out after its
history shows a move to lopend; U3 dropped out without such a move. Every traject
follows its candidate's advice except U3's, which started without one. G1-G5 have the
`jobcoach` fixture as their jobcoach. Trajecten of G* are at mbo M1, of U* at M2.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from kandidaten.constants import Bron, Startkwalificatie, Uitkering
from kwalificaties.constants import Sector
from leerbedrijven.constants import LeerbedrijfSoort
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import LeerbedrijfFactory, kwalificatie
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from trajecten.constants import AdviesUitkomst, TrajectStatus, UitvalReden
from trajecten.models import Advies, TrajectStatuswijziging
from uitkomsten.constants import Contractsoort, Situatie, UitkomstSoort
from uitkomsten.models import Uitkomst, Vervolgmeting
from verklaringen.models import Praktijkverklaring

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
D = datetime.date


@dataclass
class Gegevens:
    consulent: object
    uwv_consulent: object
    jobcoach: object
    gemeente: object
    uwv: object
    kandidaten: dict = field(default_factory=dict)
    trajecten: dict = field(default_factory=dict)


def advies_maken(kandidaat, *, dagen: int, mbo, mbo_medewerker):
    """An advice recorded `dagen` days after the intake (at noon, Dutch time)."""
    advies = Advies.objects.create(
        kandidaat=kandidaat,
        versie=1,
        mbo_medewerker=mbo_medewerker,
        mbo_instelling=mbo,
        voorgesteld=AdviesUitkomst.PRAKTIJKVERKLARING,
        besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
        motivatie="Past goed.",
        besloten_door=kandidaat.consulent,
    )
    op = datetime.datetime.combine(
        kandidaat.toestemming_op + datetime.timedelta(days=dagen),
        datetime.time(12),
        tzinfo=AMSTERDAM,
    )
    Advies.objects.filter(pk=advies.pk).update(created_at=op)
    return advies


_volgnummer = iter(range(1, 10_000))


def verklaring_maken(traject, *, op, werkprocessen, ingetrokken=False):
    nummer = next(_volgnummer)
    verklaring = Praktijkverklaring.objects.create(
        traject=traject,
        mbo_instelling=traject.mbo_instelling,
        jaar=op.year,
        volgnummer=nummer,
        nummer=f"TEST-{op.year}-{nummer}",
        code=f"code-{nummer}",
        periode_van=traject.startdatum,
        periode_tot=op,
        uitgereikt_op=op,
        plaats="Enschede",
        uitgereikt_door=traject.consulent,
        ingetrokken_op=(
            datetime.datetime(2025, 6, 1, 12, tzinfo=AMSTERDAM) if ingetrokken else None
        ),
        intrekking_reden="Fout uitgereikt." if ingetrokken else "",
        ingetrokken_door=traject.consulent if ingetrokken else None,
    )
    verklaring.werkprocessen.set(werkprocessen)
    return verklaring


def uitkomst_maken(traject, soort, **extra):
    if soort in (UitkomstSoort.WERK_LEERBEDRIJF, UitkomstSoort.WERK_ELDERS):
        extra = {"contractsoort": Contractsoort.TIJDELIJK, "uren_per_week": 24, **extra}
    return Uitkomst.objects.create(
        traject=traject,
        soort=soort,
        datum=D(2025, 3, 1),
        door=traject.consulent,
        **extra,
    )


def vervolgmeting_maken(traject, maanden, situatie):
    extra = {}
    if situatie in (Situatie.WERK, Situatie.WERK_EN_OPLEIDING):
        extra = {"contractsoort": Contractsoort.VAST, "uren_per_week": 32}
    return Vervolgmeting.objects.create(
        traject=traject,
        maanden=maanden,
        gepland_op=D(2025, 9, 1),
        gemeten_op=D(2025, 9, 2),
        situatie=situatie,
        door=traject.consulent,
        **extra,
    )


def werkprocessen_van(kwal):
    from kwalificaties.models import Werkproces

    return list(Werkproces.objects.van_kwalificatie(kwal).order_by("code"))


def gegevens_maken(*, consulent, jobcoach) -> Gegevens:
    """Build the dataset of the module docstring; returns the people and objects."""
    gemeente = consulent.organisatie
    uwv = OrganisatieFactory(uwv=True, naam="UWV Testregio")
    uwv_consulent = medewerker_met_rol(Rol.CONSULENT, organisatie=uwv)
    mbo_medewerker = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    m1 = OrganisatieFactory(mbo=True, naam="Mbo Een")
    m2 = OrganisatieFactory(mbo=True, naam="Mbo Twee")
    entree, gastheer = kwalificatie("Entree"), kwalificatie("Gastheer")
    assert entree != gastheer
    r = LeerbedrijfFactory(soort=LeerbedrijfSoort.REGULIER, sector=Sector.HORECA)
    o = LeerbedrijfFactory(soort=LeerbedrijfSoort.ONTWIKKELBEDRIJF, sector=Sector.GROEN)
    g = Gegevens(consulent, uwv_consulent, jobcoach, gemeente, uwv)

    def kandidaat(naam, cons, intake, bron, uitkering, **extra):
        g.kandidaten[naam] = KandidaatFactory(
            voornaam="Geheim",
            achternaam=f"Persoon{naam}",
            consulent=cons,
            toestemming_op=intake,
            bron=bron,
            uitkering=uitkering,
            **extra,
        )

    pw, ww, wajong = Uitkering.PARTICIPATIEWET, Uitkering.WW, Uitkering.WAJONG
    for i, naam in enumerate(["G1", "G2", "G3", "G4", "G5"]):
        kandidaat(
            naam, consulent, D(2024, i + 1, 15), Bron.GEMEENTE, pw,
            statushouder=True, jobcoach=jobcoach,
        )  # fmt: skip
    kandidaat(
        "G6", consulent, D(2024, 6, 15), Bron.GEMEENTE, pw,
        startkwalificatie=Startkwalificatie.VEROUDERD,
        startkwalificatie_motivatie="Diploma uit 1990.",
    )  # fmt: skip
    kandidaat("G7", consulent, D(2024, 7, 15), Bron.GEMEENTE, ww)
    kandidaat("G8", consulent, D(2024, 8, 15), Bron.GEMEENTE, ww)
    for i, naam in enumerate(["U1", "U2", "U3"]):
        kandidaat(
            naam, uwv_consulent, D(2024, i + 1, 20), Bron.UWV, ww,
            arbeidsbeperking=True,
        )  # fmt: skip
    kandidaat("U4", uwv_consulent, D(2024, 10, 20), Bron.UWV, ww)
    kandidaat("U5", uwv_consulent, D(2024, 11, 20), Bron.UWV, wajong)
    kandidaat("U6", uwv_consulent, D(2024, 12, 20), Bron.UWV, wajong)

    # Advice 10, 20, ... 100 days after the intake.
    adviezen = {}
    for i, naam in enumerate(
        ["G1", "G2", "G3", "G4", "G5", "G6", "U1", "U2", "U3", "U4"]
    ):
        adviezen[naam] = advies_maken(
            g.kandidaten[naam],
            dagen=10 * (i + 1),
            mbo=m1,
            mbo_medewerker=mbo_medewerker,
        )

    # Trajecten starting 5, 15, ... 75 days after the intake.
    opzet = [
        ("G1", TrajectStatus.LOPEND, entree, m1, [r]),
        ("G2", TrajectStatus.AFGESLOTEN, entree, m1, [r, o]),
        ("G3", TrajectStatus.VERKLARING_UITGEREIKT, entree, m1, [r]),
        ("G4", TrajectStatus.UITGEVALLEN, entree, m1, [r]),
        ("G5", TrajectStatus.PLAATSING_VOORBEREID, entree, m1, [r]),
        ("U1", TrajectStatus.LOPEND, gastheer, m2, [o]),
        ("U2", TrajectStatus.NAZORG, entree, m2, [o]),
        ("U3", TrajectStatus.UITGEVALLEN, entree, m2, [o]),
    ]
    for i, (naam, status, kwal, mbo, bedrijven) in enumerate(opzet):
        kandidaat_ = g.kandidaten[naam]
        extra = {}
        if status in (TrajectStatus.AFGESLOTEN, TrajectStatus.UITGEVALLEN):
            extra["einddatum"] = D(2025, 1, 31)
        if status == TrajectStatus.UITGEVALLEN:
            extra["uitval_reden"] = (
                UitvalReden.MOTIVATIE if naam == "G4" else UitvalReden.GEZONDHEID
            )
        # U3's traject started without an advice (its advice came later).
        if naam == "U3":
            extra["zonder_advies_reden"] = "Plek bij het leerbedrijf kon niet wachten."
        else:
            extra["advies"] = adviezen[naam]
        traject = TrajectFactory(
            kandidaat=kandidaat_,
            kwalificatie=kwal,
            mbo_instelling=mbo,
            startdatum=kandidaat_.toestemming_op + datetime.timedelta(days=5 + 10 * i),
            status=status,
            **extra,
        )
        for bedrijf in bedrijven:
            PlaatsingFactory(traject=traject, leerbedrijf=bedrijf)
        g.trajecten[naam] = traject

    t = g.trajecten
    TrajectStatuswijziging.objects.create(
        traject=t["G4"], van=TrajectStatus.OVEREENKOMSTEN_GETEKEND,
        naar=TrajectStatus.LOPEND, door=consulent,
    )  # fmt: skip
    TrajectStatuswijziging.objects.create(
        traject=t["G4"], van=TrajectStatus.LOPEND,
        naar=TrajectStatus.UITGEVALLEN, door=consulent,
    )  # fmt: skip
    TrajectStatuswijziging.objects.create(
        traject=t["U3"], van=TrajectStatus.PLAATSING_VOORBEREID,
        naar=TrajectStatus.UITGEVALLEN, door=uwv_consulent,
    )  # fmt: skip

    w1, w2, w3 = werkprocessen_van(entree)[:3]
    verklaring_maken(
        t["G1"], op=D(2025, 1, 5), werkprocessen=[w1, w2, w3], ingetrokken=True
    )
    verklaring_maken(t["G2"], op=D(2025, 1, 10), werkprocessen=[w1, w2])
    verklaring_maken(t["G3"], op=D(2025, 2, 10), werkprocessen=[w1])
    verklaring_maken(t["U2"], op=D(2025, 4, 10), werkprocessen=[w1, w2, w3])

    uitkomst_maken(t["G2"], UitkomstSoort.WERK_LEERBEDRIJF)
    uitkomst_maken(t["G3"], UitkomstSoort.MBO_CERTIFICAAT)
    uitkomst_maken(t["U2"], UitkomstSoort.WERK_ELDERS)
    uitkomst_maken(
        t["G4"], UitkomstSoort.UITGEVALLEN, uitval_reden=UitvalReden.MOTIVATIE
    )
    uitkomst_maken(
        t["U3"], UitkomstSoort.UITGEVALLEN, uitval_reden=UitvalReden.GEZONDHEID
    )
    vervolgmeting_maken(t["G2"], 6, Situatie.WERK)
    vervolgmeting_maken(t["U2"], 6, Situatie.WERK_EN_OPLEIDING)
    vervolgmeting_maken(t["G3"], 6, Situatie.OPLEIDING)

    # X1: another region, another organisation; never in Twente's figures.
    elders = OrganisatieFactory(naam="Gemeente Elders", regios=[regio("AM01")])
    g.kandidaten["X1"] = KandidaatFactory(
        voornaam="Geheim",
        achternaam="PersoonX1",
        regio=regio("AM01"),
        consulent=medewerker_met_rol(Rol.CONSULENT, organisatie=elders),
        toestemming_op=D(2024, 3, 1),
    )
    return g
