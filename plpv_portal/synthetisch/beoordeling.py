"""Step 4: the assessment of each traject (observations with scores, POP goals,
eindbeoordeling, borging), the praktijkverklaringen with their number series, and
the outcomes and follow-up measurements after the end."""

import secrets
from collections import defaultdict
from datetime import date

from core.datums import plus_maanden
from trajecten.constants import PdfStatus, TrajectStatus, UitvalReden
from uitkomsten.constants import (
    OPLEIDING_UITKOMSTEN,
    WERK_SITUATIES,
    WERK_UITKOMSTEN,
    UitkomstSoort,
)
from uitkomsten.models import Uitkomst, Vervolgmeting
from verklaringen.constants import BorgingStatus, Niveau, ObservatieSoort
from verklaringen.models import (
    Borging,
    Eindbeoordeling,
    Nummerreeks,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Praktijkverklaring,
)
from verklaringen.services.uitgifte import verificatie_pad

from . import gegevens as g
from .basis import ADRES, GEEN_PDF, Omgeving
from .kandidaten import Reis
from .netwerk import Catalogus, RegioInfo

S = TrajectStatus


def verklaring_nummer(brin: str, jaar: int, volgnummer: int) -> str:
    """The same form as `verklaring_uitreiken` gives: BRIN-jaar-volgnummer."""
    return f"{brin}-{jaar}-{volgnummer:04d}"


