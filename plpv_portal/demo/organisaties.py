"""Demo organisations and logins in Twente.

Jessica Smit and Hans van Dijk are the personas of seed 001; nobody here is a real person.
"""

from datetime import timedelta

from django.utils import timezone

from organisaties.constants import Expertise, OrganisatieType, Rol
from organisaties.models import (
    Arbeidsmarktregio,
    Medewerker,
    Netwerkcontact,
    Organisatie,
)
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


NETWERK = [
    (
        "Marieke Oude Groen",
        "loket",
        Expertise.AMBASSADEUR,
        "Vragen over praktijkleren in Twente",
        "0530000101",
        "",
        20,
    ),
    (
        "Bas Nijhuis",
        "loket",
        Expertise.LEERWERKLOKET,
        "Scholing en leerwerktrajecten",
        "0530000102",
        "",
        60,
    ),
    (
        "Anouk Veldhuis",
        "uwv",
        Expertise.WERKGEVERSADVISEUR,
        "Werkgevers die willen meedoen",
        "",
        "werkgevers@demo.plpv.test",
        250,
    ),
    (
        "Yusuf Demir",
        "ontwikkel",
        Expertise.JOBCOACH,
        "Begeleiding op de werkvloer",
        "0530000104",
        "",
        10,
    ),
    (
        "Lotte Ter Horst",
        "mbo",
        Expertise.MBO,
        "Checklist, advies en praktijkverklaring",
        "",
        "praktijkleren@demo.plpv.test",
        300,
    ),
    (
        "Gert Jan Wolters",
        "loket",
        Expertise.SBB,
        "Erkenning van leerbedrijven",
        "0530000106",
        "",
        90,
    ),
]


def demo_netwerk(organisaties: dict[str, Organisatie], door: Medewerker) -> None:
    """A few fictional network contacts; two are overdue for a check."""
    vandaag = timezone.localdate()
    for naam, org, expertise, toelichting, telefoon, email, dagen in NETWERK:
        Netwerkcontact.objects.update_or_create(
            naam=naam,
            organisatie=organisaties[org],
            defaults={
                "expertise": expertise,
                "toelichting": toelichting,
                "telefoon": telefoon,
                "email": email,
                "gecontroleerd_op": vandaag - timedelta(days=dagen),
                "gecontroleerd_door": door,
            },
        )
