"""The personal fields of kandidaten's models (organisaties.audit): what anonymising a
candidate empties, and the text fields that are kept."""

from datetime import date

from organisaties.audit import persoonsvelden_registreren

from .models import Contactmoment, Gebeurtenis, Kandidaat


def _alleen_jaar(kandidaat) -> date:
    # The year of birth stays (age groups in reports); day and month go.
    return date(kandidaat.geboortedatum.year, 1, 1)


def _pc4(kandidaat) -> str:
    # The four digits are an area of thousands of addresses: kept for the regional
    # figures and the distances in matching; the letters go.
    return kandidaat.postcode[:4]


persoonsvelden_registreren(
    Kandidaat,
    kandidaat="",
    velden={
        "voornaam": "Geanonimiseerd",
        "achternaam": lambda k: f"#{k.pk}",
        "geboortedatum": _alleen_jaar,
        "email": "",
        "telefoon": "",
        "postcode": _pc4,
        "bsn_versleuteld": None,
        "startkwalificatie_motivatie": "Geanonimiseerd",
        "lopend_toelichting": "",
        "wens_sector": "",
        "wens_beroep": "",
    },
    # The gemeente is a region of its own in the figures, not a person.
    bewaard=["woonplaats"],
)
persoonsvelden_registreren(
    Contactmoment, kandidaat="kandidaat", velden=["samenvatting", "volgende_actie"]
)
persoonsvelden_registreren(
    Gebeurtenis, kandidaat="kandidaat", velden=["titel", "toelichting"]
)
