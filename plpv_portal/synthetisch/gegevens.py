"""The fixed pools and distributions the synthetic dataset draws from.

Names of people and places are combined from parts, so that nobody and no place in
the dataset is real; the distributions are rough national shares, enough to make
dashboards and list pages look (and perform) like a real installation.
"""

from kandidaten.constants import Bron, Opleiding, Startkwalificatie, Uitkering
from kwalificaties.constants import Sector
from leerbedrijven.constants import LeerbedrijfSoort, LeerbedrijfStatus
from trajecten.constants import AdviesUitkomst, Regeling, UitvalReden
from uitkomsten.constants import Contractsoort, Situatie, UitkomstSoort

# Relative size of each arbeidsmarktregio (roughly its population in 100,000s), so
# that the big cities get more candidates than Zeeland or Gorinchem.
REGIO_GEWICHT: dict[str, float] = {
    "AM01": 5.9,
    "AM02": 6.5,
    "AM03": 4.9,
    "AM05": 6.3,
    "AM06": 5.8,
    "AM07": 6.8,
    "AM08": 5.6,
    "AM09": 3.9,
    "AM10": 2.5,
    "AM11": 4.3,
    "AM12": 2.5,
    "AM13": 9.0,
    "AM14": 3.2,
    "AM15": 6.7,
    "AM17": 3.4,
    "AM18": 13.0,
    "AM19": 5.6,
    "AM20": 2.4,
    "AM21": 11.0,
    "AM22": 13.5,
    "AM23": 2.9,
    "AM24": 3.9,
    "AM25": 6.2,
    "AM26": 4.7,
    "AM27": 6.7,
    "AM28": 7.8,
    "AM29": 2.9,
    "AM30": 6.0,
    "AM32": 2.7,
    "AM33": 2.4,
    "AM34": 3.3,
    "AM35": 1.9,
    "AM36": 6.6,
    "AM37": 5.6,
    "AM38": 3.6,
}

VOORNAMEN = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Emma",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jan",
    "Kees",
    "Lotte",
    "Mark",
    "Noor",
    "Olga",
    "Pieter",
    "Quinten",
    "Rosa",
    "Sanne",
    "Tim",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
    "Ahmed",
    "Fatima",
    "Mohamed",
    "Amira",
    "Youssef",
    "Samira",
    "Dewi",
    "Rohan",
    "Anouk",
    "Bas",
    "Demi",
    "Eline",
    "Frank",
    "Gerrit",
    "Henk",
    "Inge",
    "Joost",
    "Karin",
    "Luuk",
    "Mila",
    "Nina",
    "Orlando",
    "Priya",
    "Ruben",
    "Saskia",
    "Thijs",
    "Ugo",
    "Vincent",
    "Wendy",
    "Xavi",
    "Yusuf",
    "Zoë",
    "Aziz",
    "Binta",
    "Cem",
    "Dilan",
    "Esra",
    "Filmon",
    "Goitom",
    "Hamid",
    "Idris",
    "Jamila",
    "Kofi",
    "Lina",
    "Merel",
    "Nadia",
    "Omar",
    "Patrick",
    "Rianne",
    "Selam",
    "Tamara",
    "Umut",
    "Wilma",
    "Yvonne",
]

ACHTERNAMEN = [
    "Akkerman",
    "Bakker",
    "Bos",
    "Brouwer",
    "Claassen",
    "Dekker",
    "Dijkstra",
    "Evers",
    "Faber",
    "Gerritsen",
    "Hendriks",
    "Hoekstra",
    "Jacobs",
    "Jansen",
    "Kok",
    "Koster",
    "Kuipers",
    "Lammers",
    "Maas",
    "Meijer",
    "Mulder",
    "Nijland",
    "Peters",
    "Post",
    "Prins",
    "Ruiter",
    "Schouten",
    "Smit",
    "Schipper",
    "Timmer",
    "Veenstra",
    "Verhoef",
    "Visser",
    "Vos",
    "Willems",
    "Wolters",
    "Yilmaz",
    "Kaya",
    "Öztürk",
    "Bouzid",
    "El",
    "Amrani",
    "Haddou",
    "Tesfaye",
    "Mohammadi",
    "Rahimi",
    "Sahin",
    "Demir",
    "Santos",
    "Ramdin",
    "Soekhoe",
    "Kartosen",
    "Tahiri",
]

