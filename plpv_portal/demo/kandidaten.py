"""About 40 fictional candidates in the caseloads of Jessica (gemeente) and Hans (UWV).

Halima and Arthur are the personas of seed 001; all other names are made up and the
data is generated from a fixed seed, so every run gives the same region.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from kandidaten.constants import (
    Bron,
    ContactSoort,
    Fase,
    Opleiding,
    Startkwalificatie,
    Uitkering,
    WerkfitFase,
)
from kandidaten.models import Contactmoment, Kandidaat
from kandidaten.services import contactmoment_create, gebeurtenis_vastleggen

VOORNAMEN = [
    "Sem",
    "Noah",
    "Daan",
    "Liam",
    "Mila",
    "Emma",
    "Julia",
    "Tess",
    "Yara",
    "Sara",
    "Mohamed",
    "Aylin",
    "Kevin",
    "Dewi",
    "Bram",
    "Fleur",
    "Joris",
    "Naima",
    "Rik",
    "Lotte",
    "Omar",
    "Esra",
    "Tim",
    "Iris",
    "Jesse",
    "Anouk",
    "Ravi",
    "Lina",
    "Milan",
    "Femke",
    "Thijs",
    "Sanne",
    "Hamza",
    "Nina",
    "Luuk",
    "Eva",
    "Ricardo",
    "Zeynep",
]
ACHTERNAMEN = [
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Wijers",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
]
WOONPLAATSEN = [
    ("7511", "Enschede"),
    ("7551", "Hengelo"),
    ("7601", "Almelo"),
    ("7461", "Rijssen"),
    ("7481", "Haaksbergen"),
    ("7571", "Oldenzaal"),
]
WENSEN = [
    ("Horeca", "Bediening"),
    ("Groen", "Hovenier"),
    ("Logistiek", "Magazijn"),
    ("Zorg en welzijn", "Woonhulp"),
    ("Techniek", "Elektromonteur"),
    ("Detailhandel", "Vakkenvuller"),
    ("Horeca", "Keukenhulp"),
]
FASEN = (
    [Fase.AANGEMELD] * 8
    + [Fase.ADVIES] * 5
    + [Fase.ADVIES_GEGEVEN] * 5
    + [Fase.GEPLAATST] * 6
    + [Fase.LOPEND] * 8
    + [Fase.AFGEROND] * 4
    + [Fase.UITGEVALLEN] * 2
)


def _opslaan(*, consulent, sleutel: dict, velden: dict) -> Kandidaat:
    kandidaat, nieuw = Kandidaat.objects.update_or_create(
        **sleutel,
        organisatie=consulent.organisatie,
        defaults={
            **velden,
            "consulent": consulent,
            "toestemming_door": consulent,
            "regio": consulent.organisatie.regios.first(),
        },
    )
    if nieuw:
        gebeurtenis_vastleggen(
            kandidaat=kandidaat,
            soort="intake",
            titel=f"Aangemeld door {consulent}",
            door=consulent,
        )
    return kandidaat


def _contact(kandidaat, consulent, dagen_geleden, samenvatting, actie="", over=0):
    if Contactmoment.objects.filter(
        kandidaat=kandidaat, samenvatting=samenvatting
    ).exists():
        return
    vandaag = timezone.localdate()
    contactmoment_create(
        contactmoment=Contactmoment(
            datum=vandaag - timedelta(days=dagen_geleden),
            soort=ContactSoort.GESPREK,
            samenvatting=samenvatting,
            volgende_actie=actie,
            volgende_actie_op=vandaag + timedelta(days=over) if actie else None,
        ),
        kandidaat=kandidaat,
        door=consulent,
    )


def demo_kandidaten(medewerkers: dict) -> dict[str, Kandidaat]:
    """Create the personas and 38 generated candidates; safe to run twice."""
    jessica, hans = medewerkers["jessica"], medewerkers["hans"]
    vandaag = timezone.localdate()
    halima = _opslaan(
        consulent=jessica,
        sleutel={
            "voornaam": "Halima",
            "achternaam": "Haddou",
            "geboortedatum": date(vandaag.year - 23, 3, 14),
        },
        velden={
            "postcode": "7511 JK",
            "woonplaats": "Enschede",
            "telefoon": "0600000001",
            "bron": Bron.GEMEENTE,
            "uitkering": Uitkering.PARTICIPATIEWET,
            "hoogste_opleiding": Opleiding.BUITENLAND,
            "startkwalificatie": Startkwalificatie.GEEN,
            "statushouder": True,
            "werkfit_fase": WerkfitFase.SPECIFIEK,
            "wens_sector": "Textiel",
            "wens_beroep": "Naaister, kleding maken en herstellen",
            "toestemming_op": vandaag - timedelta(days=20),
        },
    )
    _contact(
        halima,
        jessica,
        20,
        "Intakegesprek: kan goed naaien, wil in een atelier werken",
        "Checklist inclusief advies met het mbo",
        5,
    )
    arthur = _opslaan(
        consulent=hans,
        sleutel={
            "voornaam": "Arthur",
            "achternaam": "Lansink",
            "geboortedatum": date(vandaag.year - 19, 9, 2),
        },
        velden={
            "postcode": "7551 CD",
            "woonplaats": "Hengelo",
            "telefoon": "0600000002",
            "bron": Bron.UWV,
            "uitkering": Uitkering.WAJONG,
            "hoogste_opleiding": Opleiding.VMBO,
            "startkwalificatie": Startkwalificatie.GEEN,
            "voortijdig_schoolverlater": True,
            "arbeidsbeperking": True,
            "werkfit_fase": WerkfitFase.BASISVAARDIGHEDEN,
            "wens_sector": "Techniek",
            "wens_beroep": "Elektrotechnisch werk",
            "toestemming_op": vandaag - timedelta(days=45),
        },
    )
    _contact(arthur, hans, 45, "Kennismaking: van school gegaan, wil iets met elektra")

    rng = random.Random(2026)
    for i in range(38):
        consulent = jessica if i % 3 else hans
        postcode, plaats = rng.choice(WOONPLAATSEN)
        sector, beroep = rng.choice(WENSEN)
        fase = FASEN[i % len(FASEN)]
        kandidaat = _opslaan(
            consulent=consulent,
            sleutel={
                "voornaam": VOORNAMEN[i % len(VOORNAMEN)],
                "achternaam": ACHTERNAMEN[(i * 7) % len(ACHTERNAMEN)],
                "geboortedatum": date(
                    1966 + rng.randrange(40),
                    1 + rng.randrange(12),
                    1 + rng.randrange(28),
                ),
            },
            velden={
                "postcode": f"{postcode} {rng.choice('ABCDEFGHJK')}{rng.choice('LMNPRT')}",
                "woonplaats": plaats,
                "bron": Bron.GEMEENTE if consulent == jessica else Bron.UWV,
                "uitkering": rng.choice(
                    [Uitkering.PARTICIPATIEWET, Uitkering.NUG, Uitkering.IOAW]
                    if consulent == jessica
                    else [Uitkering.WW, Uitkering.WIA, Uitkering.WAJONG, Uitkering.ZW]
                ),
                "hoogste_opleiding": rng.choice(list(Opleiding)),
                "startkwalificatie": rng.choice(
                    [
                        Startkwalificatie.GEEN,
                        Startkwalificatie.GEEN,
                        Startkwalificatie.VEROUDERD,
                    ]
                ),
                "arbeidsbeperking": rng.random() < 0.3,
                "statushouder": rng.random() < 0.15,
                "laaggeletterd": rng.random() < 0.2,
                "werkfit_fase": rng.choice(list(WerkfitFase)),
                "wens_sector": sector,
                "wens_beroep": beroep,
                "fase": fase,
                "toestemming_op": vandaag - timedelta(days=30 + i * 5),
            },
        )
        if rng.random() < 0.75:
            dagen = rng.randrange(1, 60)
            _contact(
                kandidaat,
                consulent,
                dagen,
                "Voortgangsgesprek",
                "Terugbellen" if rng.random() < 0.5 else "",
                rng.randrange(-5, 14),
            )
    return {"halima": halima, "arthur": arthur}
