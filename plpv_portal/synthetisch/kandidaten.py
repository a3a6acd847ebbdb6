"""Step 2: the candidates and their route up to today.

Each candidate gets a planned route (intake, advice, a traject with its status
moves, maybe a drop-out) drawn with random durations; the route is then cut off at
today. So a candidate who came in four years ago has usually finished, and one who
came in last month is still waiting for advice: phase, status and dates agree.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from kandidaten.constants import (
    Bron,
    ContactSoort,
    Fase,
    GebeurtenisSoort,
    Startkwalificatie,
)
from kandidaten.models import Contactmoment, Gebeurtenis, Kandidaat
from trajecten.constants import (
    AdviesUitkomst,
    Antwoord,
    Onderwerp,
    TrajectStatus,
)
from trajecten.models import Advies, AdviesAntwoord, ChecklistVraag
from trajecten.services import GegevenAntwoord, advies_voorstel
from trajecten.services.traject import KANDIDAAT_FASE

from . import gegevens as g
from .basis import Omgeving
from .netwerk import LeerbedrijfInfo, RegioInfo, persoonsnaam, postcode

JAREN_HISTORIE = 4
S = TrajectStatus


@dataclass(slots=True)
class Reis:
    """One candidate's route, as far as it got by today."""

    regio: RegioInfo
    organisatie_id: int
    consulent_id: int
    jobcoach_id: int | None
    intake: date
    fase: str = Fase.AANGEMELD
    einde: date | None = None  # the day the candidate left the process
    bron: str = ""
    kandidaat_id: int = 0
    # --- advice ---
    advies_op: date | None = None
    besluit: str = ""
    mbo_id: int = 0
    mbo_medewerker_id: int = 0
    leerbedrijf: LeerbedrijfInfo | None = None
    kwalificatie_id: int = 0
    advies_id: int = 0
    # --- traject: (status, date) moves up to today ---
    stappen: list[tuple[str, date]] = field(default_factory=list)
    startdatum: date | None = None
    geplande_einddatum: date | None = None
    einddatum: date | None = None
    lopend_tot: date | None = None
    uitval_reden: str = ""
    teruggestuurd: bool = False
    werkfit: LeerbedrijfInfo | None = None
    traject_id: int = 0
    werkprocessen: list[int] = field(default_factory=list)
    beheerst: list[int] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.stappen[-1][0] if self.stappen else ""

    def bereikt(self, status: str) -> date | None:
        """The (last) day the traject moved to `status`, if it did."""
        dagen = [d for s, d in self.stappen if s == status]
        return dagen[-1] if dagen else None


def _gewogen(omg: Omgeving, lijst: list[tuple[object, float]]):
    return omg.rng.choices([x for x, _ in lijst], weights=[w for _, w in lijst])[0]


def _intake(omg: Omgeving) -> date:
    # The programme grows: more recent intakes are more likely (density ~ t).
    span = 365 * JAREN_HISTORIE
    return omg.vandaag - timedelta(days=span - int(span * omg.rng.random() ** 0.5))


