"""Step 1: per region the organisations, their medewerkers, the leerbedrijven with
their profiles, the regional network and a few kennisbank items."""

import math
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils.text import slugify

from kennisbank.constants import Soort as KennisSoort
from kennisbank.models import Item
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.constants import (
    SOORTEN_ONTWIKKELBEDRIJF,
    Baancreatie,
    ContactmomentSoort,
    ErkenningStatus,
    LeerbedrijfStatus,
)
from leerbedrijven.models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
)
from organisaties.constants import Expertise, OrganisatieType, Rol
from organisaties.models import (
    Arbeidsmarktregio,
    Medewerker,
    Netwerkcontact,
    Organisatie,
)
from verklaringen.models import Gedragsvoorbeeld

from . import gegevens as g
from .basis import Omgeving

# Every synthetic login starts with this; the command refuses to run twice on it.
USERNAME_PREFIX = "synth-"
EMAIL_DOMEIN = "synthetisch.plpv.test"


@dataclass
class LeerbedrijfInfo:
    id: int
    organisatie_id: int
    soort: str
    status: str
    sector: str
    kwalificaties: list[int]
    praktijkopleiders: list[int]
    vestigingen: list[int]
    gewicht: float


@dataclass
class RegioInfo:
    """Everything a later step needs to know about one region, as primary keys."""

    regio: Arbeidsmarktregio
    aantal_kandidaten: int
    plaatsen: list[str] = field(default_factory=list)
    postcode_begin: int = 1000
    gemeenten: list[tuple[Organisatie, float]] = field(default_factory=list)
    uwv: Organisatie | None = None
    mbo: list[Organisatie] = field(default_factory=list)
    loket: Organisatie | None = None
    consulenten: dict[int, list[int]] = field(default_factory=dict)
    jobcoaches: dict[int, list[int]] = field(default_factory=dict)
    mbo_medewerkers: dict[int, list[int]] = field(default_factory=dict)
    coordinatoren: list[int] = field(default_factory=list)
    leerbedrijven: list[LeerbedrijfInfo] = field(default_factory=list)


@dataclass
class Catalogus:
    """The kwalificatie catalog as the generator uses it (loaded once)."""

    kwalificaties: list[Kwalificatie]
    werkprocessen: dict[int, list[int]]  # kwalificatie -> werkprocessen
    gedragsvoorbeelden: dict[int, list[int]]  # werkproces -> general examples
    per_sector: dict[str, list[int]]  # sector -> fitting kwalificaties
    entree: int


def persoonsnaam(omg: Omgeving) -> tuple[str, str]:
    voornaam = omg.rng.choice(g.VOORNAMEN)
    tussen = omg.rng.choice(g.TUSSENVOEGSELS)
    achternaam = omg.rng.choice(g.ACHTERNAMEN)
    return voornaam, f"{tussen} {achternaam}".strip()


def plaatsnaam(omg: Omgeving) -> str:
    return omg.rng.choice(g.PLAATS_BEGIN) + omg.rng.choice(g.PLAATS_EIND)


