"""About 10 fictional leerbedrijven (11, with the confectie atelier of Halima's traject) in Twente, in every stage of recruitment.

Three are the demo organisations of organisaties.py (the bakery where the login
`opleider`, Peter Brink, is praktijkopleider; the green company; the ontwikkelbedrijf).
KvK-numbers 9000xxxx are made up. Dates are relative to today, so one erkenning always
expires within two months. Safe to run twice: everything is matched on the KvK-nummer.
"""

from datetime import timedelta

from django.utils import timezone

from kwalificaties.constants import Sector
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.constants import (
    Baancreatie,
    ContactmomentSoort,
    ErkenningStatus,
    LeerbedrijfSoort,
    LeerbedrijfStatus,
)
from leerbedrijven.models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    Vestiging,
)
from leerbedrijven.services import leerbedrijf_create, leerbedrijf_status_wijzigen
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie

S = LeerbedrijfStatus
# The moves from BENADERD to reach each status, so that the history is real.
PAD = {
    S.BENADERD: [],
    S.IN_GESPREK: [S.IN_GESPREK],
    S.AKKOORD: [S.IN_GESPREK, S.AKKOORD],
    S.ACTIEF: [S.IN_GESPREK, S.AKKOORD, S.ACTIEF],
    S.GESTOPT: [S.IN_GESPREK, S.GESTOPT],
}

ENTREE = "Entree"
BEDIENING = "Gastheer/-vrouw"
HOSPITALITY = "Medewerker hospitality"
LOGISTIEK = "Medewerker agrohandel en logistiek"
TEELT = "Medewerker teelt"
VEEHOUDERIJ = "Medewerker veehouderij"

