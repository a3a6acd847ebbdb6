"""The personal fields of the funding dossier (organisaties.audit): anonymising a
candidate removes the ZIP, which holds the whole file."""

from organisaties.audit import persoonsvelden_registreren

from .models import Dossieraanvraag

persoonsvelden_registreren(
    Dossieraanvraag,
    kandidaat="traject__kandidaat",
    velden=["bestand"],
    bewaard=["fout"],  # a fixed Dutch sentence, never personal
)