class Kandidaten:
    def __init__(self, omg: Omgeving, regios: list[RegioInfo], catalogus):
        self.omg = omg
        self.regios = regios
        self.catalogus = catalogus
        self.reizen: list[Reis] = []
        self.vragen = list(
            ChecklistVraag.objects.filter(actief=True).order_by(
                "onderwerp", "volgorde", "pk"
            )
        )
        self._voorstellen: dict[tuple, object] = {}

    # --- the route ---
    def reizen_plannen(self) -> None:
        omg = self.omg
        for info in self.regios:
            gemeenten = [(o.pk, w) for o, w in info.gemeenten]
            actief = [lb for lb in info.leerbedrijven if lb.praktijkopleiders]
            for _ in range(info.aantal_kandidaten):
                bron = omg.kies(g.BRON_GEWICHT)
                uwv = bron == Bron.UWV or (bron == Bron.WERKGEVER and omg.kans(0.5))
                org_id = info.uwv.pk if uwv else _gewogen(omg, gemeenten)
                reis = Reis(
                    regio=info,
                    organisatie_id=org_id,
                    consulent_id=omg.rng.choice(info.consulenten[org_id]),
                    jobcoach_id=omg.rng.choice(info.jobcoaches[org_id])
                    if omg.kans(0.2)
                    else None,
                    intake=_intake(omg),
                    bron=bron,
                )
                self._plannen(reis, actief)
                self.reizen.append(reis)

    def _plannen(self, reis: Reis, leerbedrijven: list[LeerbedrijfInfo]) -> None:
        omg, vandaag = self.omg, self.omg.vandaag
        if omg.kans(0.07):  # leaves before the advice
            stop = reis.intake + omg.dagen(14, 120)
            if stop <= vandaag:
                reis.fase, reis.einde = Fase.UITGEVALLEN, stop
                return
        gevraagd = reis.intake + omg.dagen(5, 30)
        if gevraagd > vandaag:
            return
        reis.fase = Fase.ADVIES
        advies = gevraagd + omg.dagen(7, 45)
        if advies > vandaag:
            return
        reis.fase, reis.advies_op = Fase.ADVIES_GEGEVEN, advies
        reis.besluit = omg.kies(g.ADVIES_GEWICHT)
        info = reis.regio
        reis.mbo_id = omg.rng.choice(info.mbo).pk
        reis.mbo_medewerker_id = omg.rng.choice(info.mbo_medewerkers[reis.mbo_id])
        if leerbedrijven:
            reis.leerbedrijf = omg.rng.choices(
                leerbedrijven, weights=[lb.gewicht for lb in leerbedrijven]
            )[0]
            reis.kwalificatie_id = omg.rng.choice(reis.leerbedrijf.kwalificaties)
        else:
            reis.kwalificatie_id = self.catalogus.entree
        if (
            reis.besluit != AdviesUitkomst.PRAKTIJKVERKLARING
            or not reis.leerbedrijf
            or omg.kans(0.05)  # advised, but no placement (yet)
        ):
            return
        self._traject_plannen(reis, advies, leerbedrijven)

    def _traject_plannen(self, reis: Reis, advies: date, leerbedrijven) -> None:
        omg, vandaag = self.omg, self.omg.vandaag
        voorbereid = advies + omg.dagen(14, 75)
        if voorbereid > vandaag:
            return
        getekend = voorbereid + omg.dagen(7, 35)
        lopend = getekend + omg.dagen(3, 21)
        reis.startdatum = lopend
        reis.geplande_einddatum = lopend + omg.dagen(180, 365)
        beoordeeld = reis.geplande_einddatum + omg.dagen(-20, 30)
        plan = [
            (S.PLAATSING_VOORBEREID, voorbereid),
            (S.OVEREENKOMSTEN_GETEKEND, getekend),
            (S.LOPEND, lopend),
            (S.BEOORDEELD, beoordeeld),
        ]
        if omg.kans(0.1):  # the mbo sends the assessment back once
            reis.teruggestuurd = True
            terug = beoordeeld + omg.dagen(3, 14)
            beoordeeld = terug + omg.dagen(7, 28)
            plan += [(S.LOPEND, terug), (S.BEOORDEELD, beoordeeld)]
        verklaring = beoordeeld + omg.dagen(5, 30)
        plan.append((S.VERKLARING_UITGEREIKT, verklaring))
        if omg.kans(0.65):
            nazorg = verklaring + omg.dagen(1, 10)
            plan += [(S.NAZORG, nazorg), (S.AFGESLOTEN, nazorg + omg.dagen(90, 270))]
        else:
            plan.append((S.AFGESLOTEN, verklaring + omg.dagen(7, 60)))
        reis.lopend_tot = beoordeeld
        if omg.kans(0.22):  # drops out somewhere before the assessment
            uitval = voorbereid + timedelta(
                days=int((beoordeeld - voorbereid).days * omg.rng.random() ** 1.5) + 1
            )
            plan = [(s, d) for s, d in plan if d < uitval] + [(S.UITGEVALLEN, uitval)]
            reis.uitval_reden = omg.kies(g.UITVAL_GEWICHT)
            reis.lopend_tot = uitval
        reis.stappen = [(s, d) for s, d in plan if d <= vandaag]
        reis.fase = KANDIDAAT_FASE[reis.status]
        if reis.status == S.UITGEVALLEN:
            reis.einddatum = reis.einde = reis.bereikt(S.UITGEVALLEN)
        elif reis.bereikt(S.VERKLARING_UITGEREIKT):
            reis.einddatum = reis.lopend_tot
            reis.einde = reis.bereikt(S.AFGESLOTEN)
        if omg.kans(0.15):  # a werkfit period at an ontwikkelbedrijf first
            ontwikkel = [
                lb
                for lb in leerbedrijven
                if lb.soort in ("ontwikkelbedrijf", "sw_bedrijf")
            ]
            if ontwikkel:
                reis.werkfit = omg.rng.choice(ontwikkel)
        wps = self.catalogus.werkprocessen[reis.kwalificatie_id]
        reis.werkprocessen = sorted(
            omg.rng.sample(wps, min(len(wps), omg.rng.randint(2, 3)))
        )

    # --- rows ---
    def kandidaten_maken(self) -> None:
        for reis, kandidaat in self.omg.opslaan_per_batch(
            Kandidaat, self.reizen, self._kandidaat
        ):
            reis.kandidaat_id = kandidaat.pk

    def _kandidaat(self, reis: Reis) -> Kandidaat:
        omg = self.omg
        voornaam, achternaam = persoonsnaam(omg)
        leeftijd = min(64, max(17, int(omg.rng.gauss(34, 12))))
        skw = omg.kies(g.STARTKWALIFICATIE_GEWICHT)
        doelgroepen = {veld: omg.kans(kans) for veld, kans in g.DOELGROEP_KANS.items()}
        return Kandidaat(
            voornaam=voornaam,
            achternaam=achternaam,
            geboortedatum=reis.intake
            - timedelta(days=365 * leeftijd + omg.rng.randint(0, 364)),
            telefoon=f"06{omg.rng.randint(10000000, 99999999)}",
            postcode=postcode(omg, reis.regio.postcode_begin),
            woonplaats=omg.rng.choice(reis.regio.plaatsen),
            regio_id=reis.regio.regio.pk,
            organisatie_id=reis.organisatie_id,
            consulent_id=reis.consulent_id,
            jobcoach_id=reis.jobcoach_id,
            fase=reis.fase,
            bron=reis.bron,
            uitkering=omg.kies(g.UITKERING_PER_BRON[reis.bron]),
            hoogste_opleiding=omg.kies(g.OPLEIDING_GEWICHT),
            startkwalificatie=skw,
            startkwalificatie_motivatie="Verouderd diploma; wil praktisch leren."
            if skw == Startkwalificatie.JA
            else "",
            werkt_bij_intake=reis.bron == Bron.WERKGEVER,
            toestemming_op=reis.intake,
            toestemming_door_id=reis.consulent_id,
            created_at=omg.moment(reis.intake),
            updated_at=omg.moment(reis.einde or reis.intake),
            **doelgroepen,
        )

    def contacten_maken(self) -> None:
        """Contact moments and timeline entries; active candidates mostly had
        contact in the last month (the rest shows the "no contact" signal)."""
        omg, vandaag = self.omg, self.omg.vandaag
        soorten = {s: 1 for s in ContactSoort.values}

        def contacten():
            for reis in self.reizen:
                eind = reis.einde or vandaag
                duur = max(1, (eind - reis.intake).days)
                aantal = min(6, duur // 45 + 1)
                dagen = sorted(
                    reis.intake + timedelta(days=omg.rng.randint(0, duur))
                    for _ in range(aantal)
                )
                if reis.einde is None and omg.kans(0.75):
                    dagen[-1] = max(reis.intake, vandaag - omg.dagen(0, 28))
                for i, dag in enumerate(dagen):
                    actie = i == len(dagen) - 1 and reis.einde is None and omg.kans(0.4)
                    yield Contactmoment(
                        kandidaat_id=reis.kandidaat_id,
                        datum=dag,
                        soort=omg.kies(soorten),
                        samenvatting=omg.rng.choice(g.CONTACT_SAMENVATTINGEN),
                        door_id=reis.consulent_id,
                        volgende_actie=omg.rng.choice(g.VOLGENDE_ACTIES)
                        if actie
                        else "",
                        volgende_actie_op=dag + omg.dagen(3, 35) if actie else None,
                        created_at=omg.moment(dag),
                        updated_at=omg.moment(dag),
                    )

        def gebeurtenissen():
            for reis in self.reizen:
                yield Gebeurtenis(
                    kandidaat_id=reis.kandidaat_id,
                    op=omg.moment(reis.intake),
                    soort=GebeurtenisSoort.INTAKE,
                    titel="Aangemeld (intake)",
                    door_id=reis.consulent_id,
                )
                if reis.advies_op:
                    yield Gebeurtenis(
                        kandidaat_id=reis.kandidaat_id,
                        op=omg.moment(reis.advies_op),
                        soort=GebeurtenisSoort.ADVIES,
                        titel=f"Advies: {AdviesUitkomst(reis.besluit).label}",
                        door_id=reis.consulent_id,
                    )
                for status, dag in reis.stappen:
                    yield Gebeurtenis(
                        kandidaat_id=reis.kandidaat_id,
                        op=omg.moment(dag),
                        soort=GebeurtenisSoort.TRAJECT,
                        titel=f"Traject: {S(status).label}",
                        door_id=reis.consulent_id,
                    )
                if reis.fase == Fase.UITGEVALLEN and not reis.stappen:
                    yield Gebeurtenis(
                        kandidaat_id=reis.kandidaat_id,
                        op=omg.moment(reis.einde),
                        soort=GebeurtenisSoort.FASE,
                        titel="Fase gewijzigd: Uitgevallen",
                        door_id=reis.consulent_id,
                    )

        omg.opslaan_stroom(Contactmoment, contacten())
        omg.opslaan_stroom(Gebeurtenis, gebeurtenissen())

    # --- advice ---
    def _antwoorden(self, reis: Reis) -> tuple[list[GegevenAntwoord], object]:
        """Answers that lead to the planned decision (through the portal's own rule)."""
        omg = self.omg
        # Now and then the consultant decides otherwise than the suggestion.
        bedoeld = reis.besluit
        if omg.kans(0.08):
            bedoeld = omg.kies(g.ADVIES_GEWICHT)
        doel = {
            AdviesUitkomst.NIET_GESCHIKT: ("motivatie", Antwoord.NEE),
            AdviesUitkomst.WERKFIT_EERST: ("werkfit", Antwoord.DEELS),
            AdviesUitkomst.ANDER_INSTRUMENT: ("praktijk", Antwoord.NEE),
            AdviesUitkomst.MBO_DIPLOMA: ("diploma", Antwoord.JA),
            AdviesUitkomst.MBO_CERTIFICAAT: ("certificaat", Antwoord.JA),
        }.get(bedoeld)
        ruis = omg.rng.choice(self.vragen).code if omg.kans(0.3) else None
        antwoorden = []
        for vraag in self.vragen:
            if vraag.onderwerp == Onderwerp.LEERBEDRIJF and not reis.leerbedrijf:
                continue
            antwoord = (
                Antwoord.NEE
                if vraag.code in ("diploma", "certificaat")
                else Antwoord.JA
            )
            if vraag.code == ruis:
                antwoord = Antwoord.DEELS
            if doel and vraag.code == doel[0]:
                antwoord = doel[1]
            antwoorden.append(GegevenAntwoord(vraag=vraag, antwoord=antwoord))
        sleutel = tuple((a.vraag.pk, a.antwoord) for a in antwoorden)
        if sleutel not in self._voorstellen:
            self._voorstellen[sleutel] = advies_voorstel(antwoorden=antwoorden)
        return antwoorden, self._voorstellen[sleutel]

    def adviezen_maken(self) -> None:
        omg = self.omg
        met_advies = [r for r in self.reizen if r.advies_op]
        adviezen = []
        for reis in met_advies:
            gegeven, voorstel = self._antwoorden(reis)
            versies = 2 if omg.kans(0.05) else 1
            for versie in range(1, versies + 1):
                dag = reis.advies_op - timedelta(days=30 * (versies - versie))
                advies = Advies(
                    kandidaat_id=reis.kandidaat_id,
                    versie=versie,
                    actueel=versie == versies,
                    kwalificatie_id=reis.kwalificatie_id,
                    leerbedrijf_id=reis.leerbedrijf.id if reis.leerbedrijf else None,
                    mbo_medewerker_id=reis.mbo_medewerker_id,
                    mbo_instelling_id=reis.mbo_id,
                    voorgesteld=voorstel.uitkomst,
                    redenen=voorstel.redenen,
                    besluit=reis.besluit,
                    motivatie="Besproken met de kandidaat en de mbo-instelling.",
                    besloten_door_id=reis.consulent_id,
                    created_at=omg.moment(dag),
                    updated_at=omg.moment(dag),
                )
                adviezen.append((reis, advies, gegeven))
        omg.opslaan(Advies, [a for _, a, _ in adviezen])
        for reis, advies, _ in adviezen:
            if advies.actueel:
                reis.advies_id = advies.pk
        omg.opslaan_stroom(
            AdviesAntwoord,
            (
                AdviesAntwoord(
                    advies_id=advies.pk,
                    vraag_id=a.vraag.pk,
                    vraag_tekst=a.vraag.tekst,
                    onderwerp=a.vraag.onderwerp,
                    antwoord=a.antwoord,
                )
                for _, advies, gegeven in adviezen
                for a in gegeven
            ),
        )
