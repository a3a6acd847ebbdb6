"""The personal fields of verklaringen's models (organisaties.audit): what anonymising
a candidate empties, and the text fields that are kept."""

from organisaties.audit import STANDAARD, persoonsvelden_registreren

from .models import (
    Bewijs,
    Borging,
    Eindbeoordeling,
    MboVerklaring,
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
    # The stored credential carries a salted hash of the name: emptied (the holder's
    # own copy still verifies by its signature and the status list).
    velden={"pdf": STANDAARD, "intrekking_reden": STANDAARD, "credential": ""},
    # The number and code still verify the verklaring; the page then shows no name.
    bewaard=["nummer", "code", "verificatie_url", "plaats"],
)
persoonsvelden_registreren(
    Bewijs,
    kandidaat="traject__kandidaat",
    velden={"omschrijving": STANDAARD, "document": STANDAARD},
    # Who issued the certificate says nothing about the person.
    bewaard=["uitgever"],
)
persoonsvelden_registreren(
    MboVerklaring,
    kandidaat="traject__kandidaat",
    # The stored credential: emptied, as the praktijkverklaring's.
    velden={"pdf": STANDAARD, "intrekking_reden": STANDAARD, "credential": ""},
    # The number and code still verify it; the page then shows no name.
    bewaard=["nummer", "code", "verificatie_url"],
)