# erkenningen: (kwalificatie, status, days since erkend, days still valid)
LEERBEDRIJVEN = [
    {
        "kvk": "90000002",
        "organisatie": "bakkerij",
        "sector": Sector.DETAILHANDEL,
        "status": S.ACTIEF,
        "door": "jessica",
        "springplank": False,
        "duurzaam": True,
        "adres": ("Haaksbergerstraat", "101", "7513 EA", "Enschede"),
        "contacten": [("Peter Brink", "Bakker en praktijkopleider", True, "opleider")],
        "erkenningen": [(ENTREE, ErkenningStatus.ERKEND, 1400, 45)],
        "leerbanen": [(ENTREE, 2)],
        "toelichting": "Bakkerij met winkel. Leerplekken in de bakkerij en achter de toonbank.",
    },
    {
        "kvk": "90000003",
        "organisatie": "groen",
        "sector": Sector.GROEN,
        "status": S.ACTIEF,
        "door": "hans",
        "springplank": True,
        "duurzaam": True,
        "baancreatie": Baancreatie.FUNCTIECREATIE,
        "adres": ("Hulsbeekweg", "4", "7576 PH", "Oldenzaal"),
        "contacten": [("Marloes Tijhuis", "Uitvoerder", True, None)],
        "erkenningen": [(TEELT, ErkenningStatus.ERKEND, 700, 1000)],
        "leerbanen": [(TEELT, 3)],
        "toelichting": "Functiecreatie: groenhulp voor mensen die net beginnen.",
    },
    {
        "kvk": "90000001",
        "organisatie": "ontwikkel",
        "soort": LeerbedrijfSoort.ONTWIKKELBEDRIJF,
        "sector": Sector.PRODUCTIE,
        "status": S.ACTIEF,
        "door": "jessica",
        "springplank": True,
        "duurzaam": False,
        "adres": ("Kanaaldijk", "12", "7554 RV", "Hengelo"),
        "contacten": [("Gerrit Nijhuis", "Werkmeester", True, None)],
        "erkenningen": [
            (ENTREE, ErkenningStatus.ERKEND, 900, 800),
            (LOGISTIEK, ErkenningStatus.ERKEND, 300, 1200),
        ],
        "leerbanen": [(ENTREE, 6), (LOGISTIEK, 2)],
        "toelichting": "Werkfit en praktijkleren onder één dak; daarna door naar een werkgever.",
    },
    {
        "kvk": "90000010",
        "naam": "Hotel De Zwanenhof (demo)",
        "sector": Sector.HORECA,
        "status": S.AKKOORD,
        "door": "hans",
        "springplank": False,
        "duurzaam": True,
        "adres": ("Markt", "8", "7622 CP", "Borne"),
        "contacten": [("Ilse Wolters", "Hoofd housekeeping", True, None)],
        "erkenningen": [(HOSPITALITY, ErkenningStatus.AANGEVRAAGD, None, None)],
        "leerbanen": [],
    },
    {
        "kvk": "90000011",
        "naam": "Restaurant Het Proeflokaal (demo)",
        "sector": Sector.HORECA,
        "status": S.IN_GESPREK,
        "door": "jessica",
        "springplank": True,
        "duurzaam": False,
        "adres": ("Oude Markt", "3", "7511 GA", "Enschede"),
        "contacten": [("Bas Kolkman", "Eigenaar", False, None)],
        "erkenningen": [(BEDIENING, ErkenningStatus.ERKEND, 500, 600)],
        "leerbanen": [(BEDIENING, 1)],
    },
    {
        "kvk": "90000012",
        "naam": "Logistiek Centrum Hengelo (demo)",
        "sector": Sector.LOGISTIEK,
        "status": S.BENADERD,
        "door": "hans",
        "springplank": False,
        "duurzaam": False,
        "adres": ("Industriestraat", "50", "7553 CN", "Hengelo"),
        "contacten": [("Wendy Brouwer", "HR-adviseur", False, None)],
        "erkenningen": [],
        "leerbanen": [],
    },
    {
        "kvk": "90000013",
        "naam": "Zorgcentrum De Esrand (demo)",
        "sector": Sector.ZORG_EN_WELZIJN,
        "status": S.IN_GESPREK,
        "door": "jessica",
        "springplank": False,
        "duurzaam": True,
        "baancreatie": Baancreatie.JOBCARVING,
        "adres": ("Esweg", "22", "7602 KM", "Almelo"),
        "contacten": [("Anja Hofstede", "Teamleider facilitair", True, None)],
        "erkenningen": [],
        "leerbanen": [],
        "toelichting": "Jobcarving: taken van de zorgmedewerkers als woonhulp.",
    },
    {
        "kvk": "90000014",
        "naam": "Melkveebedrijf Oldenhof (demo)",
        "sector": Sector.AGRARISCH,
        "status": S.ACTIEF,
        "door": "hans",
        "springplank": True,
        "duurzaam": True,
        "adres": ("Bornsestraat", "140", "7627 PE", "Bornerbroek"),
        "contacten": [("Jan Oldenhof", "Eigenaar", True, None)],
        "erkenningen": [(VEEHOUDERIJ, ErkenningStatus.ERKEND, 1000, 400)],
        "leerbanen": [(VEEHOUDERIJ, 1)],
    },
    {
        "kvk": "90000015",
        "naam": "Schoonmaakbedrijf Glans Twente (demo)",
        "sector": Sector.SCHOONMAAK,
        "status": S.GESTOPT,
        "door": "jessica",
        "springplank": False,
        "duurzaam": False,
        "adres": ("Twekkelerweg", "263", "7553 LZ", "Hengelo"),
        "contacten": [("Rob Hendriks", "Vestigingsmanager", False, None)],
        "erkenningen": [],
        "leerbanen": [],
        "toelichting": "Gestopt: geen tijd voor begeleiding dit jaar. Over een jaar opnieuw vragen.",
    },
    {
        "kvk": "90000016",
        "naam": "Gemeentewerf Almelo (demo)",
        "soort": LeerbedrijfSoort.OVERHEID,
        "sector": Sector.GROEN,
        "status": S.AKKOORD,
        "door": "coordinator",
        "springplank": True,
        "duurzaam": True,
        "baancreatie": Baancreatie.FUNCTIECREATIE,
        "adres": ("Bornerbroeksestraat", "75", "7601 BH", "Almelo"),
        "contacten": [("Karel Veldhuis", "Opzichter groen", True, None)],
        "erkenningen": [(ENTREE, ErkenningStatus.ERKEND, 200, 1500)],
        "leerbanen": [(ENTREE, 2)],
    },
    {
        "kvk": "90000020",
        "naam": "Confectieatelier De Naald (demo)",
        "sector": Sector.PRODUCTIE,
        "status": S.ACTIEF,
        "door": "jessica",
        "springplank": False,
        "duurzaam": True,
        "baancreatie": Baancreatie.JOBCARVING,
        "adres": ("Oldenzaalsestraat", "77", "7511 DX", "Enschede"),
        "contacten": [("Ria Draad", "Coupeuse en praktijkopleider", True, None)],
        "erkenningen": [(ENTREE, ErkenningStatus.ERKEND, 500, 900)],
        "leerbanen": [(ENTREE, 2)],
        "toelichting": "Kledingreparatie en kleine series; taken op maat gemaakt (jobcarving).",
    },
]

CONTACTMOMENTEN = [
    # (kvk, days ago, soort, samenvatting, volgende actie, in days)
    (
        "90000011",
        12,
        ContactmomentSoort.BEZOEK,
        "Kennismaking met de eigenaar. Hij wil graag iemand in de bediening opleiden.",
        "Begeleidingsdocument sturen",
        7,
    ),
    (
        "90000011",
        3,
        ContactmomentSoort.TELEFOON,
        "Vragen over de praktijkverklaring beantwoord.",
        "",
        None,
    ),
    (
        "90000013",
        20,
        ContactmomentSoort.BIJEENKOMST,
        "Werkgeversbijeenkomst Almelo: interesse in woonhulpen via jobcarving.",
        "Taken uitzoeken met de teamleider",
        10,
    ),
    (
        "90000012",
        5,
        ContactmomentSoort.EMAIL,
        "Informatie over praktijkleren gestuurd.",
        "Nabellen",
        9,
    ),
    (
        "90000002",
        30,
        ContactmomentSoort.BEZOEK,
        "Evaluatie met Peter: twee plekken blijven open.",
        "",
        None,
    ),
]


