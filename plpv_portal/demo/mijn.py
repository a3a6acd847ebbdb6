"""A demo way into the candidate's own pages (`/mijn/`).

A candidate logs in without a password: a one-time code (or link) and their date of
birth. `seed_demo` makes a fresh printed code for the candidate with the demo's
valid praktijkverklaring (and other proofs), through the same service a consulent
uses, and prints it with the date of birth. Every run makes a new code: the earlier
unused one stops working (one way in at a time), and a code works once.
"""

import os
from dataclasses import dataclass
from datetime import date

from kandidaten.models import Kandidaat
from mijn.services import code_opmaken, toegang_code_maken
from plpv_portal.demo.verklaringen import demo_verklaring_traject


@dataclass(frozen=True)
class DemoToegang:
    kandidaat: Kandidaat
    code: str  # as printed for the candidate: ABCD-EFGH-JKMN
    geboortedatum: date


def demo_mijn() -> DemoToegang | None:
    traject = demo_verklaring_traject()
    if traject is None:
        return None
    nieuw = toegang_code_maken(kandidaat=traject.kandidaat, door=traject.consulent)
    return DemoToegang(
        kandidaat=traject.kandidaat,
        code=code_opmaken(nieuw.sleutel),
        geboortedatum=traject.kandidaat.geboortedatum,
    )


def mijn_tekst(toegang: DemoToegang) -> list[str]:
    adres = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/mijn/code/"
    return [
        f"De eigen pagina's van kandidaat {toegang.kandidaat} (zonder wachtwoord): ga "
        f"naar {adres}",
        f"  code {toegang.code}, geboortedatum {toegang.geboortedatum:%d-%m-%Y}",
        "  De code werkt één keer; elke keer dat seed_demo draait, komt er een nieuwe "
        "(de vorige werkt dan niet meer).",
    ]