class Beoordeling:
    def __init__(
        self,
        omg: Omgeving,
        reizen: list[Reis],
        catalogus: Catalogus,
        regios: list[RegioInfo],
    ):
        self.omg = omg
        self.reizen = [r for r in reizen if r.bereikt(S.LOPEND)]
        self.catalogus = catalogus
        self.mbo = {org.pk: (org, info) for info in regios for org in info.mbo}

    # --- observations ---
    def _niveau(self, voortgang: float) -> str:
        x = voortgang + self.omg.rng.gauss(0, 0.25)
        if x < 0.3:
            return Niveau.NOG_NIET
        return Niveau.MET_HULP if x < 0.75 else Niveau.ZELFSTANDIG

    def _metingen(self, reis: Reis) -> list[tuple[date, str, list[int]]]:
        """(day, kind, werkprocessen) of each observation: the 0-meting of every
        werkproces, then every 6 to 10 weeks one werkproces."""
        omg = self.omg
        tot = min(reis.lopend_tot or omg.vandaag, omg.vandaag)
        dag = reis.startdatum + omg.dagen(0, 10)
        if dag > tot:
            return []
        uit = [(dag, ObservatieSoort.NULMETING, reis.werkprocessen)]
        while True:
            dag += omg.dagen(42, 70)
            if dag > tot:
                return uit
            uit.append(
                (
                    dag,
                    ObservatieSoort.TUSSENRESULTAAT,
                    [omg.rng.choice(reis.werkprocessen)],
                )
            )

    def observaties_maken(self) -> None:
        omg = self.omg
        plan = [
            (reis, dag, soort, wps)
            for reis in self.reizen
            for dag, soort, wps in self._metingen(reis)
        ]

        def observatie(item):
            reis, dag, soort, _ = item
            return Observatie(
                traject_id=reis.traject_id,
                datum=dag,
                soort=soort,
                door_id=reis.consulent_id,
                created=omg.moment(dag),
            )

        gedrag = self.catalogus.gedragsvoorbeelden
        scores = []
        for (reis, dag, _, wps), obs in omg.opslaan_per_batch(
            Observatie, plan, observatie
        ):
            duur = max(1, (reis.geplande_einddatum - reis.startdatum).days)
            voortgang = (dag - reis.startdatum).days / duur
            scores += [
                ObservatieScore(
                    observatie_id=obs.pk,
                    gedragsvoorbeeld_id=gv,
                    niveau=self._niveau(voortgang),
                )
                for wp in wps
                for gv in gedrag.get(wp, [])
            ]
            if len(scores) >= 20000:
                omg.opslaan(ObservatieScore, scores)
                scores = []
        omg.opslaan(ObservatieScore, scores)

    def doelen_maken(self) -> None:
        omg = self.omg

        def rijen():
            for reis in self.reizen:
                for wp in omg.rng.sample(
                    reis.werkprocessen,
                    min(len(reis.werkprocessen), omg.rng.randint(1, 2)),
                ):
                    dag = min(omg.vandaag, reis.startdatum + omg.dagen(7, 30))
                    yield Ontwikkeldoel(
                        traject_id=reis.traject_id,
                        werkproces_id=wp,
                        doel="Werkt na een korte uitleg zelfstandig door.",
                        afgesproken_op=dag,
                        actief=reis.status in (S.LOPEND, S.BEOORDEELD),
                        created_at=omg.moment(dag),
                        updated_at=omg.moment(dag),
                    )

        omg.opslaan_stroom(Ontwikkeldoel, rijen())

    # --- eindbeoordeling and borging ---
    def eindbeoordelingen_maken(self) -> None:
        omg = self.omg
        rijen, borgingen = [], []
        for reis in self.reizen:
            ingediend = [d for s, d in reis.stappen if s == S.BEOORDEELD]
            if not ingediend:
                continue
            beheerst = [omg.kans(0.93) for _ in reis.werkprocessen]
            beheerst[0] = True  # a verklaring names at least one werkproces
            reis.beheerst = [
                wp for wp, ja in zip(reis.werkprocessen, beheerst, strict=True) if ja
            ]
            rijen += [
                Eindbeoordeling(
                    traject_id=reis.traject_id,
                    werkproces_id=wp,
                    beheerst=ja,
                    datum=ingediend[-1],
                    motivatie="Laat dit zelfstandig zien op de werkplek." if ja else "",
                    door_id=reis.consulent_id,
                    created_at=omg.moment(ingediend[-1]),
                    updated_at=omg.moment(ingediend[-1]),
                )
                for wp, ja in zip(reis.werkprocessen, beheerst, strict=True)
            ]
            terug = [d for s, d in reis.stappen if s == S.LOPEND][1:]
            for i, dag in enumerate(ingediend):
                borgingen.append(
                    Borging(
                        traject_id=reis.traject_id,
                        status=BorgingStatus.INGEDIEND,
                        door_id=reis.consulent_id,
                        op=omg.moment(dag),
                    )
                )
                if i < len(terug):
                    borgingen.append(
                        Borging(
                            traject_id=reis.traject_id,
                            status=BorgingStatus.TERUGGESTUURD,
                            opmerking="Graag meer voorbeelden bij de motivatie.",
                            door_id=reis.mbo_medewerker_id,
                            op=omg.moment(terug[i]),
                        )
                    )
            goed = reis.bereikt(S.VERKLARING_UITGEREIKT)
            if goed:
                goed = max(ingediend[-1], goed - omg.dagen(0, 4))
                borgingen.append(
                    Borging(
                        traject_id=reis.traject_id,
                        status=BorgingStatus.GOEDGEKEURD,
                        door_id=reis.mbo_medewerker_id,
                        op=omg.moment(goed),
                    )
                )
        omg.opslaan(Eindbeoordeling, rijen)
        omg.opslaan(Borging, borgingen)

    # --- praktijkverklaringen ---
    def verklaringen_maken(self) -> None:
        """One verklaring per traject that reached 'verklaring uitgereikt', numbered
        per mbo-instelling and year 1..n without gaps, in the order of issue."""
        omg = self.omg
        uitgereikt = sorted(
            (r for r in self.reizen if r.bereikt(S.VERKLARING_UITGEREIKT)),
            key=lambda r: (r.mbo_id, r.bereikt(S.VERKLARING_UITGEREIKT), r.traject_id),
        )
        teller: dict[tuple[int, int], int] = defaultdict(int)
        verklaringen = []
        for reis in uitgereikt:
            dag = reis.bereikt(S.VERKLARING_UITGEREIKT)
            org, info = self.mbo[reis.mbo_id]
            teller[(org.pk, dag.year)] += 1
            volgnummer = teller[(org.pk, dag.year)]
            ingetrokken = omg.kans(0.004)
            # Random, not from the seed: a code must never be guessable, also not
            # in a copy of a synthetic database.
            code = secrets.token_urlsafe(18)
            verklaringen.append(
                Praktijkverklaring(
                    traject_id=reis.traject_id,
                    mbo_instelling_id=org.pk,
                    jaar=dag.year,
                    volgnummer=volgnummer,
                    nummer=verklaring_nummer(org.brin_code, dag.year, volgnummer),
                    code=code,
                    verificatie_url=ADRES + verificatie_pad(code),
                    periode_van=min(reis.startdatum, reis.lopend_tot),
                    periode_tot=reis.lopend_tot,
                    uitgereikt_op=dag,
                    plaats=info.plaatsen[0],
                    uitgereikt_door_id=reis.mbo_medewerker_id,
                    pdf=GEEN_PDF,
                    pdf_status=PdfStatus.KLAAR,
                    ingetrokken_op=omg.moment(min(omg.vandaag, dag + omg.dagen(10, 60)))
                    if ingetrokken
                    else None,
                    intrekking_reden="Uitgereikt op grond van een onjuiste beoordeling."
                    if ingetrokken
                    else "",
                    ingetrokken_door_id=reis.mbo_medewerker_id if ingetrokken else None,
                    created_at=omg.moment(dag),
                    updated_at=omg.moment(dag),
                )
            )
        omg.opslaan(Praktijkverklaring, verklaringen)
        koppel = Praktijkverklaring.werkprocessen.through
        omg.opslaan_stroom(
            koppel,
            (
                koppel(praktijkverklaring_id=v.pk, werkproces_id=wp)
                for reis, v in zip(uitgereikt, verklaringen, strict=True)
                for wp in reis.beheerst
            ),
        )
        omg.opslaan(
            Nummerreeks,
            [
                Nummerreeks(mbo_instelling_id=mbo, jaar=jaar, laatste=laatste)
                for (mbo, jaar), laatste in sorted(teller.items())
            ],
        )

    # --- outcomes and follow-up ---
    def uitkomsten_maken(self, alle_reizen: list[Reis]) -> None:
        """An outcome for most trajecten that ended (afgesloten or uitgevallen), and
        the follow-up measurements at 6 and 12 months after the end."""
        omg, vandaag = self.omg, self.omg.vandaag
        uitkomsten, reizen = [], []
        for reis in alle_reizen:
            if not reis.einddatum or not omg.kans(0.92):
                continue
            dag = min(vandaag, reis.einddatum + omg.dagen(0, 14))
            if (
                reis.status == S.UITGEVALLEN
                and reis.uitval_reden != UitvalReden.WERK_GEVONDEN
            ):
                soort = UitkomstSoort.UITGEVALLEN
            elif reis.status == S.UITGEVALLEN:
                soort = UitkomstSoort.WERK_ELDERS
            else:
                soort = omg.kies(g.UITKOMST_GEWICHT)
            werk = soort in WERK_UITKOMSTEN
            uitkomsten.append(
                Uitkomst(
                    traject_id=reis.traject_id,
                    soort=soort,
                    datum=dag,
                    contractsoort=omg.kies(g.CONTRACT_GEWICHT) if werk else "",
                    uren_per_week=omg.rng.choice([16, 20, 24, 32, 36])
                    if werk
                    else None,
                    uitval_reden=reis.uitval_reden
                    if soort == UitkomstSoort.UITGEVALLEN
                    else "",
                    door_id=reis.consulent_id,
                    created_at=omg.moment(dag),
                    updated_at=omg.moment(dag),
                )
            )
            reizen.append(reis)
        omg.opslaan(Uitkomst, uitkomsten)
        metingen = []
        for reis, uitkomst in zip(reizen, uitkomsten, strict=True):
            if uitkomst.soort in WERK_UITKOMSTEN:
                verdeling = g.SITUATIE_NA_WERK
            elif uitkomst.soort in OPLEIDING_UITKOMSTEN:
                verdeling = g.SITUATIE_NA_OPLEIDING
            else:
                verdeling = g.SITUATIE_ANDERS
            for maanden in (6, 12):
                gepland = plus_maanden(reis.einddatum, maanden)
                gemeten = gepland + omg.dagen(0, 30)
                meting = gemeten <= vandaag and omg.kans(0.8)
                situatie = omg.kies(verdeling) if meting else ""
                werk = situatie in WERK_SITUATIES
                metingen.append(
                    Vervolgmeting(
                        traject_id=reis.traject_id,
                        maanden=maanden,
                        gepland_op=gepland,
                        gemeten_op=gemeten if meting else None,
                        situatie=situatie,
                        contractsoort=omg.kies(g.CONTRACT_GEWICHT) if werk else "",
                        uren_per_week=omg.rng.choice([16, 24, 32]) if werk else None,
                        door_id=reis.consulent_id if meting else None,
                        created_at=uitkomst.created_at,
                        updated_at=omg.moment(gemeten)
                        if meting
                        else uitkomst.created_at,
                    )
                )
        omg.opslaan(Vervolgmeting, metingen)