def _kwalificatie(naam: str) -> Kwalificatie:
    return Kwalificatie.objects.filter(naam__startswith=naam).order_by("naam").first()


def demo_leerbedrijven(
    regio: Arbeidsmarktregio,
    organisaties: dict[str, Organisatie],
    medewerkers: dict[str, Medewerker],
) -> list[Leerbedrijf]:
    """Create (or update) the demo leerbedrijven with their contacts, erkenningen,
    leerbanen and contact log."""
    vandaag = timezone.localdate()
    resultaat = []
    for gegevens in LEERBEDRIJVEN:
        organisatie = organisaties.get(gegevens.get("organisatie"))
        naam = organisatie.naam if organisatie else gegevens["naam"]
        door = medewerkers[gegevens["door"]]
        profiel = {
            "sector": gegevens["sector"],
            "soort": gegevens.get("soort", LeerbedrijfSoort.REGULIER),
            "biedt_springplank": gegevens["springplank"],
            "biedt_duurzaam": gegevens["duurzaam"],
            "baancreatie": gegevens.get("baancreatie", Baancreatie.GEEN),
            "toelichting": gegevens.get("toelichting", ""),
        }
        kwalificaties = [_kwalificatie(e[0]) for e in gegevens["erkenningen"]]
        werkprocessen = Werkproces.objects.filter(
            kerntaak__kwalificatie__in=kwalificaties
        )
        leerbedrijf = Leerbedrijf.objects.filter(
            organisatie__kvk_nummer=gegevens["kvk"]
        ).first()
        if leerbedrijf is None:
            leerbedrijf = leerbedrijf_create(
                door=door,
                naam=naam,
                kvk_nummer=gegevens["kvk"],
                regio=regio,
                werkprocessen=werkprocessen,
                organisatie=organisatie,
                **profiel,
            )
            for stap in PAD[gegevens["status"]]:
                leerbedrijf_status_wijzigen(
                    leerbedrijf=leerbedrijf, naar=stap, door=door
                )
        else:
            Leerbedrijf.objects.filter(pk=leerbedrijf.pk).update(regio=regio, **profiel)
            leerbedrijf.werkprocessen.set(werkprocessen)

        straat, huisnummer, postcode, plaats = gegevens["adres"]
        vestiging, _ = Vestiging.objects.update_or_create(
            leerbedrijf=leerbedrijf,
            straat=straat,
            huisnummer=huisnummer,
            defaults={"postcode": postcode, "plaats": plaats},
        )
        for persoon, functie, opleider, login in gegevens["contacten"]:
            Contactpersoon.objects.update_or_create(
                leerbedrijf=leerbedrijf,
                naam=persoon,
                defaults={
                    "functie": functie,
                    "is_praktijkopleider": opleider,
                    "account": medewerkers.get(login) if login else None,
                    "email": f"{persoon.split()[0].lower()}@demo.plpv.test",
                },
            )
        for kwalificatie, (_naam, status, erkend, geldig) in zip(
            kwalificaties, gegevens["erkenningen"], strict=True
        ):
            Erkenning.objects.update_or_create(
                leerbedrijf=leerbedrijf,
                kwalificatie=kwalificatie,
                defaults={
                    "status": status,
                    "aangevraagd_op": vandaag - timedelta(days=(erkend or 0) + 60),
                    "erkend_op": vandaag - timedelta(days=erkend) if erkend else None,
                    "geldig_tot": vandaag + timedelta(days=geldig) if geldig else None,
                },
            )
        for kwalificatie_naam, aantal in gegevens["leerbanen"]:
            kwalificatie = _kwalificatie(kwalificatie_naam)
            leerbaan, _ = Leerbaan.objects.update_or_create(
                leerbedrijf=leerbedrijf,
                kwalificatie=kwalificatie,
                defaults={"aantal": aantal, "open": True, "vestiging": vestiging},
            )
            leerbaan.werkprocessen.set(
                Werkproces.objects.van_kwalificatie(kwalificatie)
            )
        resultaat.append(leerbedrijf)

    per_kvk = {lb.organisatie.kvk_nummer: lb for lb in resultaat}
    for kvk, dagen, soort, samenvatting, actie, over in CONTACTMOMENTEN:
        leerbedrijf = per_kvk[kvk]
        door = medewerkers[next(g["door"] for g in LEERBEDRIJVEN if g["kvk"] == kvk)]
        Contactmoment.objects.update_or_create(
            leerbedrijf=leerbedrijf,
            samenvatting=samenvatting,
            defaults={
                "datum": vandaag - timedelta(days=dagen),
                "soort": soort,
                "door": door,
                "volgende_actie": actie,
                "volgende_actie_op": vandaag + timedelta(days=over) if over else None,
            },
        )
    return resultaat
