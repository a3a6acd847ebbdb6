"""Demo advice and trajecten: Halima at a confectie atelier with agreements partly
signed, and trajecten of other candidates in every status. Every candidate with a
traject first had an advice (Checklist inclusief advies), as in real use. Safe to run
twice: a candidate that has a traject is left alone.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from kandidaten.constants import Fase, GebeurtenisSoort
from kandidaten.models import Kandidaat
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.models import Contactpersoon
from plpv_portal.demo.beoordeling import (
    beoordeling_afronden,
    praktijkverklaring_uitreiken,
)
from plpv_portal.demo.papier import op_papier_getekend_pdf
from trajecten.constants import (
    AdviesUitkomst,
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    Plaatsingstype,
    Regeling,
    TrajectStatus,
)
from trajecten.models import (
    Advies,
    ChecklistVraag,
    Financiering,
    Ondertekening,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
)
from trajecten.services import (
    GegevenAntwoord,
    advies_vastleggen,
    overeenkomsten_genereren,
    pdf_maken,
    traject_starten,
    traject_status_wijzigen,
)

S = TrajectStatus
# The moves from 'plaatsing voorbereid' to each status, so that the history is real.
PAD = {
    S.PLAATSING_VOORBEREID: [],
    S.OVEREENKOMSTEN_GETEKEND: [S.OVEREENKOMSTEN_GETEKEND],
    S.LOPEND: [S.OVEREENKOMSTEN_GETEKEND, S.LOPEND],
    S.BEOORDEELD: [S.OVEREENKOMSTEN_GETEKEND, S.LOPEND, S.BEOORDEELD],
    S.VERKLARING_UITGEREIKT: [
        S.OVEREENKOMSTEN_GETEKEND,
        S.LOPEND,
        S.BEOORDEELD,
        S.VERKLARING_UITGEREIKT,
    ],
    S.NAZORG: [
        S.OVEREENKOMSTEN_GETEKEND,
        S.LOPEND,
        S.BEOORDEELD,
        S.VERKLARING_UITGEREIKT,
        S.NAZORG,
    ],
    S.AFGESLOTEN: [
        S.OVEREENKOMSTEN_GETEKEND,
        S.LOPEND,
        S.BEOORDEELD,
        S.VERKLARING_UITGEREIKT,
        S.AFGESLOTEN,
    ],
    S.UITGEVALLEN: [S.OVEREENKOMSTEN_GETEKEND, S.LOPEND, S.UITGEVALLEN],
}
# Candidate phase in the demo caseloads -> traject statuses to give them, in turn.
STATUSSEN = {
    Fase.GEPLAATST: [S.PLAATSING_VOORBEREID, S.OVEREENKOMSTEN_GETEKEND],
    Fase.LOPEND: [S.LOPEND, S.LOPEND, S.BEOORDEELD],
    Fase.AFGEROND: [S.VERKLARING_UITGEREIKT, S.NAZORG, S.AFGESLOTEN],
    Fase.UITGEVALLEN: [S.UITGEVALLEN],
}
OPLEIDERS = ["Peter Brink", "Gerrit Nijhuis", "Karel Veldhuis"]


def _antwoorden() -> list[GegevenAntwoord]:
    return [
        GegevenAntwoord(
            vraag=v,
            antwoord="ja" if v.code not in ("diploma", "certificaat") else "nee",
        )
        for v in ChecklistVraag.objects.filter(actief=True, onderwerp="kandidaat")
    ]


def _versies_maken(traject: Traject, door) -> list[OvereenkomstVersie]:
    versies = overeenkomsten_genereren(traject=traject, door=door)
    return [pdf_maken(versie_id=v.pk) for v in versies]  # now, not after commit


def _tekenen(versie: OvereenkomstVersie, partijen, door) -> None:
    namen = {
        Partij.KANDIDAAT: str(versie.overeenkomst.traject.kandidaat),
        Partij.LEERBEDRIJF: "Praktijkopleider",
        Partij.MBO: "Sanne Mulder",
        Partij.VERWIJZER: str(versie.overeenkomst.traject.consulent),
    }
    for partij in partijen:
        ondertekening = Ondertekening(
            versie=versie,
            partij=partij,
            naam=namen[partij],
            rol=Partij(partij).label,
            datum=timezone.localdate() - timedelta(days=3),
            wijze=Ondertekenwijze.PAPIER,
            vastgelegd_door=door,
        )
        papieren_kopie_opslaan(ondertekening)


def papieren_kopie_opslaan(ondertekening: Ondertekening) -> None:
    """Write (again) the demo copy of a signature on paper and save the row."""
    if ondertekening.bestand:
        ondertekening.bestand.delete(save=False)
    kopie = op_papier_getekend_pdf(
        overeenkomst=str(ondertekening.versie),
        kandidaat=str(ondertekening.versie.overeenkomst.traject.kandidaat),
        partij=ondertekening.get_partij_display(),
        naam=ondertekening.naam,
        datum=ondertekening.datum,
    )
    ondertekening.bestand.save("getekend.pdf", ContentFile(kopie), save=False)
    ondertekening.save()


def _advies(kandidaat: Kandidaat, *, mbo_medewerker, dagen_geleden: int) -> Advies:
    """An advice for praktijkverklaring on Entree, given `dagen_geleden` days ago and
    after the intake (backdated, with its timeline entry, so that the dashboards'
    durations from intake to advice to placement read sensibly)."""
    advies = advies_vastleggen(
        kandidaat=kandidaat,
        door=kandidaat.consulent,
        mbo_medewerker=mbo_medewerker,
        antwoorden=_antwoorden(),
        besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
        motivatie="Leert het best door te doen op de werkvloer; Entree past.",
        kwalificatie=Kwalificatie.objects.get(naam="Entree"),
    )
    dag = timezone.localdate() - timedelta(days=dagen_geleden)
    if kandidaat.toestemming_op is None or kandidaat.toestemming_op > dag:
        # The caseload's fictional intake dates do not know the advice: the intake
        # comes three weeks before it.
        kandidaat.toestemming_op = dag - timedelta(days=21)
        Kandidaat.objects.filter(pk=kandidaat.pk).update(
            toestemming_op=kandidaat.toestemming_op
        )
    moment = timezone.make_aware(datetime.combine(dag, time(10)))
    Advies.objects.filter(pk=advies.pk).update(created_at=moment, updated_at=moment)
    kandidaat.gebeurtenissen.filter(
        soort=GebeurtenisSoort.ADVIES,
        titel__startswith=f"Advies (versie {advies.versie})",
    ).update(op=moment)
    return advies


def _starten(
    kandidaat: Kandidaat,
    *,
    lb_contact: Contactpersoon,
    mbo,
    start_dagen: int,
    maanden: int,
    advies=None,
) -> Traject:
    kwalificatie = Kwalificatie.objects.get(naam="Entree")
    start = timezone.localdate() - timedelta(days=start_dagen)
    traject = Traject(
        kandidaat=kandidaat,
        advies=advies,
        kwalificatie=kwalificatie,
        mbo_instelling=mbo,
        consulent=kandidaat.consulent,
        jobcoach=kandidaat.jobcoach,
        startdatum=start,
        geplande_einddatum=start + timedelta(days=30 * maanden),
        uren_per_week=24,
        plaatsingstype=Plaatsingstype.DUURZAAM,
    )
    return traject_starten(
        traject=traject,
        werkprocessen=list(Werkproces.objects.van_kwalificatie(kwalificatie)),
        plaatsing=Plaatsing(
            leerbedrijf=lb_contact.leerbedrijf,
            praktijkopleider=lb_contact,
            startdatum=start,
            einddatum=traject.geplande_einddatum,
        ),
        door=kandidaat.consulent,
    )


def demo_trajecten(organisaties: dict, medewerkers: dict) -> None:
    """Create the demo advice and trajecten (skips candidates that have one)."""
    mbo_org, sanne = organisaties["mbo"], medewerkers["mbo"]

    halima = Kandidaat.objects.get(voornaam="Halima", achternaam="Haddou")
    if not halima.trajecten.exists():
        jessica = medewerkers["jessica"]
        advies = advies_vastleggen(
            kandidaat=halima,
            door=jessica,
            mbo_medewerker=sanne,
            antwoorden=_antwoorden(),
            besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
            motivatie="Halima leert snel door te doen en kan goed naaien. Entree past.",
            kwalificatie=Kwalificatie.objects.get(naam="Entree"),
        )
        traject = _starten(
            halima,
            lb_contact=Contactpersoon.objects.get(naam="Ria Draad"),
            mbo=mbo_org,
            start_dagen=-7,
            maanden=9,
            advies=advies,
        )
        Financiering.objects.create(
            traject=traject,
            regeling=Regeling.PERSPECTIEF_OP_WERK,
            betaler=organisaties["gemeente"],
            bedrag_mbo=1800,
            bedrag_werkgever=2700,
        )
        versies = {v.overeenkomst.soort: v for v in _versies_maken(traject, jessica)}
        # Partly signed: the school's agreement is complete, the others are not.
        _tekenen(
            versies[OvereenkomstSoort.OPLEIDING],
            [Partij.KANDIDAAT, Partij.MBO],
            jessica,
        )
        _tekenen(versies[OvereenkomstSoort.PLAATSING], [Partij.VERWIJZER], jessica)

    # Candidates in phase 'advies gegeven' had their advice in the past weeks.
    for i, kandidaat in enumerate(
        Kandidaat.objects.filter(
            fase=Fase.ADVIES_GEGEVEN, adviezen__isnull=True
        ).order_by("pk")
    ):
        _advies(kandidaat, mbo_medewerker=sanne, dagen_geleden=5 + 4 * i)

    opleiders = list(Contactpersoon.objects.filter(naam__in=OPLEIDERS))
    beurt = 0
    for fase, statussen in STATUSSEN.items():
        kandidaten = Kandidaat.objects.filter(
            fase=fase, trajecten__isnull=True
        ).order_by("pk")
        for i, kandidaat in enumerate(kandidaten):
            status = statussen[i % len(statussen)]
            start_dagen = 30 + 25 * (beurt % 10)
            traject = _starten(
                kandidaat,
                lb_contact=opleiders[beurt % len(opleiders)],
                mbo=mbo_org,
                start_dagen=start_dagen,
                maanden=9,
                # The advice came two weeks before the start.
                advies=_advies(
                    kandidaat, mbo_medewerker=sanne, dagen_geleden=start_dagen + 14
                ),
            )
            beurt += 1
            door = kandidaat.consulent
            if PAD[status]:
                for versie in _versies_maken(traject, door):
                    _tekenen(versie, versie.overeenkomst.partijen, door)
            for stap in PAD[status]:
                # The assessment steps go through verklaringen's services, like in
                # real use: judged, submitted, approved and issued.
                if stap == S.BEOORDEELD:
                    beoordeling_afronden(traject)
                elif stap == S.VERKLARING_UITGEREIKT:
                    praktijkverklaring_uitreiken(traject, mbo=sanne)
                else:
                    traject_status_wijzigen(
                        traject=traject,
                        naar=stap,
                        door=door,
                        uitval_reden="gezondheid" if stap == S.UITGEVALLEN else "",
                    )
