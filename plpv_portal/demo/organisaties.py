"""Demo organisations and logins in Twente.

Jessica Smit and Hans van Dijk are the personas of seed 001; nobody here is a real person.
"""

from organisaties.constants import OrganisatieType, Rol
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie
from organisaties.services import medewerker_opslaan, organisatie_opslaan
from organisaties.validators import DEMO_WACHTWOORD

ORGANISATIES = {
    "gemeente": ("Gemeente Enschede", OrganisatieType.GEMEENTE, {}),
    "uwv": ("UWV Twente", OrganisatieType.UWV, {}),
    "mbo": (
        "Twents Vakcollege (demo)",
        OrganisatieType.MBO_INSTELLING,
        {"brin_code": "99XA"},
    ),
    "ontwikkel": (
        "Werkbedrijf Twentekanaal (demo)",
        OrganisatieType.ONTWIKKELBEDRIJF,
        {"kvk_nummer": "90000001"},
    ),
    "bakkerij": (
        "Bakkerij De Korenschoof (demo)",
        OrganisatieType.LEERBEDRIJF,
        {"kvk_nummer": "90000002"},
    ),
    "groen": (
        "Groenvoorziening Het Hulsbeek (demo)",
        OrganisatieType.LEERBEDRIJF,
        {"kvk_nummer": "90000003"},
    ),
    "loket": ("Leerwerkloket Twente (demo)", OrganisatieType.LEERWERKLOKET, {}),
}

LOGINS = [
    ("jessica", "Jessica", "Smit", "gemeente", [Rol.CONSULENT], "Klantmanager"),
    ("hans", "Hans", "van Dijk", "uwv", [Rol.CONSULENT], "Adviseur werk"),
    (
        "opleider",
        "Peter",
        "Brink",
        "bakkerij",
        [Rol.PRAKTIJKOPLEIDER],
        "Praktijkopleider",
    ),
    ("mbo", "Sanne", "Mulder", "mbo", [Rol.MBO_MEDEWERKER], "Adviseur praktijkleren"),
    (
        "coordinator",
        "Karin",
        "Bos",
        "loket",
        [Rol.REGIOCOORDINATOR],
        "Regiocoördinator",
    ),
    (
        "beheer",
        "Ruud",
        "Kamphuis",
        "loket",
        [Rol.FUNCTIONEEL_BEHEERDER],
        "Functioneel beheerder",
    ),
]


def demo_organisaties(
    regio: Arbeidsmarktregio,
) -> tuple[dict[str, Organisatie], dict[str, Medewerker]]:
    """Create (or update) the demo organisations and one login per role."""
    organisaties = {
        sleutel: organisatie_opslaan(naam=naam, type=soort, regios=[regio], **velden)
        for sleutel, (naam, soort, velden) in ORGANISATIES.items()
    }
    medewerkers = {
        username: medewerker_opslaan(
            username=username,
            organisatie=organisaties[org],
            rollen=rollen,
            wachtwoord=DEMO_WACHTWOORD,
            first_name=voornaam,
            last_name=achternaam,
            functie=functie,
            email=f"{username}@demo.plpv.test",
        )
        for username, voornaam, achternaam, org, rollen, functie in LOGINS
    }
    return organisaties, medewerkers


def logins_tekst() -> list[str]:
    regels = []
    for username, voornaam, achternaam, org, rollen, _functie in LOGINS:
        rol = ", ".join(str(Rol(r).label) for r in rollen)
        regels.append(
            f"  {username:<12} {voornaam} {achternaam}, {rol} bij {ORGANISATIES[org][0]}"
        )
    return regels