TUSSENVOEGSELS = ["", "", "", "", "", "", "van", "de", "van der", "van den", "ter"]

# Parts of fictional place names ("Oosterbroek", "Nieuwveen").
PLAATS_BEGIN = [
    "Ooster",
    "Wester",
    "Noorder",
    "Zuider",
    "Nieuw",
    "Oud",
    "Groot",
    "Klein",
    "Hoog",
    "Laag",
    "Berg",
    "Dal",
    "Veen",
    "Beek",
    "Heide",
    "Linde",
    "Wilgen",
    "Eiken",
    "Molen",
    "Brug",
]
PLAATS_EIND = [
    "broek",
    "veen",
    "dam",
    "wijk",
    "hoven",
    "berg",
    "horst",
    "dorp",
    "kerk",
    "sluis",
    "haven",
    "meer",
    "woude",
    "zijl",
    "donk",
    "rade",
    "lo",
    "schoten",
]

# Trade words per sector for company names ("Bakkerij Van Dalen", "Groenbedrijf De Eik").
BEDRIJF_WOORDEN: dict[str, list[str]] = {
    Sector.HORECA: ["Restaurant", "Eetcafé", "Hotel", "Lunchroom", "Brasserie"],
    Sector.GROEN: ["Groenbedrijf", "Hoveniersbedrijf", "Kwekerij"],
    Sector.TECHNIEK: ["Installatiebedrijf", "Metaalbewerking", "Elektrotechniek"],
    Sector.ZORG_EN_WELZIJN: ["Zorgcentrum", "Thuiszorg", "Woonzorg"],
    Sector.LOGISTIEK: ["Transport", "Distributiecentrum", "Koeriers"],
    Sector.DETAILHANDEL: ["Supermarkt", "Bakkerij", "Bouwmarkt", "Slagerij"],
    Sector.BOUW: ["Bouwbedrijf", "Timmerbedrijf", "Schildersbedrijf"],
    Sector.SCHOONMAAK: ["Schoonmaakbedrijf", "Glazenwassers"],
    Sector.PRODUCTIE: ["Confectieatelier", "Verpakkingen", "Voedingsmiddelen"],
    Sector.FACILITAIR: ["Facilitair bedrijf", "Catering"],
    Sector.AGRARISCH: ["Melkveebedrijf", "Akkerbouw", "Tuinbouwbedrijf"],
    Sector.OVERIG: ["Dienstverlening", "Kringloopwinkel"],
}
BEDRIJF_NAAMDELEN = [
    "De Eik",
    "De Linde",
    "Het Anker",
    "De Vaart",
    "'t Veld",
    "De Zon",
    "Het Gilde",
    "De Brug",
    "De Molen",
    "Het Baken",
    "De Kroon",
    "De Horst",
    "Noorderlicht",
    "Zuiderzon",
    "De Hoeksteen",
    "Het Ambacht",
]

# Which kwalificaties (by the start of their name in the catalog) fit a sector;
# Entree fits everywhere.
SECTOR_KWALIFICATIES: dict[str, list[str]] = {
    Sector.HORECA: ["Gastheer", "Medewerker hospitality"],
    Sector.FACILITAIR: ["Medewerker hospitality"],
    Sector.GROEN: ["Medewerker teelt"],
    Sector.AGRARISCH: ["Medewerker veehouderij", "Medewerker teelt"],
    Sector.LOGISTIEK: ["Medewerker agrohandel"],
    Sector.DETAILHANDEL: ["Medewerker agrohandel"],
}

