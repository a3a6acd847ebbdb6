"""Step 3: the trajecten of the candidates who got that far, with their status
history, placements, funding and the three signed agreements."""

import hashlib

from trajecten.constants import (
    PARTIJEN,
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
    Plaatsingstype,
    Routefase,
    TrajectStatus,
)
from trajecten.models import (
    Financiering,
    Ondertekening,
    Overeenkomst,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
    TrajectStatuswijziging,
)

from . import gegevens as g
from .basis import GEEN_PDF, Omgeving
from .kandidaten import Reis

S = TrajectStatus
ROL_PER_PARTIJ = {
    Partij.KANDIDAAT: "Kandidaat",
    Partij.LEERBEDRIJF: "Praktijkopleider",
    Partij.MBO: "Mbo-medewerker",
    Partij.VERWIJZER: "Consulent",
}


def _door(reis: Reis, van: str, naar: str) -> int:
    """Who made a move: the mbo-medewerker judges the assessment, else the consulent."""
    if van == S.BEOORDEELD and naar in (S.LOPEND, S.VERKLARING_UITGEREIKT):
        return reis.mbo_medewerker_id
    return reis.consulent_id


class Trajecten:
    def __init__(self, omg: Omgeving, reizen: list[Reis]):
        self.omg = omg
        self.reizen = [r for r in reizen if r.stappen]

    def trajecten_maken(self) -> None:
        for reis, traject in self.omg.opslaan_per_batch(
            Traject, self.reizen, self._traject
        ):
            reis.traject_id = traject.pk
        koppel = Traject.werkprocessen.through
        self.omg.opslaan_stroom(
            koppel,
            (
                koppel(traject_id=reis.traject_id, werkproces_id=wp)
                for reis in self.reizen
                for wp in reis.werkprocessen
            ),
        )

    def _traject(self, reis: Reis) -> Traject:
        omg = self.omg
        return Traject(
            kandidaat_id=reis.kandidaat_id,
            advies_id=reis.advies_id,
            kwalificatie_id=reis.kwalificatie_id,
            mbo_instelling_id=reis.mbo_id,
            consulent_id=reis.consulent_id,
            jobcoach_id=reis.jobcoach_id,
            startdatum=reis.startdatum,
            geplande_einddatum=reis.geplande_einddatum,
            einddatum=reis.einddatum,
            uren_per_week=omg.rng.choice([12, 16, 20, 24, 24, 28, 32, 32, 36]),
            plaatsingstype=Plaatsingstype.DUURZAAM
            if omg.kans(0.6)
            else Plaatsingstype.SPRINGPLANK,
            status=reis.status,
            uitval_reden=reis.uitval_reden,
            versie=len(reis.stappen),
            created_at=omg.moment(reis.stappen[0][1]),
            updated_at=omg.moment(reis.stappen[-1][1]),
        )

    def historie_maken(self) -> None:
        omg = self.omg

        def rijen():
            for reis in self.reizen:
                van = ""
                for naar, dag in reis.stappen:
                    reden = ""
                    if not van:
                        reden = "Traject gestart."
                    elif naar == S.UITGEVALLEN:
                        reden = "Gestopt; zie de reden van uitval."
                    yield TrajectStatuswijziging(
                        traject_id=reis.traject_id,
                        van=van,
                        naar=naar,
                        door_id=_door(reis, van, naar),
                        op=omg.moment(dag),
                        reden=reden,
                    )
                    van = naar

        omg.opslaan_stroom(TrajectStatuswijziging, rijen())

    def plaatsingen_maken(self) -> None:
        omg = self.omg

        def rijen():
            for reis in self.reizen:
                start, einde = reis.startdatum, reis.geplande_einddatum
                if reis.werkfit:
                    overgang = start + omg.dagen(45, 90)
                    yield self._plaatsing(
                        reis, reis.werkfit, Routefase.WERKFIT, start, overgang
                    )
                    start = overgang
                yield self._plaatsing(
                    reis, reis.leerbedrijf, Routefase.PRAKTIJKLEREN, start, einde
                )

        omg.opslaan_stroom(Plaatsing, rijen())

    def _plaatsing(self, reis, lb, routefase, start, einde) -> Plaatsing:
        omg = self.omg
        moment = omg.moment(reis.stappen[0][1])
        return Plaatsing(
            traject_id=reis.traject_id,
            leerbedrijf_id=lb.id,
            vestiging_id=lb.vestigingen[0],
            praktijkopleider_id=omg.rng.choice(lb.praktijkopleiders),
            routefase=routefase,
            startdatum=start,
            einddatum=einde,
            created_at=moment,
            updated_at=moment,
        )

    def financiering_maken(self) -> None:
        omg = self.omg

        def rijen():
            for reis in self.reizen:
                moment = omg.moment(reis.stappen[0][1])
                fasen = (
                    [Routefase.WERKFIT, Routefase.PRAKTIJKLEREN]
                    if reis.werkfit
                    else [""]
                )
                for fase in fasen:
                    yield Financiering(
                        traject_id=reis.traject_id,
                        regeling=omg.kies(g.REGELING_GEWICHT),
                        routefase=fase,
                        betaler_id=reis.organisatie_id,
                        bedrag_mbo=omg.rng.randrange(500, 2500, 50),
                        bedrag_werkgever=omg.rng.randrange(0, 3000, 100),
                        created_at=moment,
                        updated_at=moment,
                    )

        omg.opslaan_stroom(Financiering, rijen())

    def overeenkomsten_maken(self) -> None:
        """Three agreements per traject, one version each, signed by every party
        once the traject moved past 'plaatsing voorbereid'.

        The PDFs are not rendered (see beoordeling.GEEN_PDF).
        """
        omg = self.omg
        paren = [
            (reis, soort) for reis in self.reizen for soort in OvereenkomstSoort.values
        ]
        overeenkomsten = list(
            omg.opslaan_per_batch(
                Overeenkomst,
                paren,
                lambda p: Overeenkomst(traject_id=p[0].traject_id, soort=p[1]),
            )
        )

        def versie(paar):
            (reis, soort), overeenkomst = paar
            moment = omg.moment(reis.stappen[0][1])
            return OvereenkomstVersie(
                overeenkomst_id=overeenkomst.pk,
                nummer=1,
                gegevens={"synthetisch": True},
                vingerafdruk=hashlib.sha256(
                    f"{reis.traject_id}:{soort}".encode()
                ).hexdigest(),
                pdf=GEEN_PDF,
                pdf_status=PdfStatus.KLAAR,
                aangevraagd_door_id=reis.consulent_id,
                created_at=moment,
                updated_at=moment,
            )

        versies = list(
            omg.opslaan_per_batch(OvereenkomstVersie, overeenkomsten, versie)
        )

        def handtekeningen():
            for ((reis, soort), _), versie_rij in versies:
                getekend = reis.bereikt(S.OVEREENKOMSTEN_GETEKEND)
                if not getekend:
                    continue
                for partij in PARTIJEN[soort]:
                    papier = partij == Partij.KANDIDAAT
                    dag = getekend - omg.dagen(0, 6)
                    yield Ondertekening(
                        versie_id=versie_rij.pk,
                        partij=partij,
                        naam="Kandidaat" if papier else "Namens de partij",
                        rol=ROL_PER_PARTIJ[partij],
                        datum=dag,
                        wijze=Ondertekenwijze.PAPIER
                        if papier
                        else Ondertekenwijze.PORTAAL,
                        bestand=f"overeenkomsten/{reis.traject_id}/getekend-{soort}-v1-"
                        f"{partij}.pdf"
                        if papier
                        else "",
                        vastgelegd_door_id=reis.consulent_id,
                        vastgelegd_op=omg.moment(dag),
                    )

        omg.opslaan_stroom(Ondertekening, handtekeningen())