def postcode(omg: Omgeving, begin: int) -> str:
    cijfers = begin + omg.rng.randint(0, 249)
    letters = "".join(omg.rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
    return f"{cijfers} {letters}"


def telefoon(omg: Omgeving) -> str:
    return f"06{omg.rng.randint(10000000, 99999999)}"


def catalogus_laden(omg: Omgeving) -> Catalogus:
    """Read the catalog and give every werkproces general gedragsvoorbeelden.

    The catalog ships them only for Entree; observations need them for every
    werkproces a traject can hold.
    """
    kwalificaties = list(Kwalificatie.objects.order_by("pk"))
    werkprocessen: dict[int, list[int]] = {k.pk: [] for k in kwalificaties}
    for wp_id, kw_id in Werkproces.objects.order_by("pk").values_list(
        "pk", "kerntaak__kwalificatie"
    ):
        werkprocessen[kw_id].append(wp_id)
    bestaand: dict[int, list[int]] = {}
    for gv_id, wp_id in (
        Gedragsvoorbeeld.objects.filter(leerbedrijf__isnull=True, actief=True)
        .order_by("werkproces", "volgorde", "pk")
        .values_list("pk", "werkproces")
    ):
        bestaand.setdefault(wp_id, []).append(gv_id)
    nieuw = [
        Gedragsvoorbeeld(werkproces_id=wp_id, tekst=tekst, volgorde=i)
        for wps in werkprocessen.values()
        for wp_id in wps
        if wp_id not in bestaand
        for i, tekst in enumerate(
            [
                "Vraagt wat er moet gebeuren en begint op tijd.",
                "Doet het werk in de goede volgorde.",
                "Vertelt wat klaar is en vraagt om hulp als het nodig is.",
            ],
            1,
        )
    ]
    for gv in omg.opslaan(Gedragsvoorbeeld, nieuw):
        bestaand.setdefault(gv.werkproces_id, []).append(gv.pk)
    entree = next(k.pk for k in kwalificaties if k.naam.startswith("Entree"))
    per_sector = {
        sector: [
            k.pk
            for k in kwalificaties
            if any(k.naam.startswith(b) for b in g.SECTOR_KWALIFICATIES.get(sector, []))
        ]
        for sector in g.SECTOR_GEWICHT
    }
    return Catalogus(kwalificaties, werkprocessen, bestaand, per_sector, entree)


def regios_kiezen(omg: Omgeving, *, kandidaten: int, aantal_regios: int | None):
    """The regions to fill, the largest first, each with its share of the candidates."""
    regios = sorted(
        Arbeidsmarktregio.objects.all(),
        key=lambda r: (-g.REGIO_GEWICHT.get(r.code, 3.0), r.code),
    )[: aantal_regios or None]
    gewichten = [g.REGIO_GEWICHT.get(r.code, 3.0) for r in regios]
    totaal = sum(gewichten)
    exact = [kandidaten * w / totaal for w in gewichten]
    aantallen = [math.floor(x) for x in exact]
    # Largest remainder: the shares add up to exactly `kandidaten`.
    rest = sorted(range(len(regios)), key=lambda i: exact[i] - aantallen[i])
    for i in rest[::-1][: kandidaten - sum(aantallen)]:
        aantallen[i] += 1
    return [
        RegioInfo(regio=r, aantal_kandidaten=n, postcode_begin=1000 + 250 * (i % 36))
        for i, (r, n) in enumerate(zip(regios, aantallen, strict=True))
    ]


class Netwerk:
    """Builds organisations, medewerkers and leerbedrijven for all regions at once,
    so that each table gets a few large bulk inserts."""

    def __init__(self, omg: Omgeving, regios: list[RegioInfo], catalogus: Catalogus):
        self.omg = omg
        self.regios = regios
        self.catalogus = catalogus
        self.wachtwoord = make_password(None)  # unusable, shared by every account
        self.groepen = {grp.name: grp.pk for grp in Group.objects.all()}
        self._kvk = 0
        self._brin = 0
        self._login = 0
        self._item = 0

    # --- numbering ---
    def kvk(self) -> str:
        # 8xxxxxxx: apart from the demo data's 9000000x.
        self._kvk += 1
        return f"8{self._kvk:07d}"

    def brin(self) -> str:
        tekens = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        n = self._brin
        self._brin += 1
        return f"8{n // 1296 % 10}{tekens[n // 36 % 36]}{tekens[n % 36]}"

    # --- organisations ---
    def organisaties_maken(self) -> None:
        omg = self.omg
        rijen: list[tuple[RegioInfo, str, Organisatie]] = []
        for info in self.regios:
            naam = info.regio.naam
            n = info.aantal_kandidaten
            info.plaatsen = list(
                dict.fromkeys(plaatsnaam(omg) for _ in range(max(2, min(12, n // 600))))
            )
            for i, plaats in enumerate(info.plaatsen):
                org = Organisatie(
                    naam=f"Gemeente {plaats} (synthetisch)",
                    type=OrganisatieType.GEMEENTE,
                )
                # The first gemeente is the central city with the most candidates.
                rijen.append((info, f"gemeente:{3.0 if i == 0 else 1.0}", org))
            rijen.append(
                (
                    info,
                    "uwv",
                    Organisatie(
                        naam=f"UWV {naam} (synthetisch)", type=OrganisatieType.UWV
                    ),
                )
            )
            rijen.extend(
                (
                    info,
                    "mbo",
                    Organisatie(
                        naam=f"{soort} {naam} (synthetisch)",
                        type=OrganisatieType.MBO_INSTELLING,
                        brin_code=self.brin(),
                    ),
                )
                for soort in ["ROC", "Vakcollege", "Praktijkcollege"][
                    : 1 + min(2, n // 3000)
                ]
            )
            rijen.append(
                (
                    info,
                    "loket",
                    Organisatie(
                        naam=f"Leerwerkloket {naam} (synthetisch)",
                        type=OrganisatieType.LEERWERKLOKET,
                    ),
                )
            )
        orgs = omg.opslaan(Organisatie, [org for _, _, org in rijen])
        koppel = Organisatie.regios.through
        omg.opslaan(
            koppel,
            [
                koppel(organisatie_id=org.pk, arbeidsmarktregio_id=info.regio.pk)
                for (info, _, _), org in zip(rijen, orgs, strict=True)
            ],
        )
        for info, soort, org in rijen:
            if soort.startswith("gemeente"):
                info.gemeenten.append((org, float(soort.split(":")[1])))
            elif soort == "uwv":
                info.uwv = org
            elif soort == "mbo":
                info.mbo.append(org)
            else:
                info.loket = org

    def beheer_maken(self) -> Organisatie:
        """One organisation over every region, with a functioneel beheerder: the
        installation's own management in a multi-region setup."""
        (org,) = self.omg.opslaan(
            Organisatie,
            [
                Organisatie(
                    naam="Landelijk beheer PLPV (synthetisch)",
                    type=OrganisatieType.OVERIG,
                )
            ],
        )
        koppel = Organisatie.regios.through
        self.omg.opslaan(
            koppel,
            [
                koppel(organisatie_id=org.pk, arbeidsmarktregio_id=info.regio.pk)
                for info in self.regios
            ],
        )
        self._logins([(org.pk, Rol.FUNCTIONEEL_BEHEERDER, "beheer")])
        return org

    # --- medewerkers ---
    def _logins(self, rijen: list[tuple[int, str, str]]) -> list[int]:
        """Create one login per (organisatie_id, rol, label); returns their ids."""
        omg = self.omg
        medewerkers = []
        for org_id, _rol, label in rijen:
            self._login += 1
            voornaam, achternaam = persoonsnaam(omg)
            username = f"{USERNAME_PREFIX}{label}-{self._login}"
            medewerkers.append(
                Medewerker(
                    username=username,
                    password=self.wachtwoord,
                    first_name=voornaam,
                    last_name=achternaam,
                    email=f"{username}@{EMAIL_DOMEIN}",
                    organisatie_id=org_id,
                )
            )
        omg.opslaan(Medewerker, medewerkers)
        koppel = Medewerker.groups.through
        omg.opslaan(
            koppel,
            [
                koppel(medewerker_id=m.pk, group_id=self.groepen[rol])
                for m, (_, rol, _) in zip(medewerkers, rijen, strict=True)
            ],
        )
        return [m.pk for m in medewerkers]

    def medewerkers_maken(self) -> None:
        rijen: list[tuple[int, str, str]] = []
        doelen: list[list[int]] = []
        for info in self.regios:
            code = info.regio.code.lower()
            n = info.aantal_kandidaten
            consulenten = max(3, math.ceil(n / 70))
            # UWV refers about a quarter of the candidates; the gemeenten the rest.
            verdeling = [(info.uwv, 0.26)] + [
                (org, 0.74 * w / sum(w for _, w in info.gemeenten))
                for org, w in info.gemeenten
            ]
            for org, aandeel in verdeling:
                for _ in range(max(1, round(consulenten * aandeel))):
                    rijen.append((org.pk, Rol.CONSULENT, f"{code}-consulent"))
                    doelen.append(info.consulenten.setdefault(org.pk, []))
                for _ in range(max(1, round(consulenten * aandeel / 5))):
                    rijen.append((org.pk, Rol.JOBCOACH, f"{code}-jobcoach"))
                    doelen.append(info.jobcoaches.setdefault(org.pk, []))
            for org in info.mbo:
                for _ in range(max(2, math.ceil(n / len(info.mbo) / 400))):
                    rijen.append((org.pk, Rol.MBO_MEDEWERKER, f"{code}-mbo"))
                    doelen.append(info.mbo_medewerkers.setdefault(org.pk, []))
            for _ in range(2 if n > 1500 else 1):
                rijen.append(
                    (info.loket.pk, Rol.REGIOCOORDINATOR, f"{code}-coordinator")
                )
                doelen.append(info.coordinatoren)
            rijen.append((info.loket.pk, Rol.FUNCTIONEEL_BEHEERDER, f"{code}-beheer"))
            doelen.append([])
        for pk, lijst in zip(self._logins(rijen), doelen, strict=True):
            lijst.append(pk)

    # --- leerbedrijven ---
    def leerbedrijven_maken(self) -> None:
        omg = self.omg
        cat = self.catalogus
        orgs, profielen = [], []
        for info in self.regios:
            for _ in range(max(4, info.aantal_kandidaten // 8)):
                sector = omg.kies(g.SECTOR_GEWICHT)
                soort = omg.kies(g.SOORT_GEWICHT)
                woord = omg.rng.choice(g.BEDRIJF_WOORDEN[sector])
                deel = omg.rng.choice(
                    [*g.BEDRIJF_NAAMDELEN, persoonsnaam(omg)[1], plaatsnaam(omg)]
                )
                ontwikkel = soort in SOORTEN_ONTWIKKELBEDRIJF
                orgs.append(
                    Organisatie(
                        naam=f"{'Werkbedrijf' if ontwikkel else woord} {deel}",
                        type=OrganisatieType.ONTWIKKELBEDRIJF
                        if ontwikkel
                        else OrganisatieType.LEERBEDRIJF,
                        kvk_nummer=self.kvk(),
                    )
                )
                pad = omg.rng.choices(
                    [p for _, p in g.LEERBEDRIJF_PADEN],
                    weights=[w for w, _ in g.LEERBEDRIJF_PADEN],
                )[0]
                profielen.append((info, sector, soort, pad))
        omg.opslaan(Organisatie, orgs)
        koppel = Organisatie.regios.through
        omg.opslaan(
            koppel,
            [
                koppel(organisatie_id=org.pk, arbeidsmarktregio_id=info.regio.pk)
                for org, (info, *_rest) in zip(orgs, profielen, strict=True)
            ],
        )
        leerbedrijven = []
        for org, (info, sector, soort, pad) in zip(orgs, profielen, strict=True):
            leerbedrijven.append(
                Leerbedrijf(
                    organisatie_id=org.pk,
                    regio_id=info.regio.pk,
                    sector=sector,
                    soort=soort,
                    status=pad[-1],
                    biedt_springplank=omg.kans(0.4),
                    biedt_duurzaam=omg.kans(0.5),
                    baancreatie=omg.kies(
                        {
                            Baancreatie.GEEN: 80,
                            Baancreatie.JOBCARVING: 14,
                            Baancreatie.FUNCTIECREATIE: 6,
                        }
                    ),
                    created_at=omg.moment(omg.vandaag - omg.dagen(400, 1800)),
                    updated_at=omg.moment(omg.vandaag - omg.dagen(0, 300)),
                )
            )
        omg.opslaan(Leerbedrijf, leerbedrijven)
        self._onderdelen(leerbedrijven, profielen, orgs, cat)

    def _onderdelen(self, leerbedrijven, profielen, orgs, cat: Catalogus) -> None:
        omg = self.omg
        historie, vestigingen, contactpersonen, accounts = [], [], [], []
        erkenningen, leerbanen, contacten = [], [], []
        lb_werkprocessen = []
        infos: list[LeerbedrijfInfo] = []
        for lb, org, (info, sector, soort, pad) in zip(
            leerbedrijven, orgs, profielen, strict=True
        ):
            door = omg.rng.choice(omg.rng.choice(list(info.consulenten.values())))
            moment = lb.created_at
            vorige = ""
            for status in pad:
                historie.append(
                    LeerbedrijfStatuswijziging(
                        leerbedrijf_id=lb.pk,
                        van=vorige,
                        naar=status,
                        door_id=door,
                        op=moment,
                    )
                )
                vorige = status
                moment += omg.dagen(7, 90)
            betrokken = pad[-1] in (
                LeerbedrijfStatus.AKKOORD,
                LeerbedrijfStatus.ACTIEF,
                LeerbedrijfStatus.GESTOPT,
            )
            plaats = omg.rng.choice(info.plaatsen)
            lb_vestigingen = [
                Vestiging(
                    leerbedrijf_id=lb.pk,
                    naam="" if i == 0 else f"Vestiging {plaats}",
                    straat=f"{omg.rng.choice(g.PLAATS_BEGIN)}straat",
                    huisnummer=str(omg.rng.randint(1, 250)),
                    postcode=postcode(omg, info.postcode_begin),
                    plaats=plaats,
                )
                for i in range(2 if omg.kans(0.15) else 1)
            ]
            vestigingen += lb_vestigingen
            opleiders = []
            for i in range(omg.rng.randint(1, 3) if betrokken else 1):
                naam = " ".join(persoonsnaam(omg))
                cp = Contactpersoon(
                    leerbedrijf_id=lb.pk,
                    naam=naam,
                    functie="Praktijkopleider" if betrokken else "Eigenaar",
                    telefoon=telefoon(omg),
                    is_praktijkopleider=betrokken and (i == 0 or omg.kans(0.6)),
                )
                contactpersonen.append(cp)
                if cp.is_praktijkopleider:
                    opleiders.append(cp)
                    if omg.kans(0.25):
                        accounts.append((cp, org.pk))
            kwal = [cat.entree] if omg.kans(0.5) or not cat.per_sector[sector] else []
            kwal += omg.rng.sample(
                cat.per_sector[sector], min(len(cat.per_sector[sector]), 2)
            )
            kwal = list(dict.fromkeys(kwal))
            if betrokken:
                for kw in kwal:
                    erkend = (lb.created_at + omg.dagen(20, 120)).date()
                    geldig = erkend + omg.dagen(600, 1800)
                    status = ErkenningStatus.ERKEND
                    if geldig < omg.vandaag and omg.kans(0.7):
                        status = ErkenningStatus.VERLOPEN
                    erkenningen.append(
                        Erkenning(
                            leerbedrijf_id=lb.pk,
                            kwalificatie_id=kw,
                            status=status,
                            aangevraagd_op=erkend - omg.dagen(10, 60),
                            erkend_op=erkend,
                            geldig_tot=geldig,
                        )
                    )
                    lb_werkprocessen += [(lb.pk, wp) for wp in cat.werkprocessen[kw]]
                if pad[-1] == LeerbedrijfStatus.ACTIEF:
                    leerbanen.extend(
                        (
                            Leerbaan(
                                leerbedrijf_id=lb.pk,
                                kwalificatie_id=kw,
                                aantal=omg.rng.randint(1, 4),
                                open=omg.kans(0.75),
                                startdatum=omg.vandaag + omg.dagen(-60, 120),
                            ),
                            cat.werkprocessen[kw],
                        )
                        for kw in kwal[: omg.rng.randint(1, 2)]
                    )
            elif pad[-1] == LeerbedrijfStatus.IN_GESPREK and omg.kans(0.5):
                erkenningen.append(
                    Erkenning(
                        leerbedrijf_id=lb.pk,
                        kwalificatie_id=kwal[0],
                        status=ErkenningStatus.AANGEVRAAGD,
                        aangevraagd_op=omg.vandaag - omg.dagen(5, 60),
                    )
                )
            for _ in range(omg.rng.randint(0, 3)):
                datum = omg.vandaag - omg.dagen(0, 400)
                actie = omg.kans(0.3)
                contacten.append(
                    Contactmoment(
                        leerbedrijf_id=lb.pk,
                        datum=datum,
                        soort=omg.kies({s: 1 for s in ContactmomentSoort.values}),
                        samenvatting="Gesprek over leerplekken en begeleiding.",
                        door_id=door,
                        volgende_actie="Terugbellen over de erkenning" if actie else "",
                        volgende_actie_op=datum + omg.dagen(7, 30) if actie else None,
                    )
                )
            infos.append(
                (
                    info,
                    LeerbedrijfInfo(
                        id=lb.pk,
                        organisatie_id=org.pk,
                        soort=soort,
                        status=pad[-1],
                        sector=sector,
                        kwalificaties=kwal,
                        praktijkopleiders=opleiders,  # ids once saved
                        vestigingen=lb_vestigingen,
                        # A few big employers take many candidates.
                        gewicht=omg.rng.paretovariate(1.5),
                    ),
                )
            )
        omg.opslaan(LeerbedrijfStatuswijziging, historie)
        omg.opslaan(Vestiging, vestigingen)
        account_ids = self._logins(
            [(org_id, Rol.PRAKTIJKOPLEIDER, "opleider") for _, org_id in accounts]
        )
        for (cp, _), pk in zip(accounts, account_ids, strict=True):
            cp.account_id = pk
        omg.opslaan(Contactpersoon, contactpersonen)
        omg.opslaan(Erkenning, erkenningen)
        omg.opslaan(Leerbaan, [lb for lb, _ in leerbanen])
        koppel = Leerbaan.werkprocessen.through
        omg.opslaan(
            koppel,
            [
                koppel(leerbaan_id=lb.pk, werkproces_id=wp)
                for lb, wps in leerbanen
                for wp in wps
            ],
        )
        koppel = Leerbedrijf.werkprocessen.through
        omg.opslaan(
            koppel,
            [
                koppel(leerbedrijf_id=lb, werkproces_id=wp)
                for lb, wp in lb_werkprocessen
            ],
        )
        omg.opslaan(Contactmoment, contacten)
        for info, lbi in infos:
            lbi.praktijkopleiders = [cp.pk for cp in lbi.praktijkopleiders]
            lbi.vestigingen = [v.pk for v in lbi.vestigingen]
            info.leerbedrijven.append(lbi)

    # --- network and kennisbank ---
    def netwerk_maken(self) -> None:
        omg = self.omg
        contacten, items = [], []
        for info in self.regios:
            orgs = [info.uwv, info.loket, *info.mbo, *(o for o, _ in info.gemeenten)]
            contacten.extend(
                Netwerkcontact(
                    organisatie_id=omg.rng.choice(orgs).pk,
                    naam=" ".join(persoonsnaam(omg)),
                    expertise=omg.kies({e: 1 for e in Expertise.values}),
                    toelichting="Vragen over praktijkleren in de regio",
                    telefoon=telefoon(omg),
                    gecontroleerd_op=omg.vandaag - omg.dagen(0, 500),
                    gecontroleerd_door_id=info.coordinatoren[0],
                )
                for _ in range(8 + info.aantal_kandidaten // 500)
            )
            items += self._items(info.regio, info.loket.pk, aantal=6)
        items += self._items(None, self.regios[0].loket.pk, aantal=20)
        omg.opslaan(Netwerkcontact, contacten)
        omg.opslaan(Item, items)

    def _items(self, regio, eigenaar_id: int, *, aantal: int) -> list[Item]:
        omg = self.omg
        onderwerpen = [
            ("Werkfit-traject", "Een kandidaat oefent eerst werknemersvaardigheden."),
            ("Jobcoaching", "Begeleiding op de werkplek door een jobcoach."),
            ("Subsidie praktijkleren", "Een werkgever krijgt een vergoeding per plek."),
            ("Praktijkverklaring", "Een bewijs van de werkprocessen die iemand kan."),
            ("Loonkostensubsidie", "De gemeente betaalt een deel van het loon."),
            ("Leerwerkloket", "Advies over leren en werken in de regio."),
            (
                "Proefplaatsing",
                "Een kandidaat werkt een tijd mee met behoud van uitkering.",
            ),
        ]
        waar = regio.naam if regio else "Nederland"
        uit = []
        for _ in range(aantal):
            titel, tekst = omg.rng.choice(onderwerpen)
            self._item += 1
            titel = f"{titel} in {waar}"
            uit.append(
                Item(
                    soort=omg.kies(
                        {s: 1 for s in KennisSoort.values if s != "document"}
                    ),
                    titel=titel,
                    slug=f"synth-{slugify(titel)[:180]}-{self._item}",
                    samenvatting=tekst,
                    body=f"<p>{tekst} Vraag de consulent of het leerwerkloket in {waar} "
                    "naar de voorwaarden en de aanvraag.</p>",
                    regio=regio,
                    eigenaar_id=eigenaar_id,
                    laatst_gecontroleerd_op=omg.vandaag - omg.dagen(0, 500),
                )
            )
        return uit
