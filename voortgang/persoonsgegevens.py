"""The personal fields of voortgang's models (organisaties.audit): what anonymising a
candidate empties, and the text fields that are kept."""

from organisaties.audit import persoonsvelden_registreren

from .models import (
    Aanwezigheid,
    AanwezigheidCorrectie,
    GesprekActie,
    GesprekOndertekening,
    Gespreksritme,
    Voortgangsgesprek,
)

persoonsvelden_registreren(
    Aanwezigheid, kandidaat="plaatsing__traject__kandidaat", velden=["toelichting"]
)
persoonsvelden_registreren(
    AanwezigheidCorrectie,
    kandidaat="aanwezigheid__plaatsing__traject__kandidaat",
    velden=["reden"],
)
persoonsvelden_registreren(
    Voortgangsgesprek,
    kandidaat="traject__kandidaat",
    velden=["anderen_aanwezig", "goed_ging", "afspraken"],
)
persoonsvelden_registreren(
    GesprekOndertekening, kandidaat="gesprek__traject__kandidaat"
)
persoonsvelden_registreren(
    GesprekActie, kandidaat="gesprek__traject__kandidaat", velden=["omschrijving"]
)
persoonsvelden_registreren(Gespreksritme, kandidaat="traject__kandidaat")
