"""The personal fields of verklaringen's models (organisaties.audit): what anonymising
a candidate empties, and the text fields that are kept."""

from organisaties.audit import persoonsvelden_registreren

from .models import (
    Borging,
    Eindbeoordeling,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Praktijkverklaring,
)

persoonsvelden_registreren(Observatie, kandidaat="traject__kandidaat")
persoonsvelden_registreren(
    ObservatieScore, kandidaat="observatie__traject__kandidaat", velden=["notitie"]
)
persoonsvelden_registreren(
    Ontwikkeldoel, kandidaat="traject__kandidaat", velden=["doel"]
)
persoonsvelden_registreren(
    Eindbeoordeling, kandidaat="traject__kandidaat", velden=["motivatie"]
)
persoonsvelden_registreren(
    Borging, kandidaat="traject__kandidaat", velden=["opmerking"]
)
persoonsvelden_registreren(
    Praktijkverklaring,
    kandidaat="traject__kandidaat",
    velden=["pdf", "intrekking_reden"],
    # The number and code still verify the verklaring; the page then shows no name.
    bewaard=["nummer", "code", "verificatie_url", "plaats"],
)