SECTOR_GEWICHT = {
    Sector.HORECA: 14,
    Sector.GROEN: 9,
    Sector.TECHNIEK: 9,
    Sector.ZORG_EN_WELZIJN: 10,
    Sector.LOGISTIEK: 12,
    Sector.DETAILHANDEL: 14,
    Sector.BOUW: 6,
    Sector.SCHOONMAAK: 7,
    Sector.PRODUCTIE: 8,
    Sector.FACILITAIR: 5,
    Sector.AGRARISCH: 4,
    Sector.OVERIG: 2,
}
SOORT_GEWICHT = {
    LeerbedrijfSoort.REGULIER: 76,
    LeerbedrijfSoort.ONTWIKKELBEDRIJF: 7,
    LeerbedrijfSoort.SW_BEDRIJF: 5,
    LeerbedrijfSoort.OVERHEID: 7,
    LeerbedrijfSoort.ANDERS: 5,
}
# The status a leerbedrijf ends in, with the path that leads there.
LEERBEDRIJF_PADEN: list[tuple[int, list[str]]] = [
    (14, [LeerbedrijfStatus.BENADERD]),
    (10, [LeerbedrijfStatus.BENADERD, LeerbedrijfStatus.IN_GESPREK]),
    (
        8,
        [
            LeerbedrijfStatus.BENADERD,
            LeerbedrijfStatus.IN_GESPREK,
            LeerbedrijfStatus.AKKOORD,
        ],
    ),
    (
        60,
        [
            LeerbedrijfStatus.BENADERD,
            LeerbedrijfStatus.IN_GESPREK,
            LeerbedrijfStatus.AKKOORD,
            LeerbedrijfStatus.ACTIEF,
        ],
    ),
    (
        8,
        [
            LeerbedrijfStatus.BENADERD,
            LeerbedrijfStatus.IN_GESPREK,
            LeerbedrijfStatus.AKKOORD,
            LeerbedrijfStatus.ACTIEF,
            LeerbedrijfStatus.GESTOPT,
        ],
    ),
]

BRON_GEWICHT = {
    Bron.GEMEENTE: 46,
    Bron.UWV: 24,
    Bron.SW_BEDRIJF: 7,
    Bron.WERKGEVER: 7,
    Bron.ONDERWIJS: 5,
    Bron.ZELFMELDER: 7,
    Bron.ANDERS: 4,
}
# The benefit follows from who referred the candidate.
UITKERING_PER_BRON: dict[str, dict[str, int]] = {
    Bron.GEMEENTE: {
        Uitkering.PARTICIPATIEWET: 78,
        Uitkering.NUG: 10,
        Uitkering.IOAW: 5,
        Uitkering.ANW: 2,
        Uitkering.GEEN: 5,
    },
    Bron.UWV: {
        Uitkering.WW: 45,
        Uitkering.WIA: 20,
        Uitkering.WAJONG: 25,
        Uitkering.ZW: 10,
    },
    Bron.SW_BEDRIJF: {Uitkering.PARTICIPATIEWET: 60, Uitkering.WAJONG: 40},
    Bron.WERKGEVER: {Uitkering.WERKEND: 100},
    Bron.ONDERWIJS: {Uitkering.GEEN: 60, Uitkering.NUG: 25, Uitkering.WAJONG: 15},
    Bron.ZELFMELDER: {
        Uitkering.NUG: 40,
        Uitkering.GEEN: 30,
        Uitkering.WW: 15,
        Uitkering.PARTICIPATIEWET: 15,
    },
    Bron.ANDERS: {Uitkering.PARTICIPATIEWET: 50, Uitkering.GEEN: 30, Uitkering.NUG: 20},
}
OPLEIDING_GEWICHT = {
    Opleiding.GEEN: 12,
    Opleiding.PRO_VSO: 10,
    Opleiding.VMBO: 30,
    Opleiding.MBO1: 12,
    Opleiding.MBO2_PLUS: 14,
    Opleiding.HAVO_VWO: 5,
    Opleiding.HBO_WO: 3,
    Opleiding.BUITENLAND: 14,
}
STARTKWALIFICATIE_GEWICHT = {
    Startkwalificatie.GEEN: 72,
    Startkwalificatie.VEROUDERD: 16,
    Startkwalificatie.JA: 12,
}
# Share of candidates in each target group (independent of each other).
DOELGROEP_KANS = {
    "arbeidsbeperking": 0.22,
    "statushouder": 0.14,
    "laaggeletterd": 0.18,
    "voortijdig_schoolverlater": 0.20,
    "pro_vso": 0.10,
}

