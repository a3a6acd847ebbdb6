from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from organisaties.constants import OrganisatieType, Rol
from organisaties.models import Arbeidsmarktregio
from organisaties.services import medewerker_opslaan, organisatie_opslaan
from organisaties.validators import DEMO_WACHTWOORD

# Fictional organisations and people in Twente. Jessica Smit and Hans van Dijk are
# the personas of seed 001; nobody here is a real person.
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


class Command(BaseCommand):
    help = (
        "Create fictional demo data in Twente with one login per role (safe to repeat)."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "seed_demo is refused here: these settings do not allow demo data "
                "(the demo password would be a public back door)."
            )
        with transaction.atomic():
            twente = Arbeidsmarktregio.objects.get(code="AM05")
            organisaties = {
                sleutel: organisatie_opslaan(
                    naam=naam, type=soort, regios=[twente], **velden
                )
                for sleutel, (naam, soort, velden) in ORGANISATIES.items()
            }
            for username, voornaam, achternaam, org, rollen, functie in LOGINS:
                medewerker_opslaan(
                    username=username,
                    organisatie=organisaties[org],
                    rollen=rollen,
                    wachtwoord=DEMO_WACHTWOORD,
                    first_name=voornaam,
                    last_name=achternaam,
                    functie=functie,
                    email=f"{username}@demo.plpv.test",
                )
        self.stdout.write(self.style.SUCCESS("Demodata staat klaar in regio Twente."))
        self.stdout.write(f"Inloggen met wachtwoord '{DEMO_WACHTWOORD}':")
        for username, voornaam, achternaam, org, rollen, _functie in LOGINS:
            rol = ", ".join(str(Rol(r).label) for r in rollen)
            self.stdout.write(
                f"  {username:<12} {voornaam} {achternaam}, {rol} bij {ORGANISATIES[org][0]}"
            )
