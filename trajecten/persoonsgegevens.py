"""The personal fields of trajecten's models (organisaties.audit): what anonymising a
candidate empties, and the text fields that are kept."""

from organisaties.audit import persoonsvelden_registreren

from .models import (
    Advies,
    AdviesAntwoord,
    Financiering,
    Ondertekening,
    Overeenkomst,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
    TrajectCorrectie,
    TrajectCorrectieRegel,
    TrajectStatuswijziging,
)

persoonsvelden_registreren(
    Advies,
    kandidaat="kandidaat",
    velden=["motivatie"],
    bewaard=["redenen"],  # codes of the checklist's reasons
)
persoonsvelden_registreren(
    AdviesAntwoord,
    kandidaat="advies__kandidaat",
    velden=["toelichting"],
    bewaard=["vraag_tekst"],  # the question as it was asked
)
persoonsvelden_registreren(
    Traject, kandidaat="kandidaat", velden=["zonder_advies_reden"]
)
persoonsvelden_registreren(
    TrajectStatuswijziging, kandidaat="traject__kandidaat", velden=["reden"]
)
persoonsvelden_registreren(Plaatsing, kandidaat="traject__kandidaat")
persoonsvelden_registreren(Financiering, kandidaat="traject__kandidaat")
persoonsvelden_registreren(
    TrajectCorrectie, kandidaat="traject__kandidaat", velden=["reden"]
)
persoonsvelden_registreren(
    TrajectCorrectieRegel,
    kandidaat="correctie__traject__kandidaat",
    velden=["oud", "nieuw"],
    bewaard=["onderwerp"],  # "Plaatsing bij ..." names the leerbedrijf
)
persoonsvelden_registreren(Overeenkomst, kandidaat="traject__kandidaat")
persoonsvelden_registreren(
    OvereenkomstVersie,
    kandidaat="overeenkomst__traject__kandidaat",
    velden=["gegevens", "pdf"],
    bewaard=["vingerafdruk"],  # a hash: says nothing without the data
)
persoonsvelden_registreren(
    Ondertekening,
    kandidaat="versie__overeenkomst__traject__kandidaat",
    velden=["naam", "bestand"],
    bewaard=["rol"],
)