ADVIES_GEWICHT = {
    AdviesUitkomst.PRAKTIJKVERKLARING: 75,
    AdviesUitkomst.MBO_CERTIFICAAT: 5,
    AdviesUitkomst.MBO_DIPLOMA: 3,
    AdviesUitkomst.WERKFIT_EERST: 8,
    AdviesUitkomst.ANDER_INSTRUMENT: 5,
    AdviesUitkomst.NIET_GESCHIKT: 4,
}
UITVAL_GEWICHT = {
    UitvalReden.GEZONDHEID: 24,
    UitvalReden.MOTIVATIE: 18,
    UitvalReden.WERK_GEVONDEN: 14,
    UitvalReden.PRIVE: 16,
    UitvalReden.LEERBEDRIJF: 10,
    UitvalReden.NIVEAU: 8,
    UitvalReden.FINANCIERING: 4,
    UitvalReden.ANDERS: 6,
}
REGELING_GEWICHT = {
    Regeling.PERSPECTIEF_OP_WERK: 30,
    Regeling.SUBSIDIE_DERDE_LEERWEG: 20,
    Regeling.GEMEENTE: 25,
    Regeling.UWV: 15,
    Regeling.CRISISREGELING: 4,
    Regeling.WERKGEVER: 4,
    Regeling.ANDERS: 2,
}
# The outcome of a traject that ended with a praktijkverklaring.
UITKOMST_GEWICHT = {
    UitkomstSoort.WERK_LEERBEDRIJF: 34,
    UitkomstSoort.WERK_ELDERS: 16,
    UitkomstSoort.MBO_CERTIFICAAT: 8,
    UitkomstSoort.MBO_DIPLOMA: 4,
    UitkomstSoort.BBL: 7,
    UitkomstSoort.VOLGENDE_VERKLARING: 8,
    UitkomstSoort.GEEN_VERVOLG: 23,
}
CONTRACT_GEWICHT = {
    Contractsoort.TIJDELIJK: 50,
    Contractsoort.VAST: 18,
    Contractsoort.UITZEND: 14,
    Contractsoort.OPROEP: 8,
    Contractsoort.BESCHUT: 10,
}
# The situation at a follow-up measurement, by kind of outcome.
SITUATIE_NA_WERK = {
    Situatie.WERK: 74,
    Situatie.WERK_EN_OPLEIDING: 6,
    Situatie.ZOEKT_WERK: 10,
    Situatie.GEEN_WERK: 3,
    Situatie.ONBEKEND: 7,
}
SITUATIE_NA_OPLEIDING = {
    Situatie.OPLEIDING: 55,
    Situatie.WERK_EN_OPLEIDING: 20,
    Situatie.WERK: 10,
    Situatie.ZOEKT_WERK: 7,
    Situatie.ONBEKEND: 8,
}
SITUATIE_ANDERS = {
    Situatie.WERK: 22,
    Situatie.WERK_EN_OPLEIDING: 4,
    Situatie.OPLEIDING: 6,
    Situatie.ZOEKT_WERK: 35,
    Situatie.GEEN_WERK: 18,
    Situatie.ONBEKEND: 15,
}

CONTACT_SAMENVATTINGEN = [
    "Gesprek over de voortgang op de werkplek.",
    "Afspraken gemaakt over de reistijd en werktijden.",
    "Kandidaat gebeld: het gaat goed.",
    "Samen de volgende stap besproken.",
    "Vragen over de uitkering doorgenomen.",
    "Bezoek op de werkplek met de praktijkopleider.",
]
VOLGENDE_ACTIES = [
    "Terugbellen over de planning",
    "Afspraak met het leerbedrijf maken",
    "Papieren voor de uitkering nakijken",
    "Evaluatiegesprek plannen",
]
